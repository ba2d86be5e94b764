package tessera.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What run.json says about a run, as read at one moment. A folder whose run.json is missing or
 * unreadable is still listed, as a {@linkplain #broken() broken} record whose reason says why,
 * so one damaged run never hides the others.
 *
 * @param resumed when the run was taken up again after an interruption, oldest first
 * @param broken  run.json could not be read; only id, dir, reason and status FAILED are meaningful
 */
public record RunRecord(String id, String kind, RunStatus status, JsonObject config, Instant started, Instant ended,
                        String reason, String device, String host, long pid, Map<String, String> versions,
                        JsonObject summary, Path dir, List<Instant> resumed, boolean broken) {

    public RunRecord {
        config = config == null ? new JsonObject() : config;
        summary = summary == null ? new JsonObject() : summary;
        versions = versions == null ? Map.of() : Map.copyOf(versions);
        resumed = resumed == null ? List.of() : List.copyOf(resumed);
    }

    /** A readable record that was never resumed. */
    public RunRecord(String id, String kind, RunStatus status, JsonObject config, Instant started, Instant ended,
                     String reason, String device, String host, long pid, Map<String, String> versions,
                     JsonObject summary, Path dir) {
        this(id, kind, status, config, started, ended, reason, device, host, pid, versions, summary, dir, List.of(), false);
    }

    /** The record listed for a run folder whose run.json cannot be read. */
    public static RunRecord broken(Path dir, String reason) {
        return new RunRecord(dir.getFileName().toString(), "?", RunStatus.FAILED, null, null, null, reason,
                null, null, 0, null, null, dir, null, true);
    }

    /** RUNNING but its owner process is gone (same host, pid not alive): a killed run. */
    public boolean interrupted() {
        return !broken && status == RunStatus.RUNNING && RunOwner.isGone(host, pid, ownedSince());
    }

    /** "INTERRUPTED" for a killed run, "BROKEN" for an unreadable one, else the status name. */
    public String displayStatus() {
        if (broken) {
            return "BROKEN";
        }
        return interrupted() ? "INTERRUPTED" : status.name();
    }

    /** End (or now, while unfinished) minus start; zero when the start is unknown. */
    public Duration duration() {
        if (started == null) {
            return Duration.ZERO;
        }
        return Duration.between(started, ended != null ? ended : Instant.now());
    }

    /** A numeric summary value, e.g. {@code summaryNumber("test_accuracy")}; empty when absent or not a number. */
    public OptionalDouble summaryNumber(String key) {
        JsonElement value = summary.get(key);
        if (value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()) {
            return OptionalDouble.of(value.getAsDouble());
        }
        return OptionalDouble.empty();
    }

    /** When the current owner took the run: the last resume, else the start. */
    private Instant ownedSince() {
        return resumed.isEmpty() ? started : resumed.get(resumed.size() - 1);
    }
}
