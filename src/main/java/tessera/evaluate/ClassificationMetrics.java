package tessera.evaluate;

/**
 * Accuracy, macro-F1, negative log-likelihood, expected calibration error (15 equal-width
 * confidence bins) and the confusion matrix of class probabilities against true labels.
 */
public record ClassificationMetrics(int samples, double accuracy, double macroF1, double nll, double ece,
                                    int[][] confusion) {

    public static final int ECE_BINS = 15;
    private static final double MIN_P = 1e-12;

    /** probabilities[i][c]; labels[i] the true class; predictions by arg-max, lower index on ties. */
    public static ClassificationMetrics of(double[][] probabilities, int[] labels) {
        int[] predicted = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            predicted[i] = argMax(probabilities[i]);
        }
        return of(probabilities, predicted, labels);
    }

    /** As {@link #of(double[][], int[])} with predictions given (a fusion rule may decide otherwise than arg-max). */
    public static ClassificationMetrics of(double[][] probabilities, int[] predicted, int[] labels) {
        int n = labels.length;
        if (n == 0) {
            throw new IllegalArgumentException("no samples to evaluate");
        }
        int classes = probabilities[0].length;
        int[][] confusion = new int[classes][classes];
        double nll = 0;
        int correct = 0;
        double[] binConfidence = new double[ECE_BINS];
        double[] binCorrect = new double[ECE_BINS];
        int[] binCount = new int[ECE_BINS];
        for (int i = 0; i < n; i++) {
            int pred = predicted[i];
            confusion[labels[i]][pred]++;
            boolean hit = pred == labels[i];
            if (hit) {
                correct++;
            }
            nll -= Math.log(Math.max(MIN_P, probabilities[i][labels[i]]));
            double confidence = probabilities[i][pred];
            int bin = Math.min(ECE_BINS - 1, (int) (confidence * ECE_BINS));
            binConfidence[bin] += confidence;
            binCorrect[bin] += hit ? 1 : 0;
            binCount[bin]++;
        }
        double ece = 0;
        for (int b = 0; b < ECE_BINS; b++) {
            if (binCount[b] > 0) {
                ece += Math.abs(binCorrect[b] - binConfidence[b]) / n;
            }
        }
        return new ClassificationMetrics(n, (double) correct / n, macroF1(confusion), nll / n, ece, confusion);
    }

    /** Mean over classes of F1; a class never predicted nor present counts as F1 = 0 only if present. */
    static double macroF1(int[][] confusion) {
        int classes = confusion.length;
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < classes; c++) {
            long tp = confusion[c][c];
            long actual = 0;
            long predicted = 0;
            for (int k = 0; k < classes; k++) {
                actual += confusion[c][k];
                predicted += confusion[k][c];
            }
            if (actual == 0 && predicted == 0) {
                continue; // a class absent from both truth and predictions says nothing
            }
            double f1 = actual + predicted == 0 ? 0 : 2.0 * tp / (actual + predicted);
            sum += f1;
            counted++;
        }
        return counted == 0 ? 0 : sum / counted;
    }

    public static int argMax(double[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }
}
