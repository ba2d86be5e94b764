package tessera.app.experiments;

import com.google.gson.JsonObject;
import tessera.experiment.RunFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The configuration parameters in which the selected runs differ, and nothing else. */
public final class ParameterDiff {

    /** One differing parameter and its value in each run ("-" where a run lacks it). */
    public record Row(String parameter, List<String> values) {
    }

    private ParameterDiff() {
    }

    /** An ensemble keeps its members' recipe under "base": lift it so that it compares with a single run's. */
    private static JsonObject recipe(JsonObject config) {
        if (!config.has("base") || !config.get("base").isJsonObject()) {
            return config;
        }
        JsonObject merged = config.getAsJsonObject("base").deepCopy();
        config.entrySet().stream().filter(e -> !e.getKey().equals("base")).forEach(e -> merged.add(e.getKey(), e.getValue()));
        return merged;
    }

    public static List<Row> of(List<RunRow> runs) {
        if (runs.size() < 2) {
            return List.of();
        }
        List<Map<String, String>> configs = new ArrayList<>();
        for (RunRow run : runs) {
            Map<String, String> flat = new LinkedHashMap<>();
            flat.put("kind", run.kind());
            flat.putAll(RunFormat.flatten(recipe(run.record().config())));
            configs.add(flat);
        }
        Set<String> keys = new LinkedHashSet<>();
        configs.forEach(c -> keys.addAll(c.keySet()));
        List<Row> rows = new ArrayList<>();
        for (String key : keys) {
            List<String> values = configs.stream().map(c -> c.getOrDefault(key, "-")).toList();
            if (values.stream().distinct().count() > 1) {
                rows.add(new Row(key, values));
            }
        }
        return rows;
    }
}
