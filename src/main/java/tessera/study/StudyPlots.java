package tessera.study;

import tessera.util.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The study's four plots as PNG: accuracy against the number of teachers (a panel per subset
 * fraction), against the subset fraction (a panel per teacher count), the fusion methods
 * compared, and accuracy against inference cost.
 */
public final class StudyPlots {

    public static final String TEACHERS = "accuracy-vs-teachers.png";
    public static final String SUBSET = "accuracy-vs-subset.png";
    public static final String FUSION = "fusion-methods.png";
    public static final String COST = "accuracy-vs-cost.png";
    public static final List<String> FILES = List.of(TEACHERS, SUBSET, FUSION, COST);

    public static final int PANEL_WIDTH = 420;
    public static final int PANEL_HEIGHT = 320;
    public static final int LEGEND_HEIGHT = 64;
    public static final int FUSION_WIDTH = 760;
    public static final int FUSION_ROW = 22;
    public static final int FUSION_MARGIN = 80;
    public static final int COST_WIDTH = 720;
    public static final int COST_HEIGHT = 480;

    private static final Color ENSEMBLE = new Color(0x333333);
    private static final Color BASELINE = new Color(0x999999);

    private StudyPlots() {
    }

    static void writeAll(Path dir, StudyPlan plan, StudyReport.StudyResults results) throws IOException {
        save(dir.resolve(TEACHERS), accuracyVsTeachers(plan, results));
        save(dir.resolve(SUBSET), accuracyVsSubset(plan, results));
        save(dir.resolve(FUSION), fusionMethods(results));
        save(dir.resolve(COST), accuracyVsCost(plan, results));
    }

    static BufferedImage accuracyVsTeachers(StudyPlan plan, StudyReport.StudyResults results) {
        List<Integer> teachers = plan.teachers.stream().sorted().toList();
        double[] x = teachers.stream().mapToDouble(Integer::doubleValue).toArray();
        List<List<Chart.Series>> panels = new ArrayList<>();
        for (double f : plan.subsets) {
            List<Chart.Series> series = new ArrayList<>();
            for (int k = 0; k < plan.modes.size(); k++) {
                String mode = plan.modes.get(k);
                series.add(series(mode, Chart.PALETTE[k % Chart.PALETTE.length], x,
                        teachers.stream().map(t -> results.get(StudyRow.STUDENT, t, f, mode)).toList(), false));
            }
            series.add(series("ensemble (mean)", ENSEMBLE, x,
                    teachers.stream().map(t -> results.get(StudyRow.ENSEMBLE, t, f, "mean")).toList(), true));
            series.add(series("labels baseline", BASELINE, x,
                    teachers.stream().map(t -> results.get(StudyRow.BASELINE, 0, 1.0, "labels")).toList(), true));
            panels.add(series);
        }
        List<String> titles = plan.subsets.stream().map(f -> "subset fraction " + f).toList();
        return panels(panels, titles, "teachers", x, padded(x));
    }

    static BufferedImage accuracyVsSubset(StudyPlan plan, StudyReport.StudyResults results) {
        List<Double> subsets = plan.subsets.stream().sorted().toList();
        double[] x = subsets.stream().mapToDouble(Double::doubleValue).toArray();
        List<List<Chart.Series>> panels = new ArrayList<>();
        List<Integer> teachers = plan.teachers.stream().sorted().toList();
        for (int t : teachers) {
            List<Chart.Series> series = new ArrayList<>();
            for (int k = 0; k < plan.modes.size(); k++) {
                String mode = plan.modes.get(k);
                series.add(series(mode, Chart.PALETTE[k % Chart.PALETTE.length], x,
                        subsets.stream().map(f -> results.get(StudyRow.STUDENT, t, f, mode)).toList(), false));
            }
            series.add(series("ensemble (mean)", ENSEMBLE, x,
                    subsets.stream().map(f -> results.get(StudyRow.ENSEMBLE, t, f, "mean")).toList(), true));
            series.add(series("one teacher", Chart.PALETTE[5], x,
                    subsets.stream().map(f -> results.teacherMean(f, t)).toList(), true));
            series.add(series("labels baseline", BASELINE, x,
                    subsets.stream().map(f -> results.get(StudyRow.BASELINE, 0, 1.0, "labels")).toList(), true));
            panels.add(series);
        }
        List<String> titles = teachers.stream().map(t -> t + " teachers").toList();
        return panels(panels, titles, "subset fraction per teacher", x, padded(x));
    }

