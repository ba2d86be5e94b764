package tessera.app.train;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Worker;
import tessera.app.UiTaskExecutor;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The training queue: ONE job at a time (each gets every core), the others wait. Lists the jobs
 * not yet done; tells {@code onDone} on the FX thread when one ends, however it ends.
 */
public final class RunQueue implements AutoCloseable {

    private final ExecutorService worker = Executors.newSingleThreadExecutor(UiTaskExecutor.daemonThreads("tessera-training"));
    private final ObservableList<TrainingTask> jobs = FXCollections.observableArrayList();
    private final UiTaskExecutor tasks;
    private final Consumer<TrainingTask> onDone;

    public RunQueue(UiTaskExecutor tasks, Consumer<TrainingTask> onDone) {
        this.tasks = tasks;
        this.onDone = onDone;
    }

    /** Jobs queued or running, oldest first; call on the FX thread. */
    public ObservableList<TrainingTask> jobs() {
        return jobs;
    }

    public void submit(TrainingTask task) {
        tasks.watch(task);
        jobs.add(task);
        Runnable check = () -> {
            Worker.State state = task.getState();
            boolean terminal = state == Worker.State.SUCCEEDED || state == Worker.State.FAILED || state == Worker.State.CANCELLED;
            // A cancelled job is done once its thread has stored the run (or when it never started).
            if (terminal && (task.endedProperty().get() || !task.started()) && jobs.remove(task)) {
                onDone.accept(task);
            }
        };
        task.stateProperty().addListener((o, was, now) -> check.run());
        task.endedProperty().addListener((o, was, now) -> check.run());
        worker.execute(task);
    }

    /** Cancels every job and gives the running one a moment to store its checkpoint as CANCELLED. */
    @Override
    public void close() {
        jobs.forEach(TrainingTask::cancel);
        worker.shutdown();
        try {
            worker.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
