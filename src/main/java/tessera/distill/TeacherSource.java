package tessera.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;

/**
 * Where a distillation step gets the teachers' softened probabilities for its batch: from the
 * cache computed once, or from the teachers themselves on the augmented batch.
 */
interface TeacherSource extends AutoCloseable {

    /** Softened probabilities (N, classes), one per target (per teacher, or a single fused target). */
    NDList targets(NDArray input, int[] samples, NDManager batch);

    @Override
    default void close() {
    }
}
