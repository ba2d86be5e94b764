package tessera.distill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

/**
 * Loss = alpha·T²·KL(teacher_T ‖ student_T) + (1 − alpha)·CE(labels, student) (formats.md),
 * checked against a reference written out in double precision here, its gradient against central
 * differences of that reference.
 */
class KdObjectiveTest {

    private static final int N = 3;
    private static final int C = 4;
    private static final int[] LABELS = {2, 0, 3};

    /** Student logits per head: [head][sample][class]. */
    private static final double[][][] HEADS = {
            {{1.0, -0.5, 2.0, 0.3}, {0.2, 0.1, -1.0, 0.7}, {-0.4, 1.5, 0.0, 0.9}},
            {{0.3, 0.6, 1.1, -0.2}, {1.4, -0.3, 0.2, 0.0}, {0.5, 0.5, -0.7, 1.8}},
    };

    /** Teacher logits per teacher: [teacher][sample][class]. */
    private static final double[][][] TEACHER_LOGITS = {
            {{2.0, 0.0, 3.0, -1.0}, {1.0, 0.5, -0.5, 0.0}, {0.0, 2.5, -1.0, 1.0}},
            {{0.5, 0.2, 1.5, 0.1}, {2.5, 0.0, 0.0, -0.5}, {0.2, 0.3, 0.1, 2.2}},
    };

