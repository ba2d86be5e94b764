package tessera.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import tessera.data.Batches;
import tessera.data.DataSplits;
import tessera.data.ImageSet;
import tessera.data.Normalization;
import tessera.evaluate.ClassificationMetrics;
import tessera.experiment.Run;
import tessera.model.Architectures;
import tessera.model.BatchInference;
import tessera.model.ModelBundle;
import tessera.model.ModelInfo;
import tessera.model.NetworkSpec;
import tessera.util.Json;
import tessera.util.TesseraException;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Our own epoch loop over DJL (EasyTrain cannot be cancelled): seeded initialisation, Adam or
 * SGD-momentum with a schedule, a checkpoint each epoch, early stopping on validation accuracy,
 * resume from the last checkpoint, cancellation between batches, metrics to the run store.
 */
public final class ModelTrainer {

    static final String STATE_FILE = "state.json";
    private static final int EVAL_BATCH = 256;

    private final TrainingSettings settings;
    private final DataSplits data;
    private final Objective objective;
    private final Device device;

    public ModelTrainer(TrainingSettings settings, DataSplits data, Objective objective, Device device) {
        this.settings = settings;
        this.data = data;
        this.objective = objective;
        this.device = device;
    }

    /** The network this run trains: the data set's input shape and classes, the settings' architecture. */
    public static NetworkSpec networkSpec(TrainingSettings s, ImageSet train) {
        return new NetworkSpec(s.architecture, s.architectureParams,
                new int[] {train.channels(), train.height(), train.width()}, train.numClasses(), s.heads);
    }

