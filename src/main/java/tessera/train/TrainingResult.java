package tessera.train;

import tessera.evaluate.ClassificationMetrics;

import java.nio.file.Path;

/** How a run ended: finished (with its bundle and test metrics) or cancelled (resumable). */
public record TrainingResult(String runId, boolean cancelled, int epochsDone, int bestEpoch, boolean stoppedEarly,
                             Path bundle, ClassificationMetrics test, double seconds) {
}
