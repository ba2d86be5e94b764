package tessera.cli;

import tessera.train.EpochSummary;
import tessera.train.TrainingListener;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress for a terminal (a redrawn bar) or for a log or pipe (plain lines every quarter
 * epoch), chosen by whether a console is attached.
 */
final class ConsoleProgress implements TrainingListener {

    private static final int BAR = 30;
    private final PrintStream out;
    private final boolean terminal;
    private final String label;
    private long epochStart;
    private double lossSum;
    private int lossCount;

    ConsoleProgress(PrintStream out, String label) {
        this(out, label, System.console() != null);
    }

    ConsoleProgress(PrintStream out, String label, boolean terminal) {
        this.out = out;
        this.label = label.isEmpty() ? "" : label + " ";
        this.terminal = terminal;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int batches) {
        epochStart = System.nanoTime();
        lossSum = 0;
        lossCount = 0;
    }

    @Override
    public void batchFinished(int epoch, int batch, int batches, double loss) {
        lossSum += loss;
        lossCount++;
        if (terminal) {
            if (batch % 5 == 0 || batch == batches) {
                int filled = (int) ((long) BAR * batch / batches);
                double elapsed = (System.nanoTime() - epochStart) / 1e9;
                double eta = elapsed / batch * (batches - batch);
                out.printf(Locale.ROOT, "\r%sepoch %d [%s%s] %3d%% loss %.4f eta %3.0fs ", label, epoch,
                        "=".repeat(filled), " ".repeat(BAR - filled), 100L * batch / batches, lossSum / lossCount, eta);
                out.flush();
            }
        } else if (batch % Math.max(1, batches / 4) == 0 && batch != batches) {
            out.printf(Locale.ROOT, "%sepoch %d: %d/%d batches, loss %.4f%n", label, epoch, batch, batches, lossSum / lossCount);
        }
    }

    @Override
    public void epochFinished(EpochSummary s) {
        if (terminal) {
            out.print("\r" + " ".repeat(BAR + 60) + "\r");
        }
        out.printf(Locale.ROOT, "%sepoch %d/%d: train loss %.4f acc %.2f%% | validation loss %.4f acc %.2f%%%s | lr %.2e | %.1f s (%.0f samples/s)%n",
                label, s.epoch(), s.epochs(), s.trainLoss(), 100 * s.trainAccuracy(), s.validationLoss(),
                100 * s.validationAccuracy(), s.best() ? " *" : "", s.learningRate(), s.seconds(), s.samplesPerSecond());
        out.flush();
    }

    @Override
    public void message(String message) {
        out.println(label + message);
        out.flush();
    }
}