    /** Side-by-side panels sharing one y range and one legend. */
    private static BufferedImage panels(List<List<Chart.Series>> panels, List<String> titles, String xLabel,
                                        double[] xTicks, double[] xRange) {
        List<Chart.Series> all = new ArrayList<>();
        panels.forEach(all::addAll);
        double[] yRange = Chart.range(all);
        BufferedImage image = Chart.canvas(PANEL_WIDTH * panels.size(), PANEL_HEIGHT + LEGEND_HEIGHT);
        Graphics2D g = Chart.graphics(image);
        for (int p = 0; p < panels.size(); p++) {
            Chart.panel(g, p * PANEL_WIDTH, 0, PANEL_WIDTH, PANEL_HEIGHT, titles.get(p), xLabel, "test accuracy (%)",
                    xRange, yRange, xTicks, false, panels.get(p));
        }
        Chart.legend(g, 0, PANEL_HEIGHT, PANEL_WIDTH * panels.size(), panels.get(0));
        g.dispose();
        return image;
    }

    /** Horizontal bars: every fusion method's accuracy over all ensemble cells and seeds, beside the students' modes. */
    static BufferedImage fusionMethods(StudyReport.StudyResults results) {
        record Bar(String name, MeanAndError value, Color color) {
        }
        List<Bar> bars = new ArrayList<>();
        for (String m : results.methods(StudyRow.ENSEMBLE)) {
            bars.add(new Bar("ensemble: " + m, pooled(results, StudyRow.ENSEMBLE, m), ENSEMBLE));
        }
        bars.sort(Comparator.comparingDouble((Bar b) -> -b.value().mean()));
        List<String> modes = results.methods(StudyRow.STUDENT);
        for (int k = 0; k < modes.size(); k++) {
            bars.add(new Bar("student: " + modes.get(k), pooled(results, StudyRow.STUDENT, modes.get(k)),
                    Chart.PALETTE[k % Chart.PALETTE.length]));
        }
        bars.add(new Bar("labels baseline", pooled(results, StudyRow.BASELINE, "labels"), BASELINE));
        int height = FUSION_MARGIN + FUSION_ROW * bars.size();
        BufferedImage image = Chart.canvas(FUSION_WIDTH, height);
        Graphics2D g = Chart.graphics(image);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Bar b : bars) {
            if (b.value().n() > 0) {
                lo = Math.min(lo, 100 * b.value().mean());
                hi = Math.max(hi, 100 * b.value().mean());
            }
        }
        lo = Double.isFinite(lo) ? Math.floor(lo - Math.max(1, (hi - lo) * 0.2)) : 0;
        hi = Double.isFinite(hi) ? Math.ceil(hi + 0.5) : 100;
        int left = 230;
        int right = FUSION_WIDTH - 70;
        int top = 40;
        g.setColor(Color.BLACK);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 13f));
        g.drawString("Fusion methods and distillation modes: test accuracy (%), mean over all cells and seeds", 10, 20);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 11f));
        FontMetrics fm = g.getFontMetrics();
        for (double t : Chart.niceTicks(lo, hi, 6)) {
            int x = left + (int) Math.round((t - lo) / (hi - lo) * (right - left));
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(x, top, x, top + FUSION_ROW * bars.size());
            g.setColor(Color.BLACK);
            g.drawString(Chart.format(t), x - fm.stringWidth(Chart.format(t)) / 2, top + FUSION_ROW * bars.size() + 14);
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = top + i * FUSION_ROW;
            g.setColor(Color.BLACK);
            g.drawString(b.name(), left - 8 - fm.stringWidth(b.name()), y + FUSION_ROW / 2 + 4);
            if (b.value().n() == 0) {
                continue;
            }
            double v = 100 * b.value().mean();
            int w = (int) Math.round((v - lo) / (hi - lo) * (right - left));
            g.setColor(b.color());
            g.fillRect(left, y + 3, Math.max(1, w), FUSION_ROW - 6);
            if (Double.isFinite(b.value().standardError())) {
                int e = (int) Math.round(100 * b.value().standardError() / (hi - lo) * (right - left));
                g.setColor(Color.BLACK);
                g.drawLine(left + w - e, y + FUSION_ROW / 2, left + w + e, y + FUSION_ROW / 2);
            }
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.2f", v), left + w + 6, y + FUSION_ROW / 2 + 4);
        }
        g.dispose();
        return image;
    }

    /** Accuracy against multiply-accumulates per sample (log scale), at the largest subset fraction. */
    static BufferedImage accuracyVsCost(StudyPlan plan, StudyReport.StudyResults results) {
        double f = plan.subsets.stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
        List<Integer> teachers = plan.teachers.stream().sorted().toList();
        List<Chart.Series> series = new ArrayList<>();
        for (int k = 0; k < plan.modes.size(); k++) {
            String mode = plan.modes.get(k);
            series.add(costSeries(mode, Chart.PALETTE[k % Chart.PALETTE.length], results, StudyRow.STUDENT, teachers, f, mode));
        }
        series.add(costSeries("ensemble (mean), 1 point per T", ENSEMBLE, results, StudyRow.ENSEMBLE, teachers, f, "mean"));
        series.add(costSeries("labels baseline", BASELINE, results, StudyRow.BASELINE, List.of(0), 1.0, "labels"));
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Chart.Series s : series) {
            for (double x : s.x()) {
                if (x > 0) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        if (!Double.isFinite(lo)) {
            lo = 1;
            hi = 10;
        }
        double[] xRange = {lo / 1.5, hi * 1.5};
        List<Double> ticks = new ArrayList<>();
        for (double d = Math.pow(10, Math.floor(Math.log10(xRange[0]))); d <= xRange[1]; d *= 10) {
            for (double m : new double[] {1, 2, 5}) {
                if (d * m >= xRange[0] && d * m <= xRange[1]) {
                    ticks.add(d * m);
                }
            }
        }
        BufferedImage image = Chart.canvas(COST_WIDTH, COST_HEIGHT);
        Graphics2D g = Chart.graphics(image);
        Chart.panel(g, 0, 0, COST_WIDTH, COST_HEIGHT - LEGEND_HEIGHT,
                "Accuracy against inference cost (subset fraction " + f + "; points left to right: T = " + teachers + ")",
                "multiply-accumulates per sample (log scale)", "test accuracy (%)", xRange, Chart.range(series),
                ticks.stream().mapToDouble(Double::doubleValue).toArray(), true, series);
        Chart.legend(g, 0, COST_HEIGHT - LEGEND_HEIGHT, COST_WIDTH, series);
        g.dispose();
        return image;
    }

    private static Chart.Series costSeries(String name, Color color, StudyReport.StudyResults results, String kind,
                                           List<Integer> teachers, double f, String method) {
        double[] x = new double[teachers.size()];
        double[] y = new double[teachers.size()];
        double[] e = new double[teachers.size()];
        for (int i = 0; i < teachers.size(); i++) {
            int t = teachers.get(i);
            MeanAndError v = results.get(kind, t, f, method);
            x[i] = results.rows().stream().filter(r -> r.kind().equals(kind) && r.teachers() == t && r.subset() == f
                    && r.method().equals(method)).mapToLong(StudyRow::macs).average().orElse(Double.NaN);
            y[i] = v.n() > 0 ? 100 * v.mean() : Double.NaN;
            e[i] = 100 * v.standardError();
        }
        return new Chart.Series(name, color, x, y, e, false, kind.equals(StudyRow.STUDENT));
    }

    private static Chart.Series series(String name, Color color, double[] x, List<MeanAndError> values, boolean dashed) {
        double[] y = new double[x.length];
        double[] e = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            MeanAndError v = values.get(i);
            y[i] = v.n() > 0 ? 100 * v.mean() : Double.NaN;
            e[i] = 100 * v.standardError();
        }
        return new Chart.Series(name, color, x, y, e, dashed, false);
    }

    private static MeanAndError pooled(StudyReport.StudyResults results, String kind, String method) {
        return MeanAndError.of(results.rows().stream().filter(r -> r.kind().equals(kind) && r.method().equals(method))
                .mapToDouble(StudyRow::accuracy).toArray());
    }

    private static double[] padded(double[] x) {
        double lo = x[0];
        double hi = x[x.length - 1];
        double pad = hi > lo ? (hi - lo) * 0.08 : 0.5;
        return new double[] {lo - pad, hi + pad};
    }

    private static void save(Path file, BufferedImage image) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer for " + file);
            }
        });
    }
}
