package tessera.study;

import tessera.train.TrainingListener;

/** How a study reports itself: a line per unit of work, and the training progress of each model. */
public interface StudyProgress {

    StudyProgress SILENT = new StudyProgress() {
    };

    /** A unit started, was skipped as finished, or finished with its figure. */
    default void line(String line) {
    }

    default TrainingListener training(String label) {
        return TrainingListener.NONE;
    }
}
