package tessera.train;

/**
 * Thrown when a job is cancelled while it prepares its training (a distillation caching its
 * teachers' outputs can take a minute on a large data set): {@link TrainingJob} records the run as
 * cancelled and resumable, not failed.
 */
public final class SetupCancelled extends RuntimeException {

    public SetupCancelled(String what) {
        super("cancelled while " + what);
    }
}
