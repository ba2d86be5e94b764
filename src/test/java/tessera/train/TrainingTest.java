package tessera.train;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.experiment.Metric;
import tessera.experiment.Run;
import tessera.experiment.RunRecord;
import tessera.experiment.RunStatus;
import tessera.experiment.RunStore;
import tessera.model.ModelBundle;
import tessera.model.ModelInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real DJL training on a tiny real IDX data set: learning, cancellation, resume and seeding. */
class TrainingTest {

    @TempDir
    static Path data;

    @TempDir
    Path workspace;

    @BeforeAll
    static void writeData() throws IOException {
        StripesDataset.write(data, 300, 11);
    }

    @Test
    void aTinyRunLearnsWellAboveChanceAndFinishes() throws IOException {
        // given 240 training images of 3 classes (chance 33 %) and 2 epochs of cnn-small
        RunStore store = new RunStore(workspace);
        TrainingSettings settings = StripesDataset.settings(data, 2);
        Run run = TrainingJob.create(store, "train", settings);

        // when it trains
        TrainingResult result = TrainingJob.run(run, settings, TrainingJob.LABELS, TrainingListener.NONE, new CancellationToken());

        // then test accuracy is far above chance, the run is FINISHED with its metrics and a loadable bundle
        assertFalse(result.cancelled());
        assertEquals(2, result.epochsDone());
        assertTrue(result.test().accuracy() > 0.6, "test accuracy " + result.test().accuracy());
        RunRecord record = store.open(run.id()).record();
        assertEquals(RunStatus.FINISHED, record.status());
        assertEquals(result.test().accuracy(), record.summaryNumber("test_accuracy").orElseThrow(), 1e-12);
        List<Metric> metrics = store.open(run.id()).metrics();
        assertEquals(2, metrics.stream().filter(m -> m.split().equals("train") && m.name().equals("loss")).count());
        double firstLoss = trainLoss(metrics, 1);
        assertTrue(trainLoss(metrics, 2) < firstLoss, "loss falls from epoch 1 to 2: " + metrics);
        ModelInfo info = ModelBundle.readInfo(result.bundle());
        assertEquals(StripesDataset.CLASSES, info.classNames);
        assertEquals(List.of(1, StripesDataset.SIZE, StripesDataset.SIZE), List.of(info.inputShape[0], info.inputShape[1], info.inputShape[2]));
        assertEquals(run.id(), info.runId);
    }

    @Test
    void cancellingMidRunLeavesACancelledRunWithACheckpointThatResumesToTheSameEnd() throws IOException {
        // given a 3-epoch run that is cancelled during epoch 2
        RunStore store = new RunStore(workspace);
        TrainingSettings settings = StripesDataset.settings(data, 3);
        Run run = TrainingJob.create(store, "train", settings);
        CancellationToken cancel = new CancellationToken();
        TrainingListener cancelInEpoch2 = new TrainingListener() {
            @Override
            public void batchFinished(int epoch, int batch, int batches, double loss) {
                if (epoch == 2 && batch == 2) {
                    cancel.cancel();
                }
            }
        };

        // when it trains
        TrainingResult cancelled = TrainingJob.run(run, settings, TrainingJob.LABELS, cancelInEpoch2, cancel);

        // then it is CANCELLED after one whole epoch, with the epoch-1 checkpoint and no model bundle
        assertTrue(cancelled.cancelled());
        assertEquals(1, cancelled.epochsDone());
        assertEquals(RunStatus.CANCELLED, store.open(run.id()).record().status());
        Path checkpoints = run.dir().resolve("checkpoints");
        assertTrue(Files.isRegularFile(checkpoints.resolve("epoch-001.params")));
        assertTrue(Files.isRegularFile(checkpoints.resolve("epoch-001.optimizer")));
        assertEquals(1, ModelTrainer.readState(run).epochsDone);
        assertFalse(ModelBundle.isBundle(run.bundleDir()));

        // when it is resumed
        TrainingResult resumed = TrainingJob.resume(store, run.id(), s -> TrainingJob.LABELS, TrainingListener.NONE,
                new CancellationToken());

        // then it finishes epochs 2 and 3 only, and the run is FINISHED with one resume recorded
        assertFalse(resumed.cancelled());
        assertEquals(3, resumed.epochsDone());
        RunRecord record = store.open(run.id()).record();
        assertEquals(RunStatus.FINISHED, record.status());
        assertEquals(1, record.resumed().size());
        assertTrue(ModelBundle.isBundle(run.bundleDir()));
        long epochRows = store.open(run.id()).metrics().stream()
                .filter(m -> m.split().equals("train") && m.name().equals("loss")).count();
        assertEquals(3, epochRows, "one train-loss row per epoch, none repeated");
        assertTrue(resumed.test().accuracy() > 0.6, "test accuracy " + resumed.test().accuracy());

        // and it ends exactly where a run never interrupted ends: same parameters, bit for bit
        TrainingResult uninterrupted = TrainingJob.run(TrainingJob.create(store, "train", settings), settings,
                TrainingJob.LABELS, TrainingListener.NONE, new CancellationToken());
        assertEquals(ModelBundle.readInfo(uninterrupted.bundle()).paramsSha256, ModelBundle.readInfo(resumed.bundle()).paramsSha256);

        // and a FINISHED run cannot be resumed again
        assertThrows(tessera.util.TesseraException.class, () -> TrainingJob.resume(store, run.id(),
                s -> TrainingJob.LABELS, TrainingListener.NONE, new CancellationToken()));
    }

