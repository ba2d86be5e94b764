package tessera.distill;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import tessera.train.Losses;
import tessera.train.Objective;

/**
 * Loss = alpha·T²·KL(teacher_T ‖ student_T) + (1 − alpha)·CE(labels, student) (formats.md), for
 * every mode: with one target and one head (mean-teacher, stacking), several targets and one head
 * (per-teacher: the mean of the KD terms), or K targets and K heads (simultaneous: head k mimics
 * teacher k; the label term on the mean of the heads).
 */
final class KdObjective implements Objective {

    private final DistillationMode mode;
    private final TeacherSource teachers;
    private final double temperature;
    private final double alpha;

    KdObjective(DistillationMode mode, TeacherSource teachers, double temperature, double alpha) {
        this.mode = mode;
        this.teachers = teachers;
        this.temperature = temperature;
        this.alpha = alpha;
    }

    @Override
    public NDArray loss(NDList heads, NDArray input, NDArray labels, int[] samples) {
        NDList targets = teachers.targets(input, samples, labels.getManager());
        NDArray kd = null;
        for (int k = 0; k < targets.size(); k++) {
            NDArray student = mode == DistillationMode.SIMULTANEOUS ? heads.get(k) : Losses.meanOfHeads(heads);
            NDArray term = Losses.distillation(student, targets.get(k), temperature);
            kd = kd == null ? term : kd.add(term);
        }
        kd = kd.div(targets.size());
        if (alpha >= 1.0) {
            return kd;
        }
        NDArray ce = Losses.crossEntropy(Losses.meanOfHeads(heads), labels);
        // Float factors keep the scalar loss float32 (a double promotes a 0-d array to float64).
        return kd.mul((float) alpha).add(ce.mul((float) (1 - alpha)));
    }

    @Override
    public String name() {
        return mode.id();
    }

    @Override
    public void close() {
        teachers.close();
    }
}
