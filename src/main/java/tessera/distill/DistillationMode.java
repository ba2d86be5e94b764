package tessera.distill;

import tessera.util.TesseraException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The student targets of formats.md, "Distillation modes". */
public enum DistillationMode {
    /** The baseline: the student's network trained on labels alone. */
    LABELS("labels"),
    /** KD towards the mean of the teachers' softened probabilities. */
    MEAN_TEACHER("mean-teacher"),
    /** The mean over teachers of the KD loss towards each teacher. */
    PER_TEACHER("per-teacher"),
    /** One head per teacher on a shared trunk; head k mimics teacher k. */
    SIMULTANEOUS("simultaneous"),
    /** KD towards the ensemble's learned stacking combiner. */
    STACKING("stacking");

    private final String id;

    DistillationMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static DistillationMode parse(String id) {
        for (DistillationMode m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new TesseraException("unknown distillation mode '" + id + "' (use "
                + Arrays.stream(values()).map(DistillationMode::id).collect(Collectors.joining(", ")) + ")");
    }
}
