package tessera.app.train;

import tessera.train.EpochSummary;

/** One finished epoch of one network ({@code network}: "member 2", "student"), for the live charts. */
public record EpochPoint(String network, int epoch, double trainLoss, double validationLoss,
                         double trainAccuracy, double validationAccuracy) {

    public static EpochPoint of(String network, EpochSummary s) {
        return new EpochPoint(network, s.epoch(), s.trainLoss(), s.validationLoss(), s.trainAccuracy(), s.validationAccuracy());
    }
}
