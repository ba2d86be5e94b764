package tessera.train;

import java.util.concurrent.atomic.AtomicBoolean;

/** Asks a running job to stop at the next batch; set from another thread (GUI, Ctrl-C). */
public final class CancellationToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }
}
