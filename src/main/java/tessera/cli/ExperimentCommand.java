package tessera.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tessera.study.StudyPlan;
import tessera.study.StudyPlots;
import tessera.study.StudyProgress;
import tessera.study.StudyReport;
import tessera.study.StudyRunner;
import tessera.train.CancellationToken;
import tessera.train.TrainingListener;
import tessera.util.OfflineEngine;
import tessera.util.TesseraException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tessera experiment}: the thesis's grid of teachers × subset × distillation mode × seeds. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = {"Run the experiment grid: teachers × subset fraction × distillation mode × seeds, beside the labels"
                + " baseline and the ensemble under every fusion method. Writes results.csv, results.md and PNG plots to --out;"
                + " rerun the same command to resume (finished cells are skipped)."})
public final class ExperimentCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "D", description = "Data set folder.")
    Path dataset;

    @Option(names = "--format", description = "Data set format if not detected.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The study folder (results, plots, state, runs).")
    Path out;

    @Option(names = "--quick", description = "Minutes on 2 cores: 10,000 training images, cnn-small, 1 epoch, teachers 2,3, 1 seed"
            + " (options given explicitly still win).")
    boolean quick;

    @Option(names = "--teachers", split = ",", paramLabel = "N,..", description = "Teacher counts (default 2,3,4,5; quick 2,3).")
    List<Integer> teachers;

    @Option(names = "--subsets", split = ",", paramLabel = "F,..", description = "Fraction of the training data per teacher (default 0.6,0.8,1.0).")
    List<Double> subsets;

    @Option(names = "--modes", split = ",", paramLabel = "M,..", description = "Distillation modes (default mean-teacher,per-teacher,simultaneous).")
    List<String> modes;

    @Option(names = "--seeds", paramLabel = "N", description = "Repetitions with different seeds (default 3; quick 1).")
    Integer seeds;

    @Option(names = "--arch", paramLabel = "A", description = "Teacher architecture (default cnn-medium; quick cnn-small).")
    String arch;

    @Option(names = "--student-arch", paramLabel = "A", description = "Student architecture (default: that of --arch).")
    String studentArch;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs of every model (default 10; quick 1).")
    Integer epochs;

    @Option(names = "--batch-size", description = "Batch size (default 64).")
    Integer batchSize;

    @Option(names = "--train-limit", paramLabel = "N", description = "Draw N training images (0 = all; quick 10000).")
    Integer trainLimit;

    @Option(names = "--test-limit", paramLabel = "N", description = "Draw N test images (0 = all).")
    Integer testLimit;

    @Option(names = "--temperature", paramLabel = "T", description = "Distillation temperature (default 4).")
    Double temperature;

    @Option(names = "--alpha", paramLabel = "a", description = "Weight of the KD term (default 0.9).")
    Double alpha;

    @Override
    public Integer call() throws Exception {
        OfflineEngine.threads(common.threads());
        if (!Files.exists(dataset)) {
            throw new TesseraException(dataset + ": no such data set folder");
        }
        StudyPlan plan = plan();
        System.out.printf(Locale.ROOT, "experiment in %s: teachers %s × subsets %s × modes %s × %d seed(s); %s teachers, %s students, %d epoch(s)%n",
                out, plan.teachers, plan.subsets, plan.modes, plan.seeds, plan.architecture, plan.studentArchitecture, plan.epochs);
        CancellationToken cancel = new CancellationToken();
        Thread hook = CancelOnInterrupt.install(cancel);
        try {
            StudyRunner.Outcome o = new StudyRunner(plan, out, new Progress(), cancel).run();
            System.out.printf(Locale.ROOT, "%d unit(s) done, %d skipped as finished before, of %d; %.0f s%n",
                    o.unitsDone(), o.unitsSkipped(), o.unitsTotal(), o.seconds());
            if (o.cancelled()) {
                System.out.println("cancelled; rerun the same command to resume");
                return 1;
            }
            System.out.println("results: " + out.resolve(StudyReport.MARKDOWN) + ", " + out.resolve(StudyReport.CSV)
                    + ", plots " + String.join(", ", StudyPlots.FILES));
            return 0;
        } finally {
            CancelOnInterrupt.remove(hook);
        }
    }

    StudyPlan plan() {
        StudyPlan p = quick ? StudyPlan.quick() : StudyPlan.full();
        p.dataset = dataset.toAbsolutePath().normalize().toString();
        p.format = format;
        if (teachers != null) {
            p.teachers = new ArrayList<>(teachers);
        }
        if (subsets != null) {
            p.subsets = new ArrayList<>(subsets);
        }
        if (modes != null) {
            p.modes = new ArrayList<>(modes);
        }
        if (seeds != null) {
            p.seeds = seeds;
        }
        if (arch != null) {
            p.architecture = arch;
            p.studentArchitecture = arch;
        }
        if (studentArch != null) {
            p.studentArchitecture = studentArch;
        }
        if (epochs != null) {
            p.epochs = epochs;
        }
        if (batchSize != null) {
            p.batchSize = batchSize;
        }
        if (trainLimit != null) {
            p.trainLimit = trainLimit;
        }
        if (testLimit != null) {
            p.testLimit = testLimit;
        }
        if (temperature != null) {
            p.temperature = temperature;
        }
        if (alpha != null) {
            p.alpha = alpha;
        }
        p.seed = common.seed();
        p.device = common.device();
        p.threads = common.threads();
        p.validate();
        return p;
    }

    /** A line per unit; per-epoch lines of each model, indented. */
    private static final class Progress implements StudyProgress {
        @Override
        public void line(String line) {
            System.out.println(line);
            System.out.flush();
        }

        @Override
        public TrainingListener training(String label) {
            return new ConsoleProgress(System.out, "  " + label);
        }
    }
}