    public TrainingResult train(Run run, TrainingListener listener, CancellationToken cancel) throws IOException {
        long started = System.nanoTime();
        ImageSet train = data.train();
        NetworkSpec spec = networkSpec(settings, train);
        Normalization norm = Normalization.fit(train);
        int[] members = settings.subset < 1.0
                ? Batches.subsetIndices(train.size(), settings.subset, settings.seed)
                : identity(train.size());
        int batch = settings.batchSize;
        // A last batch of one sample would break batch normalisation: it is dropped.
        int batches = members.length / batch + (members.length % batch > 1 ? 1 : 0);
        if (batches == 0) {
            throw new TesseraException("training split of " + data.source() + " has too few samples (" + members.length + ")");
        }
        TrainingState state = readState(run);
        Engine.getInstance().setRandomSeed((int) settings.seed);

        try (Model model = Model.newInstance(run.id(), device)) {
            Block network = Architectures.network(spec);
            network.setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                    XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT);
            model.setBlock(network);
            Shape inputShape = new Shape(batch, spec.inputShape()[0], spec.inputShape()[1], spec.inputShape()[2]);
            if (state.epochsDone > 0) {
                network.initialize(model.getNDManager(), DataType.FLOAT32, inputShape);
                loadParameters(network, model.getNDManager(), run.checkpointsDir().resolve(state.parametersFile));
                listener.message("resumed " + run.id() + " after epoch " + state.epochsDone);
                run.log("resumed after epoch " + state.epochsDone);
            }
            LearningRateSchedule schedule = new LearningRateSchedule(settings, batches);
            ResumableOptimizer optimizer = optimizer(schedule, (int) state.step);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(optimizer)
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(inputShape);
                if (state.epochsDone > 0) {
                    resumeOptimizer(run, state, optimizer, network, model.getNDManager());
                }
                if (state.epochsDone == 0) {
                    run.putSummary("parameters", (double) tessera.model.NetworkCost.of(network, new Shape(1, spec.inputShape()[0], spec.inputShape()[1], spec.inputShape()[2])).parameters());
                }
                float[] buffer = new float[batch * train.sampleLength()];
                StepGuard guard = new StepGuard(network);
                for (int epoch = state.epochsDone + 1; epoch <= settings.epochs && !state.stoppedEarly; epoch++) {
                    long t0 = System.nanoTime();
                    listener.epochStarted(epoch, settings.epochs, batches);
                    int[] order = permute(members, settings.seed * 1_000_003L + epoch);
                    Random augmentRandom = new Random(settings.seed * 7919L + epoch);
                    double lossSum = 0;
                    long correct = 0;
                    long seen = 0;
                    int skipped = 0;
                    for (int b = 0; b < batches; b++) {
                        if (cancel.isCancelled()) {
                            return cancelled(run, state, started);
                        }
                        int from = b * batch;
                        int to = Math.min(order.length, from + batch);
                        Batches.fill(train, order, from, to, norm, settings.augmentation(), augmentRandom, buffer);
                        int[] labels = Batches.labels(train, order, from, to);
                        int[] samples = Arrays.copyOfRange(order, from, to);
                        double[] stepResult = step(trainer, model.getNDManager(), buffer, labels, samples, spec, guard);
                        state.step++;
                        if (stepResult == null) {
                            skipped++;
                            run.log("epoch " + epoch + " batch " + (b + 1) + ": " + guard.lastReason() + ", update skipped");
                            guard.checkNotDiverged(epoch, b + 1, state.epochsDone);
                            continue;
                        }
                        lossSum += stepResult[0] * (to - from);
                        correct += (long) stepResult[1];
                        seen += to - from;
                        listener.batchFinished(epoch, b + 1, batches, stepResult[0]);
                    }
                    if (seen == 0) {
                        throw new TesseraException("training diverged: every batch of epoch " + epoch
                                + " gave a non-finite loss or gradient; lower the learning rate");
                    }
                    if (skipped > 0) {
                        listener.message("epoch " + epoch + ": " + skipped + " batch(es) with a non-finite loss or gradient were skipped");
                        if (!guard.parametersFinite(model.getNDManager())) {
                            throw new TesseraException("training diverged: a non-finite batch in epoch " + epoch
                                    + " left the network's statistics non-finite; " + StepGuard.whatIsLeft(state.epochsDone));
                        }
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    double trainLoss = lossSum / seen;
                    double trainAccuracy = (double) correct / seen;
                    double lr = schedule.at(state.step);
                    double valLoss = Double.NaN;
                    double valAccuracy = Double.NaN;
                    if (data.validation().size() > 0) {
                        ClassificationMetrics val = evaluate(network, model.getNDManager(), data.validation(), norm, spec);
                        valLoss = val.nll();
                        valAccuracy = val.accuracy();
                    }
                    boolean best = Double.isNaN(valAccuracy) || valAccuracy > state.bestValidationAccuracy;
                    writeCheckpoint(run, network, optimizer, state, epoch, best, valAccuracy);
                    run.appendMetric(epoch, state.step, "train", "loss", trainLoss);
                    run.appendMetric(epoch, state.step, "train", "accuracy", trainAccuracy);
                    run.appendMetric(epoch, state.step, "train", "learning_rate", lr);
                    run.appendMetric(epoch, state.step, "train", "samples_per_second", seen / seconds);
                    if (!Double.isNaN(valAccuracy)) {
                        run.appendMetric(epoch, state.step, "validation", "loss", valLoss);
                        run.appendMetric(epoch, state.step, "validation", "accuracy", valAccuracy);
                    }
                    run.log(String.format(java.util.Locale.ROOT, "epoch %d/%d: train loss %.4f acc %.4f, validation loss %.4f acc %.4f, %.1f s",
                            epoch, settings.epochs, trainLoss, trainAccuracy, valLoss, valAccuracy, seconds));
                    listener.epochFinished(new EpochSummary(epoch, settings.epochs, trainLoss, trainAccuracy, valLoss,
                            valAccuracy, lr, seconds, seen / seconds, best));
                    if (state.stoppedEarly) {
                        listener.message("early stop after epoch " + epoch + ": no validation improvement for "
                                + settings.patience + " epochs (best epoch " + state.bestEpoch + ")");
                        run.log("early stop after epoch " + epoch);
                    }
                }
                return finish(run, network, model.getNDManager(), spec, norm, state, started);
            }
        }
    }

    private ResumableOptimizer optimizer(LearningRateSchedule schedule, int beginStep) {
        float wd = (float) settings.weightDecay;
        switch (settings.optimizer) {
            case "adam":
                return ResumableOptimizer.adam(schedule, wd, beginStep);
            case "sgd":
                return ResumableOptimizer.sgd(schedule, (float) settings.momentum, wd, beginStep);
            default:
                throw new TesseraException("unknown optimizer '" + settings.optimizer + "' (use adam or sgd)");
        }
    }

    /**
     * One optimisation step; returns {loss, correct predictions}, or null when the guard kept a
     * non-finite batch out of the parameters. Everything of the batch lives in its own sub-manager.
     */
    private double[] step(Trainer trainer, NDManager root, float[] buffer, int[] labels, int[] samples, NetworkSpec spec,
                          StepGuard guard) {
        int n = labels.length;
        int[] s = spec.inputShape();
        try (NDManager batch = root.newSubManager()) {
            float[] data = n * s[0] * s[1] * s[2] == buffer.length ? buffer : Arrays.copyOf(buffer, n * s[0] * s[1] * s[2]);
            NDArray x = batch.create(data, new Shape(n, s[0], s[1], s[2]));
            NDArray y = batch.create(labels);
            double loss;
            long correct;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDList heads = trainer.forward(new NDList(x));
                NDArray value = objective.loss(heads, x, y, samples);
                collector.backward(value);
                loss = value.getFloat();
                NDArray predicted = Losses.meanOfHeads(heads).argMax(1).toType(DataType.INT32, false);
                correct = predicted.eq(y.toType(DataType.INT32, false)).sum().getLong();
            }
            if (!guard.admits(loss, batch)) {
                return null;
            }
            trainer.step();
            return new double[] {loss, correct};
        }
    }

    static ClassificationMetrics evaluate(Block network, NDManager root, ImageSet set, Normalization norm, NetworkSpec spec) {
        float[][] logits = BatchInference.logits(network, root, set, norm, spec.heads(), spec.classes(), EVAL_BATCH);
        double[][] p = meanProbabilities(logits, spec.classes());
        return ClassificationMetrics.of(p, set.labels());
    }

    /** The mean of the heads' probabilities (soft voting), the default fusion of a multi-head student. */
    static double[][] meanProbabilities(float[][] logits, int classes) {
        double[][] mean = BatchInference.softmax(logits[0], classes, 1.0);
        for (int h = 1; h < logits.length; h++) {
            double[][] p = BatchInference.softmax(logits[h], classes, 1.0);
            for (int i = 0; i < mean.length; i++) {
                for (int c = 0; c < classes; c++) {
                    mean[i][c] += p[i][c];
                }
            }
        }
        if (logits.length > 1) {
            for (double[] row : mean) {
                for (int c = 0; c < classes; c++) {
                    row[c] /= logits.length;
                }
            }
        }
        return mean;
    }

    /** Moments saved with the checkpoint make the resumed run continue as if it had never stopped. */
    private static void resumeOptimizer(Run run, TrainingState state, ResumableOptimizer optimizer, Block network,
                                        NDManager manager) throws IOException {
        if (state.optimizerFile == null) {
            run.log("checkpoint has no optimizer state: its moments restart from zero");
            return;
        }
        optimizer.load(run.checkpointsDir().resolve(state.optimizerFile), network, manager);
    }

    private void writeCheckpoint(Run run, Block network, ResumableOptimizer optimizer, TrainingState state, int epoch,
                                 boolean best, double valAccuracy) throws IOException {
        Path dir = run.checkpointsDir();
        String file = String.format("epoch-%03d.params", epoch);
        String optimizerFile = String.format("epoch-%03d.optimizer", epoch);
        ModelBundle.writeParameters(dir.resolve(file), network);
        optimizer.save(dir.resolve(optimizerFile), network);
        if (best) {
            ModelBundle.writeParameters(dir.resolve("best.params"), network);
            state.bestEpoch = epoch;
            state.bestValidationAccuracy = Double.isNaN(valAccuracy) ? state.bestValidationAccuracy : valAccuracy;
            state.epochsWithoutImprovement = 0;
        } else {
            state.epochsWithoutImprovement++;
        }
        state.stoppedEarly = settings.patience > 0 && state.epochsWithoutImprovement >= settings.patience;
        String previous = state.parametersFile;
        String previousOptimizer = state.optimizerFile;
        state.epochsDone = epoch;
        state.parametersFile = file;
        state.optimizerFile = optimizerFile;
        // The state names its parameter file only once that file is whole; then older ones can go.
        Json.write(dir.resolve(STATE_FILE), state);
        if (previous != null && !previous.equals(file)) {
            Files.deleteIfExists(dir.resolve(previous));
        }
        if (previousOptimizer != null && !previousOptimizer.equals(optimizerFile)) {
            Files.deleteIfExists(dir.resolve(previousOptimizer));
        }
    }

    private TrainingResult finish(Run run, Block network, NDManager root, NetworkSpec spec, Normalization norm,
                                  TrainingState state, long started) throws IOException {
        Path best = run.checkpointsDir().resolve("best.params");
        if (state.bestEpoch > 0 && state.bestEpoch != state.epochsDone && Files.isRegularFile(best)) {
            loadParameters(network, root, best);
            run.log("final model from best epoch " + state.bestEpoch);
        }
        ModelInfo info = new ModelInfo();
        info.name = run.id();
        info.architecture = spec.architecture();
        info.architectureParams = spec.params();
        info.inputShape = spec.inputShape();
        info.normalizationMean = norm.mean();
        info.normalizationStd = norm.std();
        info.classNames = data.train().classNames();
        info.heads = spec.heads();
        info.trainedBy = objective.name();
        info.headFusion = settings.headFusion;
        info.runId = run.id();
        info.dataset = settings.dataset;
        info.tesseraVersion = tessera.util.Versions.tessera();
        ModelBundle.save(run.bundleDir(), info, network);
        ClassificationMetrics test = null;
        if (data.test().size() > 0) {
            test = evaluate(network, root, data.test(), norm, spec);
            run.appendMetric(state.epochsDone, state.step, "test", "accuracy", test.accuracy());
            run.appendMetric(state.epochsDone, state.step, "test", "loss", test.nll());
            run.putSummary("test_accuracy", test.accuracy());
            run.putSummary("test_macro_f1", test.macroF1());
            run.putSummary("test_nll", test.nll());
            run.putSummary("test_ece", test.ece());
        }
        if (state.bestValidationAccuracy >= 0) {
            run.putSummary("validation_accuracy", state.bestValidationAccuracy);
        }
        run.putSummary("epochs", (double) state.epochsDone);
        run.putSummary("macs_per_sample", (double) info.macsPerSample);
        run.putSummary("parameters", (double) info.parameterCount);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new TrainingResult(run.id(), false, state.epochsDone, state.bestEpoch, state.stoppedEarly,
                run.bundleDir(), test, seconds);
    }

    private TrainingResult cancelled(Run run, TrainingState state, long started) {
        run.log("cancelled during epoch " + (state.epochsDone + 1) + "; resumable from epoch " + state.epochsDone);
        return new TrainingResult(run.id(), true, state.epochsDone, state.bestEpoch, false, null, null,
                (System.nanoTime() - started) / 1e9);
    }

    static TrainingState readState(Run run) throws IOException {
        Path file = run.checkpointsDir().resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return new TrainingState();
        }
        TrainingState state = Json.read(file, TrainingState.class);
        if (state.parametersFile == null || !Files.isRegularFile(run.checkpointsDir().resolve(state.parametersFile))) {
            throw new TesseraException(file + ": names checkpoint " + state.parametersFile + " which is missing");
        }
        if (state.optimizerFile != null && !Files.isRegularFile(run.checkpointsDir().resolve(state.optimizerFile))) {
            throw new TesseraException(file + ": names optimizer state " + state.optimizerFile + " which is missing");
        }
        return state;
    }

    private static void loadParameters(Block network, NDManager manager, Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            network.loadParameters(manager, new DataInputStream(in));
        } catch (MalformedModelException e) {
            throw new TesseraException(file + ": unreadable checkpoint (" + e.getMessage() + ")", e);
        }
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static int[] permute(int[] members, long seed) {
        int[] order = Batches.shuffledOrder(members.length, seed);
        int[] out = new int[members.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = members[order[i]];
        }
        return out;
    }
}
