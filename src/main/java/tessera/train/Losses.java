package tessera.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** The loss terms shared by ordinary training and distillation. */
public final class Losses {

    private Losses() {
    }

    /** Mean cross-entropy of logits (N, C) against integer labels (N). */
    public static NDArray crossEntropy(NDArray logits, NDArray labels) {
        NDArray logp = logits.logSoftmax(1);
        NDArray picked = logp.mul(labels.oneHot((int) logits.getShape().get(1)).toType(logp.getDataType(), false)).sum(new int[] {1});
        return picked.mean().neg();
    }

    /** The mean of the heads' logits, on which the label term of a multi-head student applies. */
    public static NDArray meanOfHeads(NDList heads) {
        if (heads.size() == 1) {
            return heads.get(0);
        }
        NDArray sum = heads.get(0);
        for (int k = 1; k < heads.size(); k++) {
            sum = sum.add(heads.get(k));
        }
        return sum.div(heads.size());
    }

    /**
     * T²·KL(teacher_T ‖ student_T), averaged over the batch: the softened teacher distribution
     * (N, C) against the student's logits divided by T. The T² keeps its gradient on the scale of
     * the label term whatever T is (Hinton et al., 2015).
     */
    public static NDArray distillation(NDArray studentLogits, NDArray teacherProbabilities, double temperature) {
        NDArray logq = studentLogits.div(temperature).logSoftmax(1);
        NDArray p = teacherProbabilities;
        NDArray logp = p.clip(1e-12, 1.0).log();
        NDArray kl = p.mul(logp.sub(logq)).sum(new int[] {1}).mean();
        // A float factor: a double would make this 0-d result float64, which the trainer cannot read.
        return kl.mul((float) (temperature * temperature));
    }
}