    static double[] softmax(double[] z, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v / t);
        }
        double[] p = new double[z.length];
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] / t - max);
            sum += p[c];
        }
        for (int c = 0; c < z.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    /** Teacher probabilities at temperature T: [teacher][sample][class]. */
    static double[][][] softened(double[][][] logits, double t) {
        double[][][] p = new double[logits.length][N][];
        for (int k = 0; k < logits.length; k++) {
            for (int i = 0; i < N; i++) {
                p[k][i] = softmax(logits[k][i], t);
            }
        }
        return p;
    }

    /**
     * The formula, in double: for simultaneous, head k against teacher k and CE on the mean of the
     * heads' logits; otherwise the single head against every teacher (per-teacher), KD terms averaged.
     */
    static double reference(double[][][] heads, double[][][] teacherP, double t, double alpha, boolean simultaneous) {
        double kd = 0;
        for (int k = 0; k < teacherP.length; k++) {
            double[][] z = heads[simultaneous ? k : 0];
            double kl = 0;
            for (int i = 0; i < N; i++) {
                double[] q = softmax(z[i], t);
                for (int c = 0; c < C; c++) {
                    double p = teacherP[k][i][c];
                    kl += p * (Math.log(p) - Math.log(q[c]));
                }
            }
            kd += t * t * kl / N;
        }
        kd /= teacherP.length;
        double ce = 0;
        for (int i = 0; i < N; i++) {
            double[] mean = new double[C];
            for (double[][] h : heads) {
                for (int c = 0; c < C; c++) {
                    mean[c] += h[i][c] / heads.length;
                }
            }
            ce -= Math.log(softmax(mean, 1)[LABELS[i]]);
        }
        ce /= N;
        return alpha * kd + (1 - alpha) * ce;
    }

    /** The objective's loss and its gradient by autograd: {loss, grad[head][i*C+c] flattened after it}. */
    static double[][] lossAndGradient(DistillationMode mode, double[][][] heads, double[][][] teacherP, double t,
                                      double alpha) {
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            TeacherSource source = (input, samples, batch) -> {
                NDList list = new NDList();
                for (double[][] p : teacherP) {
                    list.add(batch.create(flat(p), new Shape(N, C)));
                }
                return list;
            };
            KdObjective objective = new KdObjective(mode, source, t, alpha);
            NDList logits = new NDList();
            for (double[][] h : heads) {
                NDArray z = m.create(flat(h), new Shape(N, C));
                z.setRequiresGradient(true);
                logits.add(z);
            }
            double loss;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray l = objective.loss(logits, m.zeros(new Shape(N, 1, 1, 1)), m.create(LABELS), new int[] {0, 1, 2});
                assertEquals(ai.djl.ndarray.types.DataType.FLOAT32, l.getDataType(), "the trainer reads a float32 loss");
                loss = l.getFloat();
                gc.backward(l);
            }
            double[][] out = new double[1 + heads.length][];
            out[0] = new double[] {loss};
            for (int h = 0; h < heads.length; h++) {
                float[] g = logits.get(h).getGradient().toFloatArray();
                out[1 + h] = new double[g.length];
                for (int j = 0; j < g.length; j++) {
                    out[1 + h][j] = g[j];
                }
            }
            return out;
        }
    }

    private static float[] flat(double[][] rows) {
        float[] f = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < rows[i].length; c++) {
                f[i * rows[i].length + c] = (float) rows[i][c];
            }
        }
        return f;
    }

    private static void assertMatchesReferenceAndNumericalGradient(DistillationMode mode, double[][][] heads, double t,
                                                                   double alpha) {
        boolean simultaneous = mode == DistillationMode.SIMULTANEOUS;
        double[][][] teacherP = softened(TEACHER_LOGITS, t);
        double[][] autograd = lossAndGradient(mode, heads, teacherP, t, alpha);
        double expected = reference(heads, teacherP, t, alpha, simultaneous);
        assertEquals(expected, autograd[0][0], 1e-5 * Math.max(1, Math.abs(expected)), mode + " T=" + t + " loss");
        double h = 1e-5;
        for (int head = 0; head < heads.length; head++) {
            for (int i = 0; i < N; i++) {
                for (int c = 0; c < C; c++) {
                    double keep = heads[head][i][c];
                    heads[head][i][c] = keep + h;
                    double up = reference(heads, teacherP, t, alpha, simultaneous);
                    heads[head][i][c] = keep - h;
                    double down = reference(heads, teacherP, t, alpha, simultaneous);
                    heads[head][i][c] = keep;
                    double numerical = (up - down) / (2 * h);
                    assertEquals(numerical, autograd[1 + head][i * C + c], 1e-4,
                            mode + " T=" + t + " alpha=" + alpha + ": d loss / d z[" + head + "][" + i + "][" + c + "]");
                }
            }
        }
    }

    @Test
    void perTeacherLossAndGradientMatchTheFormula() {
        double[][][] oneHead = {HEADS[0].clone()};
        for (double t : new double[] {1, 4}) {
            for (double alpha : new double[] {0, 0.5, 0.9, 1}) {
                assertMatchesReferenceAndNumericalGradient(DistillationMode.PER_TEACHER, deepCopy(oneHead), t, alpha);
            }
        }
    }

    @Test
    void simultaneousHeadKAgainstTeacherKAndLabelsOnTheMeanOfHeads() {
        for (double t : new double[] {1, 3}) {
            for (double alpha : new double[] {0.5, 0.9}) {
                assertMatchesReferenceAndNumericalGradient(DistillationMode.SIMULTANEOUS, deepCopy(HEADS), t, alpha);
            }
        }
    }

    @Test
    void temperatureIsAppliedOnBothSides() {
        // given a student whose logits equal the teacher's: softened at the same T they are the same
        // distribution, so the KD term vanishes for every T; were T applied only to the teacher, it would not
        for (double t : new double[] {1, 2, 5}) {
            double[][][] teacherP = softened(new double[][][] {TEACHER_LOGITS[0]}, t);
            double[][] loss = lossAndGradient(DistillationMode.MEAN_TEACHER, new double[][][] {TEACHER_LOGITS[0]},
                    teacherP, t, 1.0);
            assertEquals(0, loss[0][0], 1e-5, "T=" + t);
            for (double g : loss[1]) {
                assertEquals(0, g, 1e-5);
            }
        }
        // and a student softened at 1 against a teacher softened at 4 is far from zero
        double[][] mismatch = lossAndGradient(DistillationMode.MEAN_TEACHER, new double[][][] {TEACHER_LOGITS[0]},
                softened(new double[][][] {TEACHER_LOGITS[0]}, 4), 1, 1.0);
        assertTrue(mismatch[0][0] > 0.1, "loss " + mismatch[0][0]);
    }

    @Test
    void theTSquaredFactorKeepsTheGradientScaleAcrossTemperatures() {
        // d/dz of T²·KL(p_T || softmax(z/T)) = T·(q_T − p_T)/N: at high T, roughly (z − u)/(C·N) for the
        // logit gap, independent of T. Compare T = 20 and T = 40 on small logits.
        double[][][] student = {{{0.1, 0.0, -0.1, 0.05}, {0, 0, 0, 0}, {0, 0, 0, 0}}};
        double[][][] teacherLogits = {{{0.0, 0.1, 0.0, 0.0}, {0, 0, 0, 0}, {0, 0, 0, 0}}};
        double[] g20 = lossAndGradient(DistillationMode.MEAN_TEACHER, student, softened(teacherLogits, 20), 20, 1)[1];
        double[] g40 = lossAndGradient(DistillationMode.MEAN_TEACHER, student, softened(teacherLogits, 40), 40, 1)[1];
        for (int j = 0; j < C; j++) {
            assertEquals(g20[j], g40[j], 0.02 * Math.abs(g20[0]) + 1e-6, "gradient " + j);
        }
        assertTrue(Math.abs(g20[0]) > 1e-3);
    }

    private static double[][][] deepCopy(double[][][] a) {
        double[][][] b = new double[a.length][][];
        for (int k = 0; k < a.length; k++) {
            b[k] = new double[a[k].length][];
            for (int i = 0; i < a[k].length; i++) {
                b[k][i] = a[k][i].clone();
            }
        }
        return b;
    }
}
