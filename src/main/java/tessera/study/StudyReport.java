package tessera.study;

import tessera.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The study's results from its state: {@code results.csv} (one row per model or fused ensemble and
 * repetition), {@code results.md} (mean ± standard error per cell) and the plots.
 */
public final class StudyReport {

    public static final String CSV = "results.csv";
    public static final String MARKDOWN = "results.md";

    private StudyReport() {
    }

    public static void write(Path dir, StudyPlan plan, StudyState state, boolean withPlots) throws IOException {
        List<StudyRow> rows = rows(plan, state);
        StringBuilder csv = new StringBuilder(StudyRow.HEADER).append('\n');
        rows.forEach(r -> csv.append(r.csv()).append('\n'));
        AtomicFiles.writeString(dir.resolve(CSV), csv.toString());
        StudyResults results = new StudyResults(rows);
        AtomicFiles.writeString(dir.resolve(MARKDOWN), markdown(plan, results));
        if (withPlots && !rows.isEmpty()) {
            StudyPlots.writeAll(dir, plan, results);
        }
    }

    /** Every recorded result in grid order; units not yet done are absent. */
    public static List<StudyRow> rows(StudyPlan plan, StudyState state) {
        List<StudyRow> rows = new ArrayList<>();
        for (int r = 0; r < plan.seeds; r++) {
            add(rows, state, StudyState.baselineKey(r), StudyRow.BASELINE, 0, 1.0, r);
            for (double f : plan.subsets) {
                for (int m = 1; m <= plan.maxTeachers(); m++) {
                    add(rows, state, StudyState.teacherKey(f, r, m), "teacher", m, f, r);
                }
                for (int t : plan.teachers) {
                    add(rows, state, StudyState.ensembleKey(t, f, r), StudyRow.ENSEMBLE, t, f, r);
                    for (String mode : plan.modes) {
                        add(rows, state, StudyState.studentKey(t, f, r, mode), StudyRow.STUDENT, t, f, r);
                    }
                }
            }
        }
        return rows;
    }

    private static void add(List<StudyRow> rows, StudyState state, String key, String kind, int teachers, double subset, int rep) {
        StudyState.Unit u = state.units.get(key);
        if (u == null || !u.done) {
            return;
        }
        for (Map.Entry<String, StudyState.Measured> e : u.results.entrySet()) {
            StudyState.Measured m = e.getValue();
            rows.add(new StudyRow(kind, teachers, subset, e.getKey(), rep + 1, m.accuracy(), m.macroF1(), m.nll(), m.ece(),
                    m.macs(), m.seconds()));
        }
    }

    static String markdown(StudyPlan plan, StudyResults results) {
        StringBuilder md = new StringBuilder();
        md.append("# Experiment grid on ").append(plan.dataset).append("\n\n");
        md.append(String.format(Locale.ROOT, "Teachers %s × subset fraction %s × modes %s, %d seed(s); teachers %s, students %s,"
                        + " %d epoch(s), batch %d, T = %s, alpha = %s%s.%n%n",
                plan.teachers, plan.subsets, plan.modes, plan.seeds, plan.architecture, plan.studentArchitecture, plan.epochs,
                plan.batchSize, plan.temperature, plan.alpha,
                plan.trainLimit > 0 ? ", " + plan.trainLimit + " training images drawn" : ""));
        md.append("Test accuracy in %, mean ± standard error over seeds (no ± with one seed). "
                + "`labels` is the student network trained on labels alone; `teacher` the mean single teacher.\n\n");

        List<String> fusion = results.methods(StudyRow.ENSEMBLE);
        md.append("| teachers | subset | labels | teacher | ensemble (mean) | best fusion |");
        for (String mode : plan.modes) {
            md.append(' ').append(mode).append(" |");
        }
        md.append(" best mode |\n|---|---|---|---|---|---|");
        md.append("---|".repeat(plan.modes.size())).append("---|\n");
        MeanAndError baseline = results.get(StudyRow.BASELINE, 0, 1.0, "labels");
        for (int t : plan.teachers) {
            for (double f : plan.subsets) {
                md.append("| ").append(t).append(" | ").append(f).append(" | ").append(baseline.percent()).append(" | ")
                        .append(results.teacherMean(f, t).percent()).append(" | ")
                        .append(results.get(StudyRow.ENSEMBLE, t, f, "mean").percent()).append(" | ");
                String bestFusion = results.best(StudyRow.ENSEMBLE, t, f, fusion);
                md.append(bestFusion == null ? "–" : bestFusion + " " + results.get(StudyRow.ENSEMBLE, t, f, bestFusion).percent()).append(" |");
                for (String mode : plan.modes) {
                    md.append(' ').append(results.get(StudyRow.STUDENT, t, f, mode).percent()).append(" |");
                }
                String bestMode = results.best(StudyRow.STUDENT, t, f, plan.modes);
                md.append(' ').append(bestMode == null ? "–" : bestMode).append(" |\n");
            }
        }

        md.append("\n## The ensemble under every fusion method (test accuracy, %)\n\n| teachers | subset |");
        fusion.forEach(m -> md.append(' ').append(m).append(" |"));
        md.append("\n|---|---|").append("---|".repeat(fusion.size())).append('\n');
        for (int t : plan.teachers) {
            for (double f : plan.subsets) {
                md.append("| ").append(t).append(" | ").append(f).append(" |");
                fusion.forEach(m -> md.append(' ').append(results.get(StudyRow.ENSEMBLE, t, f, m).percent()).append(" |"));
                md.append('\n');
            }
        }

        md.append("\n## Cost (multiply-accumulates per sample) and training time (s, mean per model or ensemble)\n\n");
        md.append("| model | MACs per sample | training s |\n|---|---|---|\n");
        Set<String> seen = new LinkedHashSet<>();
        results.costs().forEach((name, c) -> {
            if (seen.add(name)) {
                md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f |%n", name, c.macs(), c.seconds()));
            }
        });
        md.append("\n## Plots\n\n");
        for (String png : StudyPlots.FILES) {
            md.append("![").append(png).append("](").append(png).append(")\n");
        }
        return md.toString();
    }