    @Test
    void sgdWithMomentumAndAStepScheduleAlsoResumesToTheSameEnd() throws IOException {
        // given SGD with momentum, a learning rate that steps down every epoch, cancelled in epoch 2 of 2
        RunStore store = new RunStore(workspace);
        TrainingSettings settings = StripesDataset.settings(data, 2);
        settings.optimizer = "sgd";
        settings.learningRate = 0.05;
        settings.schedule = "step";
        settings.stepEpochs = 1;
        Run run = TrainingJob.create(store, "train", settings);
        CancellationToken cancel = new CancellationToken();
        TrainingListener cancelInEpoch2 = new TrainingListener() {
            @Override
            public void batchFinished(int epoch, int batch, int batches, double loss) {
                if (epoch == 2) {
                    cancel.cancel();
                }
            }
        };
        assertTrue(TrainingJob.run(run, settings, TrainingJob.LABELS, cancelInEpoch2, cancel).cancelled());

        // when it is resumed, and the same run is made without interruption
        TrainingResult resumed = TrainingJob.resume(store, run.id(), s -> TrainingJob.LABELS, TrainingListener.NONE,
                new CancellationToken());
        TrainingResult uninterrupted = TrainingJob.run(TrainingJob.create(store, "train", settings), settings,
                TrainingJob.LABELS, TrainingListener.NONE, new CancellationToken());

        // then both end with the same parameters, and the rate of epoch 2 was a tenth of epoch 1's
        assertEquals(ModelBundle.readInfo(uninterrupted.bundle()).paramsSha256, ModelBundle.readInfo(resumed.bundle()).paramsSha256);
        List<Metric> metrics = store.open(run.id()).metrics();
        assertEquals(0.005, metric(metrics, 1, "learning_rate"), 1e-9);
        assertEquals(0.0005, metric(metrics, 2, "learning_rate"), 1e-9);
    }

    @Test
    void earlyStoppingEndsARunThatStopsImprovingAndKeepsTheBestEpoch() throws IOException {
        // given a learning rate of zero, so that validation accuracy soon stops improving, and patience 1
        RunStore store = new RunStore(workspace);
        TrainingSettings settings = StripesDataset.settings(data, 5);
        settings.learningRate = 0;
        settings.schedule = "constant";
        settings.patience = 1;
        Run run = TrainingJob.create(store, "train", settings);

        // when it trains
        TrainingResult result = TrainingJob.run(run, settings, TrainingJob.LABELS, TrainingListener.NONE, new CancellationToken());

        // then it stops before epoch 5, one epoch after its best (only batch-norm statistics still move), finishes
        // normally, and its model is the best epoch's
        assertTrue(result.stoppedEarly());
        assertTrue(result.epochsDone() < 5, "epochs " + result.epochsDone());
        assertEquals(result.epochsDone() - 1, result.bestEpoch());
        assertEquals(RunStatus.FINISHED, store.open(run.id()).record().status());
        assertEquals(tessera.util.Hashing.sha256(run.dir().resolve("checkpoints/best.params")),
                ModelBundle.readInfo(result.bundle()).paramsSha256);
    }

    @Test
    void theSameSeedGivesTheSameModelTwice() throws IOException {
        // given two runs with identical settings and seed
        RunStore store = new RunStore(workspace);
        TrainingSettings settings = StripesDataset.settings(data, 1);

        // when both train
        TrainingResult a = TrainingJob.run(TrainingJob.create(store, "train", settings), settings, TrainingJob.LABELS,
                TrainingListener.NONE, new CancellationToken());
        TrainingResult b = TrainingJob.run(TrainingJob.create(store, "train", settings), settings, TrainingJob.LABELS,
                TrainingListener.NONE, new CancellationToken());

        // then the parameters are bit for bit the same, and so are the test figures
        assertEquals(ModelBundle.readInfo(a.bundle()).paramsSha256, ModelBundle.readInfo(b.bundle()).paramsSha256);
        assertEquals(a.test().nll(), b.test().nll(), 0.0);

        // while another seed gives other parameters
        settings.seed = 8;
        TrainingResult c = TrainingJob.run(TrainingJob.create(store, "train", settings), settings, TrainingJob.LABELS,
                TrainingListener.NONE, new CancellationToken());
        assertFalse(ModelBundle.readInfo(a.bundle()).paramsSha256.equals(ModelBundle.readInfo(c.bundle()).paramsSha256));
    }

    @Test
    void aRunThatCannotReadItsDataIsRecordedFailedWithTheReason() throws IOException {
        // given an IDX data set whose training images have a wrong magic number
        Path broken = workspace.resolve("broken");
        StripesDataset.write(broken, 30, 1);
        byte[] images = Files.readAllBytes(broken.resolve("train-images-idx3-ubyte"));
        images[3] = 0x07;
        Files.write(broken.resolve("train-images-idx3-ubyte"), images);
        RunStore store = new RunStore(workspace);
        TrainingSettings settings = StripesDataset.settings(broken, 1);
        Run run = TrainingJob.create(store, "train", settings);

        // when it trains
        Exception e = assertThrows(tessera.util.TesseraException.class, () -> TrainingJob.run(run, settings,
                TrainingJob.LABELS, TrainingListener.NONE, new CancellationToken()));

        // then the run is FAILED and its reason names the file and the problem
        RunRecord record = store.open(run.id()).record();
        assertEquals(RunStatus.FAILED, record.status());
        assertNotNull(record.reason());
        assertEquals(e.getMessage(), record.reason());
        assertTrue(record.reason().contains("train-images-idx3-ubyte") && record.reason().contains("magic"), record.reason());
    }

    private static double trainLoss(List<Metric> metrics, int epoch) {
        return metric(metrics, epoch, "loss");
    }

    private static double metric(List<Metric> metrics, int epoch, String name) {
        return metrics.stream().filter(m -> m.epoch() == epoch && m.split().equals("train") && m.name().equals(name))
                .findFirst().orElseThrow().value();
    }
}
