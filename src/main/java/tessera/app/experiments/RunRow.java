package tessera.app.experiments;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import tessera.experiment.RunRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One run of the store as the experiments table shows it: the columns of the issue, read from
 * run.json whatever the kind (a training run keeps its recipe at the top of the config, an
 * ensemble under {@code base}). Missing numbers are NaN, missing text "".
 */
public record RunRow(RunRecord record, String id, String kind, String status, String dataset, String architecture,
                     String mode, double temperature, double alpha, double members, double accuracy, double f1,
                     double ece, double latencyMs, double durationSeconds) {

    public static RunRow of(RunRecord r) {
        JsonObject config = r.config();
        JsonObject recipe = config.has("base") && config.get("base").isJsonObject() ? config.getAsJsonObject("base") : config;
        boolean ensemble = "ensemble".equals(r.kind());
        boolean distill = "distill".equals(r.kind());
        String architecture = ensemble && config.has("architectures") ? join(config.get("architectures")) : text(recipe, "architecture");
        return new RunRow(r, r.id(), r.kind(), r.displayStatus(), fileName(text(recipe, "dataset")), architecture,
                distill ? text(config, "objective") : "",
                distill ? number(config, "temperature") : Double.NaN,
                distill ? number(config, "alpha") : Double.NaN,
                ensemble ? number(config, "members") : distill ? number(config, "heads") : Double.NaN,
                or(r.summaryNumber("test_accuracy")), or(r.summaryNumber("test_macro_f1")), or(r.summaryNumber("test_ece")),
                latency(r), r.broken() ? Double.NaN : r.duration().toMillis() / 1000.0);
    }

    /** The id without its date ("072459-distill-1a2b"): short enough for a chart legend. */
    public String shortId() {
        return id.matches("\\d{8}-.*") ? id.substring(9) : id;
    }

    public Path dir() {
        return record.dir();
    }

    private static double latency(RunRecord r) {
        for (String key : List.of("latency_ms", "latency_ms_batch1", "test_latency_ms")) {
            OptionalDouble value = r.summaryNumber(key);
            if (value.isPresent()) {
                return value.getAsDouble();
            }
        }
        return Double.NaN;
    }

    private static double or(OptionalDouble value) {
        return value.orElse(Double.NaN);
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    private static double number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : Double.NaN;
    }

    private static String join(JsonElement e) {
        if (!e.isJsonArray()) {
            return e.isJsonPrimitive() ? e.getAsString() : "";
        }
        List<String> parts = new ArrayList<>();
        for (JsonElement item : (JsonArray) e) {
            parts.add(item.getAsString());
        }
        return String.join(",", parts);
    }

    private static String fileName(String path) {
        if (path.isEmpty()) {
            return "";
        }
        Path p = Path.of(path).getFileName();
        return p == null ? path : p.toString();
    }
}
