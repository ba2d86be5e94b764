package tessera.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * What a training step minimises. Ordinary training fits the labels; distillation objectives also
 * look up the teachers' outputs for the batch's samples by their index in the training split.
 */
public interface Objective {

    /**
     * @param heads   the network's logits, one (N, classes) array per head
     * @param labels  (N) true classes, int
     * @param samples the batch's indices into the training split
     * @return a scalar loss in the batch's manager
     */
    NDArray loss(NDList heads, NDArray labels, int[] samples);

    /** The objective's name as recorded in the run ("labels", "mean-teacher", ...). */
    String name();
}
