package tessera.app.train;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import tessera.train.CancellationToken;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One queued training job as a JavaFX task: progress and message for the queue view, epochs for
 * the live charts (delivered through {@code fxThread}), and a cancel that stops training at the
 * next batch so the run is stored as CANCELLED and stays resumable.
 */
public final class TrainingTask extends Task<RunOutcome> {

    private final TrainingRequest request;
    private final TrainingWork work;
    private final Executor fxThread;
    private final Consumer<EpochPoint> epochs;
    private final CancellationToken cancel = new CancellationToken();
    private final ReadOnlyStringWrapper runId = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper();
    private final AtomicBoolean started = new AtomicBoolean();

    public TrainingTask(TrainingRequest request, TrainingWork work, Executor fxThread, Consumer<EpochPoint> epochs) {
        this.request = request;
        this.work = work;
        this.fxThread = fxThread;
        this.epochs = epochs;
        updateTitle(request.title());
        updateMessage("waiting in the queue");
    }

    public TrainingRequest request() {
        return request;
    }

    /** The run id once the job has started (empty while queued). */
    public ReadOnlyStringProperty runIdProperty() {
        return runId.getReadOnlyProperty();
    }

    /** True once the job's thread has left the workflow: the run on disk is final (a cancel takes a batch). */
    public ReadOnlyBooleanProperty endedProperty() {
        return ended.getReadOnlyProperty();
    }

    /** False while the job waits in the queue; a job cancelled before it started never starts. */
    public boolean started() {
        return started.get();
    }

    @Override
    protected RunOutcome call() throws Exception {
        started.set(true);
        try {
            return train();
        } finally {
            fxThread.execute(() -> ended.set(true));
        }
    }

    private RunOutcome train() throws Exception {
        updateMessage("starting");
        return work.execute(request, new TrainingProgress() {
            @Override
            public void run(String id) {
                fxThread.execute(() -> runId.set(id));
                updateTitle(request.title() + " · " + id);
            }

            @Override
            public void message(String text) {
                updateMessage(text);
            }

            @Override
            public void fraction(double done) {
                updateProgress(done, 1.0);
            }

            @Override
            public void epoch(EpochPoint point) {
                fxThread.execute(() -> epochs.accept(point));
            }
        }, cancel);
    }

    /** Stops training at the next batch instead of interrupting file writes halfway. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        cancel.cancel();
        return super.cancel(false);
    }
}
