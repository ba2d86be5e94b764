package tessera.fusion;

import tessera.util.TesseraException;

import java.util.Arrays;

/**
 * Member weights for {@code weighted-mean} and {@code weighted-vote}: typed by hand, or derived
 * from each member's score on held-out validation data. Weights need not sum to 1 (the rules
 * divide by their sum), but they must be finite, non-negative and not all zero.
 */
public final class MemberWeights {

    private MemberWeights() {
    }

    /**
     * w[t] = validation accuracy of member t: a member that is right more often gets a
     * proportionally larger say. Accuracies must lie in [0, 1].
     */
    public static double[] fromAccuracy(double[] validationAccuracy) {
        require(validationAccuracy, "validation accuracy");
        double[] w = validationAccuracy.clone();
        for (int t = 0; t < w.length; t++) {
            if (!(w[t] >= 0 && w[t] <= 1)) {
                throw new TesseraException("validation accuracy of member " + t + " is " + w[t] + ", expected a value in [0, 1]");
            }
        }
        return validate(w, w.length, "weights from validation accuracy");
    }

    /**
     * w[t] = 1 / NLL of member t on validation data. The negative log-likelihood is a proper
     * scoring rule: it rewards members whose probabilities are both right and well calibrated,
     * which is what probability-averaging rules consume, while accuracy only sees the top class.
     * Lower loss is better, so the weight is its inverse; NLL must be finite and positive
     * (a loss of exactly 0 would give one member all the weight).
     */
    public static double[] fromLoss(double[] validationNll) {
        require(validationNll, "validation loss");
        double[] w = new double[validationNll.length];
        for (int t = 0; t < w.length; t++) {
            double nll = validationNll[t];
            if (!(nll > 0) || Double.isInfinite(nll)) {
                throw new TesseraException("validation loss (NLL) of member " + t + " is " + nll + ", expected a finite value > 0");
            }
            w[t] = 1.0 / nll;
        }
        return w;
    }

    /**
     * Parses the {@code --weights} text "w1,w2,..", one value per member.
     *
     * @throws TesseraException on a wrong count, a value that is not a number, negative or NaN
     */
    public static double[] parse(String text, int members) {
        if (text == null || text.isBlank()) {
            throw new TesseraException("--weights is empty; expected " + members + " comma-separated values, one per member");
        }
        String[] parts = text.split(",", -1);
        double[] w = new double[parts.length];
        for (int t = 0; t < parts.length; t++) {
            try {
                w[t] = Double.parseDouble(parts[t].strip());
            } catch (NumberFormatException e) {
                throw new TesseraException("--weights: value " + (t + 1) + " '" + parts[t].strip() + "' is not a number");
            }
        }
        return validate(w, members, "--weights");
    }

    /**
     * Checks weights for {@code members} members: null means all 1. Shared by every entry point
     * so that the same problem always reads the same way.
     *
     * @param what how the user knows these weights, for the message ("--weights", "weights")
     * @return the weights to use (a new array of ones when {@code weights} is null)
     */
    public static double[] validate(double[] weights, int members, String what) {
        if (weights == null) {
            double[] ones = new double[members];
            Arrays.fill(ones, 1.0);
            return ones;
        }
        if (weights.length != members) {
            throw new TesseraException(what + ": expected " + members + " values (one per member), got " + weights.length);
        }
        double sum = 0;
        for (int t = 0; t < weights.length; t++) {
            double w = weights[t];
            if (Double.isNaN(w)) {
                throw new TesseraException(what + ": weight " + (t + 1) + " is NaN");
            }
            if (w < 0) {
                throw new TesseraException(what + ": weight " + (t + 1) + " is negative (" + w + ")");
            }
            if (Double.isInfinite(w)) {
                throw new TesseraException(what + ": weight " + (t + 1) + " is infinite");
            }
            sum += w;
        }
        if (sum <= 0) {
            throw new TesseraException(what + ": all weights are zero");
        }
        return weights;
    }

    private static void require(double[] values, String what) {
        if (values == null || values.length == 0) {
            throw new TesseraException(what + ": no members given");
        }
    }
}