    /** The rows aggregated over seeds. */
    static final class StudyResults {
        private final List<StudyRow> rows;

        record Cost(long macs, double seconds) {
        }

        StudyResults(List<StudyRow> rows) {
            this.rows = rows;
        }

        List<StudyRow> rows() {
            return rows;
        }

        MeanAndError get(String kind, int teachers, double subset, String method) {
            return MeanAndError.of(rows.stream()
                    .filter(r -> r.kind().equals(kind) && r.teachers() == teachers && r.subset() == subset && r.method().equals(method))
                    .mapToDouble(StudyRow::accuracy).toArray());
        }

        /** Single teachers 1..maxMember of a subset, pooled over members and seeds. */
        MeanAndError teacherMean(double subset, int maxMember) {
            return MeanAndError.of(rows.stream()
                    .filter(r -> r.kind().equals("teacher") && r.subset() == subset && r.teachers() <= maxMember)
                    .mapToDouble(StudyRow::accuracy).toArray());
        }

        /** The method with the highest mean accuracy in a cell; null when none was measured. */
        String best(String kind, int teachers, double subset, List<String> methods) {
            String best = null;
            double bestMean = Double.NEGATIVE_INFINITY;
            for (String m : methods) {
                MeanAndError v = get(kind, teachers, subset, m);
                if (v.n() > 0 && v.mean() > bestMean) {
                    bestMean = v.mean();
                    best = m;
                }
            }
            return best;
        }

        /** Methods of a kind in first-seen order. */
        List<String> methods(String kind) {
            Set<String> m = new LinkedHashSet<>();
            rows.stream().filter(r -> r.kind().equals(kind)).forEach(r -> m.add(r.method()));
            return new ArrayList<>(m);
        }

        /** Mean MACs and training seconds per model kind: baseline, one teacher, students per mode and T, ensembles per T. */
        Map<String, Cost> costs() {
            Map<String, List<StudyRow>> groups = new LinkedHashMap<>();
            for (StudyRow r : rows) {
                String name = switch (r.kind()) {
                    case StudyRow.BASELINE -> "labels baseline";
                    case "teacher" -> "one teacher";
                    case StudyRow.ENSEMBLE -> r.method().equals("mean") ? "ensemble of " + r.teachers() : null;
                    default -> r.method() + " student (" + r.teachers() + " teachers)";
                };
                if (name != null) {
                    groups.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
                }
            }
            Map<String, Cost> out = new LinkedHashMap<>();
            groups.forEach((name, list) -> out.put(name, new Cost(
                    Math.round(list.stream().mapToLong(StudyRow::macs).average().orElse(0)),
                    list.stream().mapToDouble(StudyRow::seconds).filter(Double::isFinite).average().orElse(Double.NaN))));
            return out;
        }
    }
}
