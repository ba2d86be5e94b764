package tessera.app.train;

/** What a running job reports, on the training thread; the GUI's task turns it into progress and charts. */
public interface TrainingProgress {

    /** The run the job works on became known (created or reopened). */
    void run(String runId);

    /** A line such as "member 2/3 · epoch 4/5". */
    void message(String text);

    /** Fraction of the whole job done, 0..1. */
    void fraction(double done);

    void epoch(EpochPoint point);
}
