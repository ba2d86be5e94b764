package tessera.app.experiments;

import tessera.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the experiments table as shown (these rows, these columns, this order) to a CSV file, whole. */
public final class RunTableCsv {

    private RunTableCsv() {
    }

    public static String format(List<RunColumn> columns, List<RunRow> rows) {
        StringBuilder csv = new StringBuilder();
        csv.append(columns.stream().map(c -> quote(c.header())).collect(Collectors.joining(","))).append('\n');
        for (RunRow row : rows) {
            csv.append(columns.stream().map(c -> quote(c.text(row))).collect(Collectors.joining(","))).append('\n');
        }
        return csv.toString();
    }

    public static void write(Path file, List<RunColumn> columns, List<RunRow> rows) throws IOException {
        AtomicFiles.writeString(file, format(columns, rows));
    }

    private static String quote(String field) {
        if (field.contains(",") || field.contains("\"") || field.contains("\n")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
