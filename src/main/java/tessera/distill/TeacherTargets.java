package tessera.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The teachers' softened probabilities for every training sample, computed once before
 * distillation (without augmentation the teachers would give the same answer every epoch).
 * {@code [target][sample * classes + class]}: one target per teacher, or one fused target.
 */
final class TeacherTargets {

    private final float[][] targets;
    private final int classes;

    TeacherTargets(float[][] targets, int classes) {
        this.targets = targets;
        this.classes = classes;
    }

    int count() {
        return targets.length;
    }

    /** Target k's rows for the batch's samples, as an (N, classes) array in the batch's manager. */
    NDArray rows(int k, int[] samples, NDManager batch) {
        float[] out = new float[samples.length * classes];
        for (int i = 0; i < samples.length; i++) {
            System.arraycopy(targets[k], samples[i] * classes, out, i * classes, classes);
        }
        return batch.create(out, new Shape(samples.length, classes));
    }
}
