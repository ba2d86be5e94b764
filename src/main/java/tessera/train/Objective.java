package tessera.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What a training step minimises. Ordinary training fits the labels; distillation objectives also
 * look up the teachers' outputs for the batch's samples by their index in the training split.
 */
public interface Objective extends AutoCloseable {

    /**
     * @param heads   the network's logits, one (N, classes) array per head
     * @param input   (N, C, H, W) the batch as the network saw it (normalised, augmented)
     * @param labels  (N) true classes, int
     * @param samples the batch's indices into the training split
     * @return a scalar loss in the batch's manager
     */
    NDArray loss(NDList heads, NDArray input, NDArray labels, int[] samples);

    /** The objective's name as recorded in the run ("labels", "mean-teacher", ...). */
    String name();

    /** Releases teachers an objective keeps loaded for on-the-fly targets. */
    @Override
    default void close() {
    }
}
