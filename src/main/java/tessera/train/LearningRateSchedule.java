package tessera.train;

import ai.djl.training.tracker.Tracker;

/**
 * The learning rate as a function of the global step: cosine decay to zero over the whole run,
 * step decay every few epochs, or constant. A function of the step alone, so a resumed run
 * continues on the same curve.
 */
public final class LearningRateSchedule implements Tracker {

    private final String kind;
    private final double base;
    private final long totalSteps;
    private final int stepsPerEpoch;
    private final int stepEpochs;
    private final double gamma;

    public LearningRateSchedule(TrainingSettings s, int stepsPerEpoch) {
        this.kind = s.schedule;
        this.base = s.learningRate;
        this.stepsPerEpoch = Math.max(1, stepsPerEpoch);
        this.totalSteps = (long) this.stepsPerEpoch * Math.max(1, s.epochs);
        this.stepEpochs = Math.max(1, s.stepEpochs);
        this.gamma = s.stepGamma;
        if (!kind.equals("cosine") && !kind.equals("step") && !kind.equals("constant")) {
            throw new tessera.util.TesseraException("unknown schedule '" + kind + "' (use cosine, step or constant)");
        }
    }

    @Override
    public float getNewValue(int numUpdate) {
        return (float) at(numUpdate);
    }

    public double at(long step) {
        switch (kind) {
            case "cosine":
                double progress = Math.min(1.0, (double) step / totalSteps);
                return base * 0.5 * (1 + Math.cos(Math.PI * progress));
            case "step":
                long epoch = step / stepsPerEpoch;
                return base * Math.pow(gamma, epoch / stepEpochs);
            default:
                return base;
        }
    }
}
