package tessera.app.experiments;

import tessera.experiment.RunFormat;

import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/** The columns of the experiments table and of its CSV export: header, text and sort order. */
public enum RunColumn {
    ID("Run", RunRow::id),
    KIND("Kind", RunRow::kind),
    STATUS("Status", RunRow::status),
    DATASET("Data set", RunRow::dataset),
    ARCHITECTURE("Architecture", RunRow::architecture),
    MODE("Mode", RunRow::mode),
    TEMPERATURE("T", RunRow::temperature, "%.3g"),
    ALPHA("Alpha", RunRow::alpha, "%.3g"),
    MEMBERS("Members", RunRow::members, "%.0f"),
    ACCURACY("Accuracy", RunRow::accuracy, "%.4f"),
    F1("Macro-F1", RunRow::f1, "%.4f"),
    ECE("ECE", RunRow::ece, "%.4f"),
    LATENCY("Latency ms", RunRow::latencyMs, "%.2f"),
    DURATION("Duration", RunRow::durationSeconds, null);

    private final String header;
    private final Function<RunRow, String> text;
    private final ToDoubleFunction<RunRow> number;

    RunColumn(String header, Function<RunRow, String> text) {
        this.header = header;
        this.text = text;
        this.number = null;
    }

    RunColumn(String header, ToDoubleFunction<RunRow> number, String format) {
        this.header = header;
        this.number = number;
        this.text = row -> {
            double v = number.applyAsDouble(row);
            if (Double.isNaN(v)) {
                return "";
            }
            return format == null ? RunFormat.duration(Duration.ofMillis((long) (v * 1000))) : String.format(Locale.ROOT, format, v);
        };
    }

    public String header() {
        return header;
    }

    public String text(RunRow row) {
        return text.apply(row);
    }

    public boolean numeric() {
        return number != null;
    }

    /** Numbers by value with blanks last, text alphabetically. */
    public Comparator<RunRow> order() {
        if (number == null) {
            return Comparator.comparing(text, String.CASE_INSENSITIVE_ORDER);
        }
        return (a, b) -> {
            double x = number.applyAsDouble(a);
            double y = number.applyAsDouble(b);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
            }
            return Double.compare(x, y);
        };
    }
}
