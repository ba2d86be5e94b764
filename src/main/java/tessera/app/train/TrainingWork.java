package tessera.app.train;

import com.google.gson.JsonObject;
import tessera.distill.Distillation;
import tessera.ensemble.EnsembleJob;
import tessera.ensemble.EnsembleSettings;
import tessera.experiment.Run;
import tessera.experiment.RunStore;
import tessera.train.CancellationToken;
import tessera.train.EpochSummary;
import tessera.train.TrainingJob;
import tessera.train.TrainingListener;
import tessera.train.TrainingResult;
import tessera.train.TrainingSettings;
import tessera.util.Json;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs a {@link TrainingRequest} through the same workflows as the command line
 * ({@link EnsembleJob}, {@link TrainingJob} with {@link Distillation}'s objectives), translating
 * their listener calls into {@link TrainingProgress}. Runs on the calling (background) thread.
 */
public final class TrainingWork {

    private final RunStore store;

    public TrainingWork(RunStore store) {
        this.store = store;
    }

    public RunOutcome execute(TrainingRequest request, TrainingProgress progress, CancellationToken cancel) throws IOException {
        if (request instanceof TrainingRequest.NewEnsemble e) {
            return ensemble(EnsembleJob.create(store, e.settings()), e.settings(), progress, cancel, false);
        }
        if (request instanceof TrainingRequest.NewDistillation d) {
            return single(TrainingJob.create(store, "distill", d.settings()), d.settings(), progress, cancel, false);
        }
        return resume((TrainingRequest.Resume) request, progress, cancel);
    }

    private RunOutcome resume(TrainingRequest.Resume request, TrainingProgress progress, CancellationToken cancel) throws IOException {
        Run run = store.open(request.runId());
        JsonObject config = run.record().config();
        if ("ensemble".equals(run.record().kind())) {
            return ensemble(run, Json.GSON.fromJson(config, EnsembleSettings.class), progress, cancel, true);
        }
        if ("teacher".equals(run.record().kind())) {
            throw new TesseraException("run " + run.id() + " is an ensemble member: resume its ensemble run instead");
        }
        return single(run, Json.GSON.fromJson(config, TrainingSettings.class), progress, cancel, true);
    }

    private RunOutcome ensemble(Run run, EnsembleSettings settings, TrainingProgress progress, CancellationToken cancel,
                                boolean resume) throws IOException {
        progress.run(run.id());
        int members = settings.members;
        EnsembleJob.Result result = resume
                ? EnsembleJob.resume(store, run.id(), k -> listener("member " + (k + 1), k, members, progress), cancel)
                : EnsembleJob.run(store, run, settings, k -> listener("member " + (k + 1), k, members, progress), cancel);
        progress.fraction(1);
        double accuracy = result.testAccuracy().getOrDefault(settings.defaultFusion, Double.NaN);
        return new RunOutcome(run.id(), "ensemble", result.cancelled(), Optional.ofNullable(result.folder()), accuracy);
    }

    private RunOutcome single(Run run, TrainingSettings settings, TrainingProgress progress, CancellationToken cancel,
                              boolean resume) throws IOException {
        progress.run(run.id());
        String kind = run.record().kind();
        String network = "distill".equals(kind) ? "student" : kind;
        TrainingListener listener = listener(network, 0, 1, progress);
        TrainingResult result = resume
                ? TrainingJob.resume(store, run.id(), Distillation::objectives, listener, cancel)
                : TrainingJob.run(run, settings, Distillation.objectives(settings), listener, cancel);
        progress.fraction(1);
        double accuracy = result.test() == null ? Double.NaN : result.test().accuracy();
        return new RunOutcome(run.id(), kind, result.cancelled(), Optional.ofNullable(result.bundle()).map(Path::toAbsolutePath), accuracy);
    }

    /** Progress of network {@code index} of {@code count} trained one after another. */
    private static TrainingListener listener(String network, int index, int count, TrainingProgress progress) {
        return new TrainingListener() {
            private int epochs = 1;

            @Override
            public void epochStarted(int epoch, int epochs, int batches) {
                this.epochs = Math.max(1, epochs);
                progress.message(prefix(network, index, count) + "epoch " + epoch + "/" + epochs);
            }

            @Override
            public void batchFinished(int epoch, int batch, int batches, double loss) {
                double withinNetwork = (epoch - 1 + (double) batch / batches) / epochs;
                progress.fraction((index + withinNetwork) / count);
            }

            @Override
            public void epochFinished(EpochSummary summary) {
                progress.epoch(EpochPoint.of(network, summary));
            }

            @Override
            public void message(String message) {
                progress.message(prefix(network, index, count) + message);
            }
        };
    }

    private static String prefix(String network, int index, int count) {
        return count > 1 ? network + "/" + count + " · " : network + " · ";
    }
}
