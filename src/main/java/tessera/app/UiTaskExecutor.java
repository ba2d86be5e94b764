package tessera.app;

import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs every long job of the workstation as a {@link Task} off the FX thread: results arrive on
 * the FX thread, failures are reported (logged and shown) because a Task's exception otherwise
 * silently disappears.
 */
public final class UiTaskExecutor implements AutoCloseable {

    private final ExecutorService background;
    private final FailureReporter failures;

    public UiTaskExecutor(FailureReporter failures) {
        this.failures = failures;
        this.background = Executors.newCachedThreadPool(daemonThreads("tessera-background"));
    }

    /** Runs {@code work} in the background and hands its result to {@code onSuccess} on the FX thread. */
    public <T> Task<T> run(String title, Callable<T> work, Consumer<T> onSuccess) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateTitle(title);
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        return execute(task);
    }

    /** Runs a prepared task (progress, cancel) in the background, reporting its failure. */
    public <T> Task<T> execute(Task<T> task) {
        if (background.isShutdown()) {
            return task; // the window is closing: late refreshes have nobody to show them to
        }
        watch(task);
        background.execute(task);
        return task;
    }

    /** Makes sure a failure of {@code task} is reported, whichever executor runs it. */
    public <T> Task<T> watch(Task<T> task) {
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> failures.report(
                task.getTitle() == null || task.getTitle().isBlank() ? "A background job" : task.getTitle(),
                task.getException()));
        return task;
    }

    /** Reports a failure that happened outside a task (called from any thread). */
    public void report(String what, Throwable error) {
        if (Platform.isFxApplicationThread()) {
            failures.report(what, error);
        } else {
            Platform.runLater(() -> failures.report(what, error));
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
    }

    /** Daemon threads, so an unfinished job never keeps the JVM alive after the window closed. */
    public static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
