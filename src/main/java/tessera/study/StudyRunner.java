package tessera.study;

import ai.djl.Device;
import tessera.data.DataSplits;
import tessera.data.DatasetLoader;
import tessera.distill.Distillation;
import tessera.distill.DistillationMode;
import tessera.evaluate.ModelEvaluation;
import tessera.evaluate.ModelReport;
import tessera.experiment.Run;
import tessera.experiment.RunStatus;
import tessera.experiment.RunStore;
import tessera.model.Devices;
import tessera.model.ModelBundle;
import tessera.train.CancellationToken;
import tessera.train.TrainingJob;
import tessera.train.TrainingResult;
import tessera.train.TrainingSettings;
import tessera.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs the experiment grid unit by unit: per repetition the labels baseline; per subset fraction
 * the largest ensemble's teachers (each T takes the first T of them); per cell the ensemble scored
 * under every fusion method and one student per distillation mode. Finished units are skipped, an
 * interrupted run is resumed from its checkpoint, and the results are rewritten after every unit.
 */
public final class StudyRunner {

    /** How the study ended: cancelled (resumable) or finished; units done out of all. */
    public record Outcome(boolean cancelled, int unitsDone, int unitsSkipped, int unitsTotal, double seconds) {
    }

    private final StudyPlan plan;
    private final Path dir;
    private final StudyProgress progress;
    private final CancellationToken cancel;
    private final Map<Long, DataSplits> splits = new HashMap<>();
    private StudyState state;
    private RunStore store;
    private Device device;
    private String dataPath;

    public StudyRunner(StudyPlan plan, Path dir, StudyProgress progress, CancellationToken cancel) {
        this.plan = plan;
        this.dir = dir;
        this.progress = progress;
        this.cancel = cancel;
    }

    private interface Work {
        /** Does the unit; false when cancelled. */
        boolean run() throws IOException;
    }

    private record Unit(String key, String label, Work work) {
    }

