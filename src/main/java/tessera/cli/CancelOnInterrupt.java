package tessera.cli;

import tessera.train.CancellationToken;

/**
 * Ctrl-C asks a running job to stop at the next batch and waits briefly, so the run is recorded
 * CANCELLED (and resumable) instead of being left RUNNING.
 */
final class CancelOnInterrupt {

    private CancelOnInterrupt() {
    }

    static Thread install(CancellationToken token) {
        Thread main = Thread.currentThread();
        Thread hook = new Thread(() -> {
            token.cancel();
            try {
                main.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tessera-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    static void remove(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running, nothing to remove
        }
    }
}
