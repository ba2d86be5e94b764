package tessera.fusion;

import tessera.util.Json;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * The learned {@code stacking} combiner: multinomial logistic regression (one linear layer and a
 * softmax) on the concatenated log-probabilities of the frozen members. Unlike the fixed rules
 * it can learn that one member is reliable for some classes and another for others, at the
 * price of needing labelled held-out data the members were not trained on.
 *
 * <p>Input x = [log max(P[0][c], 1e-6) for c] ++ .. ++ [log max(P[T-1][c], 1e-6) for c], T*C
 * values; output softmax(W x + b) over C classes. The floor keeps one confident zero from
 * dominating the features (log 1e-12 would be -27.6 against typical values near -1). Training is
 * full-batch Adam on the mean cross-entropy plus L2 on W, from a seeded initialisation, so the
 * same data and seed give the same combiner.
 */
public final class StackingCombiner {

    static final double LOG_FLOOR = 1e-6;
    static final String FORMAT = "tessera-stacking-combiner";
    private static final int EPOCHS = 400;
    private static final double LEARNING_RATE = 0.05;
    private static final double L2 = 1e-4;
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final int members;
    private final int classes;
    /** weights[k][j]: class k, input j = t*C + c. */
    private final double[][] weights;
    private final double[] bias;

    private StackingCombiner(int members, int classes, double[][] weights, double[] bias) {
        this.members = members;
        this.classes = classes;
        this.weights = weights;
        this.bias = bias;
    }

    public int members() {
        return members;
    }

    public int classes() {
        return classes;
    }

