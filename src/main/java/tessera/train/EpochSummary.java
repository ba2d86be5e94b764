package tessera.train;

/** The figures of one finished epoch; validation figures are NaN when there is no validation split. */
public record EpochSummary(int epoch, int epochs, double trainLoss, double trainAccuracy,
                           double validationLoss, double validationAccuracy, double learningRate,
                           double seconds, double samplesPerSecond, boolean best) {
}
