package tessera.train;

/**
 * What a checkpoint records besides the parameters, written after them: the epochs done, the best
 * validation result so far and the global step, so a resumed run continues where it stopped.
 */
public final class TrainingState {

    public int epochsDone;
    public long step;
    public String parametersFile;
    /** The optimizer's moment estimates at the end of that epoch; absent in checkpoints of older versions. */
    public String optimizerFile;
    public double bestValidationAccuracy = -1;
    public int bestEpoch = -1;
    public int epochsWithoutImprovement;
    public boolean stoppedEarly;
}
