package tessera.app.train;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.app.TinyData;
import tessera.ensemble.Ensemble;
import tessera.ensemble.EnsembleSettings;
import tessera.experiment.RunRecord;
import tessera.experiment.RunStatus;
import tessera.experiment.RunStore;
import tessera.model.ModelBundle;
import tessera.train.CancellationToken;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workflow behind the Train view, run for real on a tiny data set, without a screen. */
class TrainingWorkTest {

    @TempDir
    Path dir;

    /** Collects what a job reports. */
    static final class Recorder implements TrainingProgress {
        final List<String> runs = new ArrayList<>();
        final List<EpochPoint> epochs = new ArrayList<>();
        final List<Double> fractions = new ArrayList<>();
        final CancellationToken cancelAfterFirstBatch;

        Recorder(CancellationToken cancelAfterFirstBatch) {
            this.cancelAfterFirstBatch = cancelAfterFirstBatch;
        }

        @Override
        public void run(String runId) {
            runs.add(runId);
        }

        @Override
        public void message(String text) {
        }

        @Override
        public void fraction(double done) {
            fractions.add(done);
            if (cancelAfterFirstBatch != null) {
                cancelAfterFirstBatch.cancel();
            }
        }

        @Override
        public void epoch(EpochPoint point) {
            epochs.add(point);
        }
    }

    private TrainingForm form(Path data) {
        TrainingForm form = new TrainingForm();
        form.dataset.set(data.toString());
        form.architectures.set("cnn-small");
        form.members.set(2);
        form.subset.set(1.0);
        form.epochs.set(1);
        form.batchSize.set(16);
        form.device.set("cpu");
        form.ensembleName.set("teachers");
        return form;
    }

    @Test
    void givenTheFormWhenAnEnsembleThenAStudentAreTrainedThenBothRunsFinishWithTheirModels() throws Exception {
        Path data = TinyData.twoClassImages(dir.resolve("data"), 24);
        RunStore store = new RunStore(dir.resolve("ws"));
        TrainingWork work = new TrainingWork(store);
        TrainingForm form = form(data);

        Recorder teachers = new Recorder(null);
        EnsembleSettings settings = form.ensembleSettings(dir.resolve("ws/ensembles"));
        RunOutcome ensemble = work.execute(new TrainingRequest.NewEnsemble(settings), teachers, new CancellationToken());

        assertFalse(ensemble.cancelled());
        assertTrue(Ensemble.isEnsemble(ensemble.model().orElseThrow()));
        assertEquals(List.of("member 1", "member 2"), teachers.epochs.stream().map(EpochPoint::network).toList());
        assertEquals(1.0, teachers.fractions.get(teachers.fractions.size() - 1), 1e-9);
        assertTrue(teachers.fractions.stream().allMatch(f -> f >= 0 && f <= 1));

        form.kind.set(RunKind.DISTILLATION);
        form.mode.set("simultaneous");
        form.teachers.set(ensemble.model().get().toString());
        Recorder student = new Recorder(null);
        RunOutcome distilled = work.execute(new TrainingRequest.NewDistillation(form.distillationSettings()), student,
                new CancellationToken());

        assertEquals("distill", distilled.kind());
        assertTrue(ModelBundle.isBundle(distilled.model().orElseThrow()));
        assertEquals(2, ModelBundle.readInfo(distilled.model().get()).heads);
        assertTrue(distilled.testAccuracy() >= 0 && distilled.testAccuracy() <= 1);
        RunRecord record = store.open(distilled.runId()).record();
        assertEquals(RunStatus.FINISHED, record.status());
        assertEquals("student", student.epochs.get(0).network());
    }

    @Test
    void givenARunCancelledAtItsFirstBatchWhenResumedThenItFinishes() throws Exception {
        Path data = TinyData.twoClassImages(dir.resolve("data"), 24);
        RunStore store = new RunStore(dir.resolve("ws"));
        TrainingWork work = new TrainingWork(store);
        TrainingForm form = form(data);
        form.kind.set(RunKind.DISTILLATION);
        form.mode.set("labels");

        CancellationToken cancel = new CancellationToken();
        RunOutcome first = work.execute(new TrainingRequest.NewDistillation(form.distillationSettings()),
                new Recorder(cancel), cancel);
        assertTrue(first.cancelled());
        assertEquals(RunStatus.CANCELLED, store.open(first.runId()).record().status());

        RunOutcome resumed = work.execute(new TrainingRequest.Resume(first.runId(), "distill"), new Recorder(null),
                new CancellationToken());
        assertFalse(resumed.cancelled());
        assertEquals(first.runId(), resumed.runId());
        assertEquals(RunStatus.FINISHED, store.open(first.runId()).record().status());
    }
}
