package tessera.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tessera.experiment.Run;
import tessera.experiment.RunStore;
import tessera.train.CancellationToken;
import tessera.train.TrainingJob;
import tessera.train.TrainingResult;
import tessera.train.TrainingSettings;
import tessera.util.OfflineEngine;
import tessera.util.TesseraException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tessera train}: one model from labels (a teacher, or a baseline student). */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train one model from labels (a teacher, or a baseline student) into the run store.")
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    TrainingOptions training;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--resume", paramLabel = "RUN", description = "Resume an interrupted or cancelled run from its last checkpoint.")
    String resume;

    @Option(names = "--out", paramLabel = "DIR", description = "Also copy the trained model bundle to this folder.")
    Path out;

    @Override
    public Integer call() throws Exception {
        OfflineEngine.threads(common.threads());
        RunStore store = new RunStore(common.workspace());
        CancellationToken cancel = new CancellationToken();
        Thread hook = CancelOnInterrupt.install(cancel);
        try {
            TrainingResult result;
            if (resume != null) {
                Run run = store.open(resume);
                System.out.println("resuming " + run.id() + " in " + run.dir());
                result = TrainingJob.resume(store, resume, tessera.distill.Distillation::objectives, new ConsoleProgress(System.out, ""), cancel);
            } else {
                TrainingSettings settings = training.settings(common, spec.commandLine());
                Run run = TrainingJob.create(store, "train", settings);
                System.out.println("run " + run.id() + " in " + run.dir());
                result = TrainingJob.run(run, settings, TrainingJob.LABELS, new ConsoleProgress(System.out, ""), cancel);
            }
            return report(store, result);
        } finally {
            CancelOnInterrupt.remove(hook);
        }
    }

    private int report(RunStore store, TrainingResult result) throws java.io.IOException {
        if (result.cancelled()) {
            System.out.println("cancelled after " + result.epochsDone() + " epoch(s); resume with: tessera train --resume " + result.runId());
            return 1;
        }
        if (result.test() != null) {
            System.out.printf(Locale.ROOT, "test accuracy %.2f%%, macro-F1 %.4f, NLL %.4f, ECE %.4f (%d samples)%n",
                    100 * result.test().accuracy(), result.test().macroF1(), result.test().nll(), result.test().ece(),
                    result.test().samples());
        }
        System.out.printf(Locale.ROOT, "model bundle: %s (%.0f s)%n", result.bundle(), result.seconds());
        if (out != null) {
            BundleCopy.copy(result.bundle(), out);
            System.out.println("copied to " + out);
        }
        return 0;
    }

    /** Training hyper-parameters shared by train, ensemble and distill. */
    public static final class TrainingOptions {

        @Option(names = "--dataset", paramLabel = "D", description = "Data set folder (IDX, image folder, CIFAR binary, tessera synth).")
        Path dataset;

        @Option(names = "--format", description = "Data set format if not detected: idx, folder, cifar10, cifar100, synth.")
        String format;

        @Option(names = "--image-size", paramLabel = "PX", description = "Resize images of an image folder to PX×PX (default: natural size).")
        int imageSize;

        @Option(names = "--arch", paramLabel = "A", description = "Architecture: cnn-small, cnn-medium, cnn-large, resnet-8, resnet-14, resnet-20 (default: ${DEFAULT-VALUE}).")
        String architecture = "cnn-medium";

        @Option(names = "--arch-param", paramLabel = "KEY=VALUE", description = "Override an architecture hyper-parameter, e.g. width=48.")
        Map<String, Integer> architectureParams = new java.util.LinkedHashMap<>();

        @Option(names = "--epochs", description = "Epochs (default: ${DEFAULT-VALUE}).")
        int epochs = 10;

        @Option(names = "--batch-size", description = "Batch size (default: ${DEFAULT-VALUE}).")
        int batchSize = 64;

        @Option(names = "--optimizer", description = "adam or sgd (default: ${DEFAULT-VALUE}).")
        String optimizer = "adam";

        @Option(names = "--lr", description = "Learning rate (default: 1e-3 for adam, 0.05 for sgd).")
        Double learningRate;

        @Option(names = "--momentum", description = "SGD momentum (default: ${DEFAULT-VALUE}).")
        double momentum = 0.9;

        @Option(names = "--weight-decay", description = "Weight decay (default: ${DEFAULT-VALUE}).")
        double weightDecay = 0;

        @Option(names = "--schedule", description = "cosine, step or constant (default: ${DEFAULT-VALUE}).")
        String schedule = "cosine";

        @Option(names = "--step-epochs", description = "Step schedule: decay every N epochs (default: ${DEFAULT-VALUE}).")
        int stepEpochs = 10;

        @Option(names = "--patience", description = "Early stopping: epochs without validation improvement (0 = off).")
        int patience = 0;

        @Option(names = "--augment", description = "Augment: random crop with 2-pixel padding and horizontal flip.")
        boolean augment;

        @Option(names = "--validation", paramLabel = "FRACTION", description = "Validation fraction carved from training data (default: ${DEFAULT-VALUE}).")
        double validation = 0.1;

        @Option(names = "--subset", paramLabel = "FRACTION", description = "Train on a random fraction of the training data (default: ${DEFAULT-VALUE}).")
        double subset = 1.0;

        /** The settings for a new run; a missing data set is bad usage (exit 2), an absent folder a failure (exit 1). */
        public TrainingSettings settings(CommonOptions common, picocli.CommandLine cli) {
            if (dataset == null) {
                throw new picocli.CommandLine.ParameterException(cli, "Missing required option: '--dataset=D'");
            }
            if (!Files.exists(dataset)) {
                throw new TesseraException(dataset + ": no such data set folder");
            }
            if (epochs < 1 || batchSize < 2 || subset <= 0 || subset > 1 || validation < 0 || validation >= 1) {
                throw new TesseraException("need --epochs >= 1, --batch-size >= 2, 0 < --subset <= 1, 0 <= --validation < 1");
            }
            TrainingSettings s = new TrainingSettings();
            s.dataset = dataset.toAbsolutePath().normalize().toString();
            s.format = format;
            s.imageSize = imageSize;
            s.validationFraction = validation;
            s.architecture = architecture;
            s.architectureParams = new java.util.LinkedHashMap<>(architectureParams);
            tessera.model.Architectures.resolveParams(architecture, architectureParams);
            s.epochs = epochs;
            s.batchSize = batchSize;
            s.optimizer = optimizer;
            s.learningRate = learningRate != null ? learningRate : optimizer.equals("sgd") ? 0.05 : 1e-3;
            s.momentum = momentum;
            s.weightDecay = weightDecay;
            s.schedule = schedule;
            s.stepEpochs = stepEpochs;
            s.patience = patience;
            if (augment) {
                s.cropPadding = 2;
                s.horizontalFlip = true;
            }
            s.subset = subset;
            s.seed = common.seed();
            s.device = common.device();
            s.threads = common.threads();
            // Refuse unknown names before a run is created, so a typo leaves no FAILED run behind.
            s.datasetOptions();
            if (!java.util.List.of("adam", "sgd").contains(s.optimizer)) {
                throw new TesseraException("unknown optimizer '" + s.optimizer + "' (use adam or sgd)");
            }
            new tessera.train.LearningRateSchedule(s, 1);
            return s;
        }
    }
}