    /**
     * Trains a combiner on held-out data.
     *
     * @param p      p[t][i][c], the frozen members' probabilities
     * @param labels true class index per sample
     * @param seed   seeds the initial weights
     */
    public static StackingCombiner train(double[][][] p, int[] labels, long seed) {
        int[] shape = Fusion.checkShape(p);
        int members = shape[0];
        int samples = shape[1];
        int classes = shape[2];
        if (samples == 0) {
            throw new TesseraException("stacking: no samples to train on");
        }
        if (labels == null || labels.length != samples) {
            throw new TesseraException("stacking: " + (labels == null ? 0 : labels.length) + " labels for " + samples + " samples");
        }
        for (int i = 0; i < samples; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new TesseraException("stacking: label " + labels[i] + " of sample " + i + " is not a class index 0.." + (classes - 1));
            }
        }
        int inputs = members * classes;
        double[][] x = new double[samples][];
        for (int i = 0; i < samples; i++) {
            x[i] = features(p, i);
        }
        Random random = new Random(seed);
        double[][] w = new double[classes][inputs];
        for (double[] row : w) {
            for (int j = 0; j < inputs; j++) {
                row[j] = 0.01 * random.nextGaussian();
            }
        }
        StackingCombiner model = new StackingCombiner(members, classes, w, new double[classes]);
        model.fit(x, labels);
        return model;
    }

    /** Full-batch Adam on mean cross-entropy + L2/2 ||W||^2. */
    private void fit(double[][] x, int[] labels) {
        int inputs = members * classes;
        double[][] mW = new double[classes][inputs];
        double[][] vW = new double[classes][inputs];
        double[] mB = new double[classes];
        double[] vB = new double[classes];
        double[][] gW = new double[classes][inputs];
        double[] gB = new double[classes];
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            for (int k = 0; k < classes; k++) {
                Arrays.fill(gW[k], 0);
            }
            Arrays.fill(gB, 0);
            for (int i = 0; i < x.length; i++) {
                double[] q = softmax(x[i]);
                q[labels[i]] -= 1; // d(cross-entropy)/d(logit)
                for (int k = 0; k < classes; k++) {
                    double g = q[k] / x.length;
                    gB[k] += g;
                    double[] row = gW[k];
                    for (int j = 0; j < inputs; j++) {
                        row[j] += g * x[i][j];
                    }
                }
            }
            double correction1 = 1 - Math.pow(BETA1, epoch);
            double correction2 = 1 - Math.pow(BETA2, epoch);
            for (int k = 0; k < classes; k++) {
                for (int j = 0; j < inputs; j++) {
                    weights[k][j] -= adamStep(gW[k][j] + L2 * weights[k][j], mW[k], vW[k], j, correction1, correction2);
                }
                bias[k] -= adamStep(gB[k], mB, vB, k, correction1, correction2);
            }
        }
    }

    private static double adamStep(double g, double[] m, double[] v, int j, double correction1, double correction2) {
        m[j] = BETA1 * m[j] + (1 - BETA1) * g;
        v[j] = BETA2 * v[j] + (1 - BETA2) * g * g;
        return LEARNING_RATE * (m[j] / correction1) / (Math.sqrt(v[j] / correction2) + EPSILON);
    }

    private static double[] features(double[][][] p, int sample) {
        int classes = p[0][sample].length;
        double[] x = new double[p.length * classes];
        for (int t = 0; t < p.length; t++) {
            for (int c = 0; c < classes; c++) {
                x[t * classes + c] = Math.log(Math.max(p[t][sample][c], LOG_FLOOR));
            }
        }
        return x;
    }

    private double[] softmax(double[] x) {
        double[] z = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            double s = bias[k];
            double[] row = weights[k];
            for (int j = 0; j < row.length; j++) {
                s += row[j] * x[j];
            }
            z[k] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < classes; k++) {
            z[k] /= sum;
        }
        return z;
    }

    /** The combiner's probabilities for N samples, p[t][i][c] -> [i][c]. */
    public double[][] predictProba(double[][][] p) {
        int[] shape = Fusion.checkShape(p);
        if (shape[0] != members || shape[2] != classes) {
            throw new TesseraException("stacking model was trained for " + members + " members and " + classes
                    + " classes, got " + shape[0] + " members and " + shape[2] + " classes");
        }
        double[][] out = new double[shape[1]][];
        for (int i = 0; i < out.length; i++) {
            out[i] = softmax(features(p, i));
        }
        return out;
    }

    /** The combiner's probabilities for one sample, pSample[t][c]. */
    public double[] predictSample(double[][] pSample) {
        double[][][] asBatch = new double[pSample.length][][];
        for (int t = 0; t < pSample.length; t++) {
            asBatch[t] = new double[][] {pSample[t]};
        }
        return predictProba(asBatch)[0];
    }

    /** What the JSON file holds; field names are the file format. */
    private static final class Stored {
        String format;
        int version;
        int members;
        int classes;
        String features;
        double[][] weights;
        double[] bias;
    }

    /** Writes the combiner as JSON, atomically. */
    public void save(Path file) throws IOException {
        Stored s = new Stored();
        s.format = FORMAT;
        s.version = 1;
        s.members = members;
        s.classes = classes;
        s.features = "log(max(P[t][c], " + LOG_FLOOR + ")), index t*C+c";
        s.weights = weights;
        s.bias = bias;
        Json.write(file, s);
    }

    /**
     * Reads a combiner written by {@link #save}.
     *
     * @throws TesseraException naming the file when it is not a stacking model or its arrays do
     *                          not match the recorded members and classes
     */
    public static StackingCombiner load(Path file) throws IOException {
        Stored s = Json.read(file, Stored.class);
        if (!FORMAT.equals(s.format)) {
            throw new TesseraException(file + ": not a stacking model (format '" + s.format + "', expected '" + FORMAT + "')");
        }
        if (s.members < 1 || s.classes < 1) {
            throw new TesseraException(file + ": members " + s.members + " and classes " + s.classes + " must be at least 1");
        }
        int inputs = s.members * s.classes;
        if (s.weights == null || s.weights.length != s.classes) {
            throw new TesseraException(file + ": weights have " + (s.weights == null ? 0 : s.weights.length)
                    + " rows, expected " + s.classes + " (one per class)");
        }
        for (int k = 0; k < s.classes; k++) {
            if (s.weights[k] == null || s.weights[k].length != inputs) {
                throw new TesseraException(file + ": weights row " + k + " has " + (s.weights[k] == null ? 0 : s.weights[k].length)
                        + " values, expected " + inputs + " (members " + s.members + " x classes " + s.classes + ")");
            }
            for (double v : s.weights[k]) {
                if (!Double.isFinite(v)) {
                    throw new TesseraException(file + ": weights row " + k + " holds a non-finite value");
                }
            }
        }
        if (s.bias == null || s.bias.length != s.classes) {
            throw new TesseraException(file + ": bias has " + (s.bias == null ? 0 : s.bias.length) + " values, expected " + s.classes);
        }
        return new StackingCombiner(s.members, s.classes, s.weights, s.bias);
    }
}
