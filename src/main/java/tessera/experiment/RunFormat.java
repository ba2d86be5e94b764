package tessera.experiment;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** How runs read to a person, shared by the command line and the workstation so both show the same text. */
public final class RunFormat {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private RunFormat() {
    }

    /** Local date and time to the second, or "-" when unknown. */
    public static String time(Instant instant) {
        return instant == null ? "-" : LOCAL_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** "1h02m03s", "4m05s", "7s". */
    public static String duration(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        if (h > 0) {
            return String.format(Locale.ROOT, "%dh%02dm%02ds", h, m, s);
        }
        return m > 0 ? String.format(Locale.ROOT, "%dm%02ds", m, s) : s + "s";
    }

    /** Four significant digits, plain notation where it stays short: 0.9123, 12, 1.235e+06. */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e7) {
            return Long.toString((long) value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1e-4 && magnitude < 1e7) {
            return new BigDecimal(value).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", value);
    }

    /** A JSON value as a table cell: numbers through {@link #number}, text bare, anything else as compact JSON. */
    public static String value(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return "-";
        }
        if (element.isJsonPrimitive()) {
            return element.getAsJsonPrimitive().isNumber() ? number(element.getAsDouble()) : element.getAsString();
        }
        return element.toString();
    }

    /** Nested objects flattened to dotted keys ("optimizer.lr"), in document order, values as {@link #value} text. */
    public static Map<String, String> flatten(JsonObject object) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", object, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonObject object, Map<String, String> flat) {
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            String key = prefix + entry.getKey();
            if (entry.getValue().isJsonObject() && entry.getValue().getAsJsonObject().size() > 0) {
                flatten(key + ".", entry.getValue().getAsJsonObject(), flat);
            } else {
                flat.put(key, value(entry.getValue()));
            }
        }
    }
}
