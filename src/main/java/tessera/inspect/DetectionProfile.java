package tessera.inspect;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import tessera.util.Json;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a model detects and from which score on: the positive classes and the calibrated
 * threshold. Stored beside the model as {@code inspection.json} in the bundle or ensemble folder;
 * a {@code threshold} / {@code positiveClasses} field in {@code model.json} or {@code ensemble.json}
 * is read too. Models without either get threshold 0.5 and the classes other than the negative one.
 *
 * @param threshold       a map value at or above this is a detection
 * @param positiveClasses the class names whose probabilities add up to the detection score
 * @param source          where the threshold came from (calibration data and criterion, or "default")
 */
public record DetectionProfile(double threshold, List<String> positiveClasses, String source) {

    public static final String FILE = "inspection.json";
    public static final double DEFAULT_THRESHOLD = 0.5;
    /** Class names that mean "nothing to report": the negative class when the profile names none. */
    private static final Pattern NEGATIVE = Pattern.compile("clean|background|negative|none|normal|ok|no[-_ ].*|not[-_ ].*");

    /** The file's contents as written. */
    static final class Stored {
        Double threshold;
        List<String> positiveClasses;
        String source;
        String criterion;
        Double calibrationScore;
    }

    /** The profile of a bundle or ensemble folder for models with these classes. */
    public static DetectionProfile read(Path folder, String modelFile, List<String> classNames) throws IOException {
        Double threshold = null;
        List<String> positives = null;
        String source = "default";
        Path own = folder.resolve(modelFile);
        if (Files.isRegularFile(own)) {
            JsonElement tree = Json.readTree(own);
            if (tree.isJsonObject()) {
                JsonObject o = tree.getAsJsonObject();
                if (o.has("threshold") && o.get("threshold").isJsonPrimitive()) {
                    threshold = o.get("threshold").getAsDouble();
                    source = own.getFileName().toString();
                }
                if (o.has("positiveClasses") && o.get("positiveClasses").isJsonArray()) {
                    positives = new ArrayList<>();
                    for (JsonElement e : o.getAsJsonArray("positiveClasses")) {
                        positives.add(e.getAsString());
                    }
                }
            }
        }
        Path file = folder.resolve(FILE);
        if (Files.isRegularFile(file)) {
            Stored s = Json.read(file, Stored.class);
            if (s.threshold != null) {
                threshold = s.threshold;
                source = s.source != null ? s.source : FILE;
            }
            if (s.positiveClasses != null) {
                positives = s.positiveClasses;
            }
        }
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new TesseraException(folder + ": threshold " + threshold + " is outside 0..1");
        }
        return new DetectionProfile(threshold == null ? DEFAULT_THRESHOLD : threshold,
                positives == null ? defaultPositives(classNames) : checked(positives, classNames, folder), source);
    }

    /** Writes (or replaces) the threshold in a folder's {@code inspection.json}, keeping its other fields. */
    public static void writeThreshold(Path folder, double threshold, List<String> positiveClasses, String source,
                                      String criterion, double score) throws IOException {
        Path file = folder.resolve(FILE);
        Stored s = Files.isRegularFile(file) ? Json.read(file, Stored.class) : new Stored();
        s.threshold = threshold;
        s.positiveClasses = positiveClasses;
        s.source = source;
        s.criterion = criterion;
        s.calibrationScore = score;
        Json.write(file, s);
    }

    /** Every class but the negative one: the first class with a "nothing here" name, else class 0. */
    static List<String> defaultPositives(List<String> classNames) {
        int negative = 0;
        for (int c = 0; c < classNames.size(); c++) {
            if (NEGATIVE.matcher(classNames.get(c).toLowerCase(Locale.ROOT)).matches()) {
                negative = c;
                break;
            }
        }
        List<String> positives = new ArrayList<>(classNames);
        positives.remove(negative);
        return List.copyOf(positives);
    }

    private static List<String> checked(List<String> positives, List<String> classNames, Path folder) {
        if (positives.isEmpty()) {
            throw new TesseraException(folder + ": positiveClasses is empty");
        }
        for (String p : positives) {
            if (!classNames.contains(p)) {
                throw new TesseraException(folder + ": positive class '" + p + "' is not one of the model's classes " + classNames);
            }
        }
        return List.copyOf(positives);
    }

    /** A mask over the class indices: true for the positive classes. */
    public boolean[] positiveMask(List<String> classNames) {
        boolean[] mask = new boolean[classNames.size()];
        for (int c = 0; c < mask.length; c++) {
            mask[c] = positiveClasses.contains(classNames.get(c));
        }
        return mask;
    }

    public DetectionProfile withThreshold(double t) {
        return new DetectionProfile(t, positiveClasses, "override");
    }
}
