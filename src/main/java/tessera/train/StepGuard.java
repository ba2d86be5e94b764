package tessera.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.util.Pair;
import tessera.util.TesseraException;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a non-finite step out of the network. A batch whose loss or gradients hold a NaN or an
 * infinity is not applied: its gradients are cleared and the parameters stay as they were. We saw a
 * distillation on two libtorch threads turn one batch's loss into NaN in epoch 3 and not on a
 * rerun of the same seed, data and threads, so a one-off must not end a run of hours, while a
 * network that keeps producing NaN has really diverged: after {@link #MAX_IN_A_ROW} skipped
 * batches in a row the run fails, its last checkpoint intact and resumable.
 */
final class StepGuard {

    static final int MAX_IN_A_ROW = 10;

    private final Block network;
    private final List<Parameter> trained = new ArrayList<>();
    private int inARow;
    private String lastReason = "";

    StepGuard(Block network) {
        this.network = network;
        for (Pair<String, Parameter> p : network.getParameters()) {
            if (p.getValue().requiresGradient()) {
                trained.add(p.getValue());
            }
        }
    }

    /** Whether the batch's loss and every gradient are finite; if not, the gradients are cleared. */
    boolean admits(double loss, NDManager root) {
        if (!Double.isFinite(loss)) {
            lastReason = "loss " + loss;
        } else if (!gradientsFinite(root)) {
            lastReason = "finite loss " + loss + " but non-finite gradients";
        } else {
            inARow = 0;
            return true;
        }
        clearGradients();
        inARow++;
        return false;
    }

    /** What was not finite in the last skipped batch, for the run log. */
    String lastReason() {
        return lastReason;
    }

    /** Throws once too many batches in a row were skipped: the network has diverged. */
    void checkNotDiverged(int epoch, int batch, int epochsDone) {
        if (inARow >= MAX_IN_A_ROW) {
            throw new TesseraException("training diverged: " + inARow + " batches in a row gave a non-finite loss or"
                    + " gradient (epoch " + epoch + ", batch " + batch + "); " + whatIsLeft(epochsDone)
                    + ", or lower the learning rate");
        }
    }

    /** What a diverged run leaves the user: the last checkpoint, written before anything went non-finite. */
    static String whatIsLeft(int epochsDone) {
        return epochsDone > 0 ? "the checkpoint of epoch " + epochsDone + " is intact: resume the run"
                : "no epoch had finished: start the run again";
    }

    /**
     * Whether every parameter, batch-norm statistics included, is finite. A batch whose forward
     * pass went non-finite may have moved the running statistics even though its update was
     * skipped; such an epoch must not become a checkpoint.
     */
    boolean parametersFinite(NDManager root) {
        try (NDManager m = root.newSubManager()) {
            for (Pair<String, Parameter> p : network.getParameters()) {
                if (p.getValue().isInitialized() && !finite(p.getValue().getArray().sum(), m)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One sum over all gradients, read back once: a NaN or infinity anywhere makes it non-finite. */
    private boolean gradientsFinite(NDManager root) {
        try (NDManager m = root.newSubManager()) {
            NDArray total = null;
            for (Parameter p : trained) {
                NDArray gradient = p.getArray().getGradient();
                gradient.attach(m);
                NDArray sum = gradient.sum(); // in m, with the gradient
                total = total == null ? sum : total.add(sum);
            }
            return total == null || Float.isFinite(total.getFloat());
        }
    }

    /** Whether a sum made elsewhere is finite (it is closed with m); any NaN or infinity summed makes it non-finite. */
    private static boolean finite(NDArray sum, NDManager m) {
        sum.attach(m);
        return Float.isFinite(sum.getFloat());
    }

    /**
     * Sets the gradients to zero in place, as DJL does after each update. Not by subtracting or
     * multiplying them: NaN − NaN and NaN · 0 are NaN, and the next batch's gradients would be
     * added to them.
     */
    private void clearGradients() {
        for (Parameter p : trained) {
            JniUtils.zeroGrad((PtNDArray) p.getArray());
        }
    }
}
