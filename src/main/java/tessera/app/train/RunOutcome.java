package tessera.app.train;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How a queued job ended: its run, whether it was cancelled (then resumable), the model it made
 * (an ensemble folder or a student bundle) and its test accuracy when measured.
 */
public record RunOutcome(String runId, String kind, boolean cancelled, Optional<Path> model, double testAccuracy) {
}
