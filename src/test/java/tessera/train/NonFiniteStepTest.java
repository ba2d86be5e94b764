package tessera.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.experiment.Run;
import tessera.experiment.RunRecord;
import tessera.experiment.RunStatus;
import tessera.experiment.RunStore;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch whose loss or gradients are not finite is kept out of the network (real DJL training on
 * a tiny real data set): one-offs are skipped and the run finishes; a network that keeps giving
 * NaN fails with its last checkpoint intact.
 */
class NonFiniteStepTest {

    @TempDir
    static Path data;

    @TempDir
    Path workspace;

    @BeforeAll
    static void writeData() throws IOException {
        StripesDataset.write(data, 300, 11);
    }

    /** The labels objective, spoiled on the steps whose number (from 1) is in {@code nanLoss} or {@code nanGradient}. */
    private static TrainingJob.ObjectiveFactory spoiled(Set<Integer> nanLoss, Set<Integer> nanGradient) {
        return (d, run, device, cancel) -> new Objective() {
            private final LabelObjective labels = new LabelObjective();
            private int calls;

            @Override
            public NDArray loss(NDList heads, NDArray input, NDArray y, int[] samples) {
                calls++;
                NDArray loss = labels.loss(heads, input, y, samples);
                if (nanLoss.contains(calls)) {
                    return loss.mul(Float.NaN);
                }
                if (nanGradient.contains(calls)) {
                    // sqrt(0) is 0 but its derivative infinite, times the 0 above it: NaN gradients under a finite loss
                    return loss.add(heads.get(0).mul(0f).sqrt().sum().mul(0f));
                }
                return loss;
            }

            @Override
            public String name() {
                return "labels";
            }
        };
    }

    @Test
    void aBatchWithANanLossOrNanGradientsIsSkippedAndTheRunFinishes() throws IOException {
        // given a 2-epoch run whose 3rd step has a NaN loss and whose 5th a finite loss with NaN gradients
        RunStore store = new RunStore(workspace);
        TrainingSettings settings = StripesDataset.settings(data, 2);
        Run run = TrainingJob.create(store, "train", settings);

        // when it trains
        TrainingResult result = TrainingJob.run(run, settings, spoiled(Set.of(3), Set.of(5)), TrainingListener.NONE,
                new CancellationToken());

        // then both batches are skipped, said in the log, and the network stays finite and still learns
        assertEquals(2, result.epochsDone());
        assertEquals(RunStatus.FINISHED, store.open(run.id()).record().status());
        assertTrue(Double.isFinite(result.test().nll()), "test NLL " + result.test().nll());
        assertTrue(result.test().accuracy() > 0.6, "test accuracy " + result.test().accuracy());
        String log = Files.readString(run.dir().resolve("log.txt"));
        assertTrue(log.contains("epoch 1 batch 3: loss NaN, update skipped"), log);
        assertTrue(log.contains("but non-finite gradients, update skipped"), log);
    }

    @Test
    void aNetworkThatKeepsGivingNanFailsWithItsLastCheckpointIntact() throws IOException {
        // given a run of 8 batches an epoch whose loss is NaN from the 6th step on
        RunStore store = new RunStore(workspace);
        TrainingSettings settings = StripesDataset.settings(data, 3);
        Run run = TrainingJob.create(store, "train", settings);
        Set<Integer> fromSix = java.util.stream.IntStream.rangeClosed(6, 100).boxed()
                .collect(java.util.stream.Collectors.toSet());

        // when it trains
        TesseraException e = assertThrows(TesseraException.class, () -> TrainingJob.run(run, settings,
                spoiled(fromSix, Set.of()), TrainingListener.NONE, new CancellationToken()));

        // then it fails as diverged, names the intact checkpoint, and the run store keeps it FAILED and readable
        assertTrue(e.getMessage().startsWith("training diverged: 10 batches in a row"), e.getMessage());
        assertTrue(e.getMessage().contains("checkpoint of epoch 1 is intact"), e.getMessage());
        RunRecord record = store.open(run.id()).record();
        assertEquals(RunStatus.FAILED, record.status());
        assertEquals(e.getMessage(), record.reason());
        assertFalse(ModelTrainer.readState(run).epochsDone < 1, "epoch 1 was checkpointed");
    }
}
