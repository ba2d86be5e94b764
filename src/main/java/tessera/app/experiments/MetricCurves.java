package tessera.app.experiments;

import com.google.gson.JsonElement;
import tessera.experiment.Metric;
import tessera.experiment.Run;
import tessera.experiment.RunStore;
import tessera.util.TesseraException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-epoch curves from metrics.csv. An ensemble run trains its members as runs of their own, so
 * its curves are its members' ("…-ensemble-1a2b · m2").
 */
public final class MetricCurves {

    /** One line of the chart: a name and (epoch, value) points in epoch order. */
    public record Curve(String name, List<double[]> points) {
    }

    private MetricCurves() {
    }

    /** "validation accuracy", "train loss", … that any of the runs has, validation first. */
    public static List<String> available(RunStore store, List<RunRow> runs) {
        Set<String> names = new LinkedHashSet<>();
        for (RunRow row : runs) {
            for (Run run : runsOf(store, row)) {
                run.metrics().forEach(m -> names.add(m.split() + " " + m.name()));
            }
        }
        List<String> sorted = new ArrayList<>(names);
        sorted.sort((a, b) -> rank(a) != rank(b) ? Integer.compare(rank(a), rank(b)) : a.compareTo(b));
        return sorted;
    }

    /** The curve of {@code metric} ("split name") for each run (each member of an ensemble). */
    public static List<Curve> of(RunStore store, List<RunRow> runs, String metric) {
        int space = metric.indexOf(' ');
        if (space < 0) {
            return List.of();
        }
        String split = metric.substring(0, space);
        String name = metric.substring(space + 1);
        List<Curve> curves = new ArrayList<>();
        for (RunRow row : runs) {
            List<Run> members = runsOf(store, row);
            for (int k = 0; k < members.size(); k++) {
                Map<Integer, Double> byEpoch = new LinkedHashMap<>();
                for (Metric m : members.get(k).metrics()) {
                    if (m.split().equals(split) && m.name().equals(name)) {
                        byEpoch.put(m.epoch(), m.value()); // a resumed run may repeat an epoch: the last value counts
                    }
                }
                if (!byEpoch.isEmpty()) {
                    List<double[]> points = byEpoch.entrySet().stream().sorted(Map.Entry.comparingByKey())
                            .map(e -> new double[] {e.getKey(), e.getValue()}).toList();
                    curves.add(new Curve(row.shortId() + (members.size() > 1 || "ensemble".equals(row.kind()) ? " · m" + (k + 1) : ""), points));
                }
            }
        }
        return curves;
    }

    private static List<Run> runsOf(RunStore store, RunRow row) {
        if (row.record().broken()) {
            return List.of();
        }
        if (!"ensemble".equals(row.kind())) {
            return List.of(store.open(row.dir().toString()));
        }
        JsonElement ids = row.record().summary().get("member_runs");
        List<Run> members = new ArrayList<>();
        if (ids != null && ids.isJsonPrimitive()) {
            for (String id : ids.getAsString().split(",")) {
                if (!id.isBlank()) {
                    try {
                        members.add(store.open(id));
                    } catch (TesseraException gone) {
                        // a deleted member run leaves a gap in the chart, not an error
                    }
                }
            }
        }
        return members;
    }

    private static int rank(String metric) {
        return metric.startsWith("validation") ? 0 : metric.startsWith("train") ? 1 : 2;
    }
}
