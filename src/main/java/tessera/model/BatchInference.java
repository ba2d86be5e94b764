package tessera.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import tessera.data.Augmentation;
import tessera.data.Batches;
import tessera.data.ImageSet;
import tessera.data.Normalization;

/**
 * Runs a network in inference mode over a whole image set, batch by batch, each batch in its own
 * sub-manager so native memory stays bounded whatever the size of the set.
 */
public final class BatchInference {

    private BatchInference() {
    }

    /**
     * Logits of every head for every sample: {@code [head][sample * classes + class]}. The set must
     * already have the network's input shape.
     */
    public static float[][] logits(Block network, NDManager parent, ImageSet set, Normalization norm,
                                   int heads, int classes, int batchSize) {
        int n = set.size();
        float[][] logits = new float[heads][n * classes];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        float[] buffer = new float[batchSize * set.sampleLength()];
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            Batches.fill(set, order, from, to, norm, Augmentation.NONE, null, buffer);
            try (NDManager batch = parent.newSubManager()) {
                float[] data = to - from == batchSize ? buffer : java.util.Arrays.copyOf(buffer, (to - from) * set.sampleLength());
                NDArray x = batch.create(data, new Shape(to - from, set.channels(), set.height(), set.width()));
                NDList out = network.forward(new ParameterStore(batch, false), new NDList(x), false);
                for (int h = 0; h < heads; h++) {
                    float[] values = out.get(h).toFloatArray();
                    System.arraycopy(values, 0, logits[h], from * classes, values.length);
                }
            }
        }
        return logits;
    }

    /** Softmax at temperature T of row-major logits {@code [sample * classes + class]}. */
    public static double[][] softmax(float[] logits, int classes, double temperature) {
        int n = logits.length / classes;
        double[][] p = new double[n][classes];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[i * classes + c] / temperature);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                p[i][c] = Math.exp(logits[i * classes + c] / temperature - max);
                sum += p[i][c];
            }
            for (int c = 0; c < classes; c++) {
                p[i][c] /= sum;
            }
        }
        return p;
    }
}
