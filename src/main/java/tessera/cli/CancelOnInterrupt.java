package tessera.cli;

import tessera.train.CancellationToken;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) asks a running job to stop at the next batch and waits until the command has
 * recorded it, so the run is CANCELLED (and resumable) instead of being left RUNNING.
 */
final class CancelOnInterrupt {

    private static final long MAX_WAIT_SECONDS = 30;

    private CancelOnInterrupt() {
    }

    /** The shutdown hook; it is released by {@link #remove} rather than by joining the main thread. */
    private static final class Hook extends Thread {
        // Joining main would always wait the whole timeout: main blocks in System.exit while the JVM shuts down.
        private final CountDownLatch commandDone = new CountDownLatch(1);
        private final CancellationToken token;

        Hook(CancellationToken token) {
            super("tessera-cancel");
            this.token = token;
        }

        @Override
        public void run() {
            token.cancel();
            try {
                commandDone.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static Thread install(CancellationToken token) {
        Hook hook = new Hook(token);
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Called when the command has finished (normally or cancelled): releases a waiting hook. */
    static void remove(Thread hook) {
        if (hook instanceof Hook h) {
            h.commandDone.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running, nothing to remove
        }
    }
}