    public Outcome run() throws IOException {
        long started = System.nanoTime();
        plan.validate();
        Files.createDirectories(dir);
        state = StudyState.openOrCreate(dir, plan);
        Json.write(dir.resolve("plan.json"), plan);
        dataPath = StudyData.prepare(plan, dir).toAbsolutePath().normalize().toString();
        store = new RunStore(dir);
        device = Devices.resolve(plan.device);
        List<Unit> units = units();
        int done = 0;
        int skipped = 0;
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            String prefix = String.format(Locale.ROOT, "[%d/%d] %s", i + 1, units.size(), u.label());
            if (state.isDone(u.key())) {
                skipped++;
                progress.line(prefix + ": finished before, skipped");
                continue;
            }
            if (cancel.isCancelled()) {
                return finish(true, done, skipped, units.size(), started);
            }
            long t0 = System.nanoTime();
            if (!u.work().run()) {
                return finish(true, done, skipped, units.size(), started);
            }
            done++;
            state.save(dir);
            StudyReport.write(dir, plan, state, false);
            progress.line(String.format(Locale.ROOT, "%s: %s (%.1f s)", prefix, describe(state.units.get(u.key())),
                    (System.nanoTime() - t0) / 1e9));
        }
        return finish(false, done, skipped, units.size(), started);
    }

    private Outcome finish(boolean cancelled, int done, int skipped, int total, long started) throws IOException {
        state.save(dir);
        StudyReport.write(dir, plan, state, true);
        return new Outcome(cancelled, done, skipped, total, (System.nanoTime() - started) / 1e9);
    }

    private List<Unit> units() {
        List<Unit> units = new ArrayList<>();
        for (int rep = 0; rep < plan.seeds; rep++) {
            int r = rep;
            units.add(new Unit(StudyState.baselineKey(r), "labels baseline, seed " + (r + 1),
                    () -> trainModel(StudyState.baselineKey(r), "labels", "labels", 0, 1.0, r)));
            for (double subset : plan.subsets) {
                for (int m = 1; m <= plan.maxTeachers(); m++) {
                    int member = m;
                    String key = StudyState.teacherKey(subset, r, m);
                    units.add(new Unit(key, String.format(Locale.ROOT, "teacher %d, subset %s, seed %d", m, subset, r + 1),
                            () -> trainModel(key, "teacher", "labels", member, subset, r)));
                }
                for (int t : plan.teachers) {
                    String key = StudyState.ensembleKey(t, subset, r);
                    units.add(new Unit(key, String.format(Locale.ROOT, "ensemble of %d, subset %s, seed %d", t, subset, r + 1),
                            () -> ensemble(key, t, subset, r)));
                    for (String mode : plan.modes) {
                        String sk = StudyState.studentKey(t, subset, r, mode);
                        units.add(new Unit(sk, String.format(Locale.ROOT, "%s student of %d, subset %s, seed %d", mode, t, subset, r + 1),
                                () -> trainModel(sk, "distill", mode, t, subset, r)));
                    }
                }
            }
        }
        return units;
    }

    /** Member m (1-based) of repetition r: the seeds of {@code tessera ensemble}'s members, base + 1000·(m−1). */
    long teacherSeed(int member, int rep) {
        return plan.repetitionSeed(rep) + 1000L * (member - 1);
    }

    /** Baseline and students of a repetition share one seed, so that they differ only in their targets. */
    long studentSeed(int rep) {
        return plan.repetitionSeed(rep) + 7;
    }

    private TrainingSettings settingsFor(String kind, String objective, int teachersOrMember, double subset, int rep) {
        TrainingSettings s;
        if (kind.equals("teacher")) {
            s = plan.settings(dataPath, plan.architecture, teacherSeed(teachersOrMember, rep));
            s.subset = subset;
            return s;
        }
        s = plan.settings(dataPath, plan.studentArchitecture, studentSeed(rep));
        s.objective = objective;
        if (!objective.equals("labels")) {
            s.teachers = ensembleDir(teachersOrMember, subset, rep).toString();
            if (DistillationMode.parse(objective) == DistillationMode.SIMULTANEOUS) {
                s.heads = teachersOrMember;
            }
        }
        return s;
    }

    Path ensembleDir(int teachers, double subset, int rep) {
        return dir.resolve("ensembles").resolve(String.format(Locale.ROOT, "t%d-f%s-s%d", teachers, subset, rep + 1))
                .toAbsolutePath().normalize();
    }

    /** Trains (or resumes) one model and records its test figures under its method. */
    private boolean trainModel(String key, String kind, String objective, int teachersOrMember, double subset, int rep)
            throws IOException {
        StudyState.Unit unit = state.unit(key);
        TrainingSettings settings = settingsFor(kind, objective, teachersOrMember, subset, rep);
        String label = kind.equals("teacher") ? "teacher " + teachersOrMember : objective;
        Path bundle;
        double seconds;
        StudyState.Measured measured;
        if (unit.runId != null && Files.isDirectory(store.runsDir().resolve(unit.runId))
                && store.open(unit.runId).record().status() == RunStatus.FINISHED) {
            // Finished, but the study stopped before recording it: measure the bundle.
            Run run = store.open(unit.runId);
            bundle = run.bundleDir();
            ModelReport r = ModelEvaluation.evaluate(bundle, splits(rep).test(), device, false);
            measured = new StudyState.Measured(r.accuracy(), r.macroF1(), r.nll(), r.ece(), r.macsPerSample(), Double.NaN);
        } else {
            TrainingResult result;
            if (unit.runId != null && Files.isDirectory(store.runsDir().resolve(unit.runId))) {
                progress.line("  resuming run " + unit.runId);
                result = TrainingJob.resume(store, unit.runId, Distillation::objectives, progress.training(label), cancel);
            } else {
                Run run = TrainingJob.create(store, kind, settings);
                unit.runId = run.id();
                state.save(dir);
                result = TrainingJob.run(run, settings, Distillation.objectives(settings), progress.training(label), cancel);
            }
            if (result.cancelled()) {
                return false;
            }
            bundle = result.bundle();
            seconds = result.seconds();
            var t = result.test();
            measured = new StudyState.Measured(t.accuracy(), t.macroF1(), t.nll(), t.ece(),
                    ModelBundle.readInfo(bundle).macsPerSample, seconds);
        }
        unit.bundle = bundle.toAbsolutePath().toString();
        unit.results.put(objective, measured);
        unit.done = true;
        return true;
    }

    /** Assembles the first T teachers of the cell into an ensemble folder and scores every fusion method. */
    private boolean ensemble(String key, int teachers, double subset, int rep) throws IOException {
        List<Path> bundles = new ArrayList<>();
        List<String> runs = new ArrayList<>();
        double seconds = 0;
        for (int m = 1; m <= teachers; m++) {
            StudyState.Unit teacher = state.units.get(StudyState.teacherKey(subset, rep, m));
            bundles.add(Path.of(teacher.bundle));
            runs.add(teacher.runId);
            seconds += teacher.results.get("labels").seconds();
        }
        Path folder = ensembleDir(teachers, subset, rep);
        DataSplits data = splits(rep);
        EnsembleFolder.assemble(bundles, runs, folder, data, teacherSeed(1, rep), device);
        StudyState.Unit unit = state.unit(key);
        unit.bundle = folder.toString();
        unit.results.clear();
        unit.results.putAll(EnsembleFolder.score(folder, data, device, seconds));
        unit.done = true;
        return true;
    }

    /** The splits the first teacher of repetition r saw (its validation split weighs the members). */
    private DataSplits splits(int rep) throws IOException {
        long seed = teacherSeed(1, rep);
        DataSplits d = splits.get(seed);
        if (d == null) {
            splits.clear();
            d = DatasetLoader.load(Path.of(dataPath), plan.settings(dataPath, plan.architecture, seed).datasetOptions());
            splits.put(seed, d);
        }
        return d;
    }

    private static String describe(StudyState.Unit u) {
        if (u.results.size() == 1) {
            var e = u.results.entrySet().iterator().next();
            return String.format(Locale.ROOT, "test accuracy %.2f%%", 100 * e.getValue().accuracy());
        }
        var mean = u.results.get("mean");
        return mean == null ? u.results.size() + " fusion methods scored"
                : String.format(Locale.ROOT, "mean fusion %.2f%% (%d methods scored)", 100 * mean.accuracy(), u.results.size());
    }
}
