package tessera.model;

import ai.djl.Model;
import ai.djl.nn.Block;
import tessera.data.ImageSet;
import tessera.data.Normalization;

/**
 * A loaded model bundle ready for inference. It owns the DJL model and its native memory: close it.
 * Safe for one thread at a time; give each thread its own classifier.
 */
public final class Classifier implements AutoCloseable {

    private final Model model;
    private final Block network;
    private final ModelInfo info;

    Classifier(Model model, Block network, ModelInfo info) {
        this.model = model;
        this.network = network;
        this.info = info;
    }

    public ModelInfo info() {
        return info;
    }

    public int heads() {
        return info.heads;
    }

    public int classes() {
        return info.classNames.size();
    }

    public Normalization normalization() {
        return new Normalization(info.normalizationMean, info.normalizationStd);
    }

    /** The set converted to this model's input channels and size. */
    public ImageSet adapt(ImageSet set) {
        int[] s = info.inputShape;
        return set.adaptedTo(s[0], s[1], s[2]);
    }

    /** Logits per head, {@code [head][sample * classes + class]}. */
    public float[][] logits(ImageSet set, int batchSize) {
        return BatchInference.logits(network, model.getNDManager(), adapt(set), normalization(),
                heads(), classes(), batchSize);
    }

    /** Class probabilities per head at temperature 1, {@code [head][sample][class]}. */
    public double[][][] probabilities(ImageSet set, int batchSize) {
        float[][] logits = logits(set, batchSize);
        double[][][] p = new double[logits.length][][];
        for (int h = 0; h < logits.length; h++) {
            p[h] = BatchInference.softmax(logits[h], classes(), 1.0);
        }
        return p;
    }

    public Block network() {
        return network;
    }

    public Model model() {
        return model;
    }

    @Override
    public void close() {
        model.close();
    }
}
