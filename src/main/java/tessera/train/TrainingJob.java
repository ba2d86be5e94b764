package tessera.train;

import ai.djl.Device;
import com.google.gson.JsonObject;
import tessera.data.DataSplits;
import tessera.data.DatasetLoader;
import tessera.experiment.Run;
import tessera.experiment.RunStatus;
import tessera.experiment.RunStore;
import tessera.model.Devices;
import tessera.util.Json;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The training workflow shared by the command line and the GUI: records a run, loads the data,
 * trains, and leaves the run FINISHED, CANCELLED (resumable) or FAILED with its reason.
 */
public final class TrainingJob {

    /**
     * Builds the objective once the data are loaded (distillation needs them to cache teacher
     * outputs, which is long enough to need the cancellation token: it throws {@link SetupCancelled}).
     */
    @FunctionalInterface
    public interface ObjectiveFactory {
        Objective create(DataSplits data, Run run, Device device, CancellationToken cancel) throws IOException;
    }

    public static final ObjectiveFactory LABELS = (data, run, device, cancel) -> new LabelObjective();

    private TrainingJob() {
    }

    public static Run create(RunStore store, String kind, TrainingSettings settings) {
        JsonObject config = Json.GSON.toJsonTree(settings).getAsJsonObject();
        return store.create(kind, config);
    }

    /** Trains a new run, or resumes {@code run} from its last checkpoint. */
    public static TrainingResult run(Run run, TrainingSettings settings, ObjectiveFactory objectives,
                                     TrainingListener listener, CancellationToken cancel) throws IOException {
        try {
            Device device = Devices.resolve(settings.device);
            run.setDevice(Devices.describe(device));
            listener.message(Devices.announce(device));
            DataSplits data = DatasetLoader.load(Path.of(settings.dataset), settings.datasetOptions());
            run.log("data " + data.format() + " " + data.source() + ": train " + data.train().size()
                    + ", validation " + data.validation().size() + ", test " + data.test().size()
                    + ", input " + data.train().channels() + "x" + data.train().height() + "x" + data.train().width());
            TrainingResult result;
            try (Objective objective = objectives.create(data, run, device, cancel)) {
                result = new ModelTrainer(settings, data, objective, device).train(run, listener, cancel);
            } catch (SetupCancelled e) {
                int epochsDone = ModelTrainer.readState(run).epochsDone;
                run.log(e.getMessage() + "; resumable from epoch " + epochsDone);
                result = new TrainingResult(run.id(), true, epochsDone, 0, false, null, null, 0);
            }
            if (result.cancelled()) {
                run.markCancelled();
            } else {
                run.markFinished();
            }
            return result;
        } catch (IOException | RuntimeException | Error e) {
            String reason = e instanceof TesseraException || e instanceof IOException
                    ? e.getMessage() : e.getClass().getSimpleName() + ": " + e.getMessage();
            run.log("failed: " + reason);
            run.markFailed(reason);
            throw e;
        }
    }

    /** Resumes an interrupted, cancelled or failed run with the settings it was created with. */
    public static TrainingResult resume(RunStore store, String runId,
                                        java.util.function.Function<TrainingSettings, ObjectiveFactory> objectives,
                                        TrainingListener listener, CancellationToken cancel) throws IOException {
        Run run = store.open(runId);
        if (run.record().status() == RunStatus.FINISHED) {
            throw new TesseraException("run " + run.id() + " is already FINISHED; nothing to resume");
        }
        if (run.record().status() == RunStatus.RUNNING && !run.record().interrupted()) {
            throw new TesseraException("run " + run.id() + " is still RUNNING in process " + run.record().pid()
                    + " on " + run.record().host());
        }
        TrainingSettings settings = Json.GSON.fromJson(run.record().config(), TrainingSettings.class);
        run.markRunning();
        return run(run, settings, objectives.apply(settings), listener, cancel);
    }
}
