package tessera.experiment;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import tessera.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The layout of run.json. Runs keep the file as a JSON tree rather than a bound class so that
 * fields written by a newer Tessera survive a rewrite by an older one; instants are ISO-8601 text.
 */
final class RunJson {

    static final String FILE = "run.json";

    static final String ID = "id";
    static final String KIND = "kind";
    static final String STATUS = "status";
    static final String CONFIG = "config";
    static final String STARTED = "started";
    static final String ENDED = "ended";
    static final String REASON = "reason";
    static final String DEVICE = "device";
    static final String HOST = "host";
    static final String PID = "pid";
    static final String VERSIONS = "versions";
    static final String SUMMARY = "summary";
    static final String RESUMED = "resumed";

    private RunJson() {
    }

    static JsonObject read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is missing");
        }
        JsonElement tree = Json.readTree(file);
        if (!tree.isJsonObject()) {
            throw new IOException(dir.resolve(FILE) + ": not a JSON object");
        }
        JsonObject doc = tree.getAsJsonObject();
        toRecord(doc, dir); // refuse a file that lacks what every run has
        return doc;
    }

    static void write(Path dir, JsonObject doc) throws IOException {
        Json.write(dir.resolve(FILE), doc);
    }

    /** A detached record (its JSON parts are copies); the folder name is the id, so moved runs stay consistent. */
    static RunRecord toRecord(JsonObject doc, Path dir) throws IOException {
        try {
            return new RunRecord(dir.getFileName().toString(), required(doc, KIND),
                    RunStatus.valueOf(required(doc, STATUS)),
                    object(doc, CONFIG), Instant.parse(required(doc, STARTED)), instant(doc, ENDED),
                    text(doc, REASON), text(doc, DEVICE), text(doc, HOST),
                    doc.has(PID) ? doc.get(PID).getAsLong() : 0, versions(doc), object(doc, SUMMARY), dir,
                    instants(doc, RESUMED), false);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException
                 | DateTimeParseException | ClassCastException e) {
            throw new IOException(dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    private static String required(JsonObject doc, String key) {
        String value = text(doc, key);
        if (value == null) {
            throw new IllegalArgumentException("missing \"" + key + "\"");
        }
        return value;
    }

    private static String text(JsonObject doc, String key) {
        JsonElement value = doc.get(key);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static Instant instant(JsonObject doc, String key) {
        String value = text(doc, key);
        return value == null ? null : Instant.parse(value);
    }

    private static JsonObject object(JsonObject doc, String key) {
        JsonElement value = doc.get(key);
        return value == null || value.isJsonNull() ? new JsonObject() : value.getAsJsonObject().deepCopy();
    }

    private static Map<String, String> versions(JsonObject doc) {
        Map<String, String> versions = new LinkedHashMap<>();
        object(doc, VERSIONS).entrySet().forEach(e -> versions.put(e.getKey(), e.getValue().getAsString()));
        return versions;
    }

    private static List<Instant> instants(JsonObject doc, String key) {
        List<Instant> instants = new ArrayList<>();
        JsonElement value = doc.get(key);
        if (value != null && value.isJsonArray()) {
            for (JsonElement e : value.getAsJsonArray()) {
                instants.add(Instant.parse(e.getAsString()));
            }
        }
        return instants;
    }

    static JsonArray array(JsonObject doc, String key) {
        JsonElement value = doc.get(key);
        if (value == null || !value.isJsonArray()) {
            value = new JsonArray();
            doc.add(key, value);
        }
        return value.getAsJsonArray();
    }
}
