package tessera.train;

/** Progress of a training run, called on the training thread. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() {
    };

    default void epochStarted(int epoch, int epochs, int batches) {
    }

    default void batchFinished(int epoch, int batch, int batches, double loss) {
    }

    default void epochFinished(EpochSummary summary) {
    }

    /** A line worth showing to the user (resumed, early stop, ...). */
    default void message(String message) {
    }
}
