package tessera.experiment;

/** One row of metrics.csv: a named value measured on a split at a point of training. */
public record Metric(int epoch, long step, String split, String name, double value) {

    static final String CSV_HEADER = "epoch,step,split,name,value";

    public Metric {
        requirePlainField("split", split);
        requirePlainField("name", name);
    }

    /** Metric names are identifiers, so the CSV needs no quoting; refuse anything that would break a row. */
    private static void requirePlainField(String field, String text) {
        if (text == null || text.isEmpty() || text.chars().anyMatch(c -> c == ',' || c == '"' || c < ' ')) {
            throw new IllegalArgumentException("metric " + field + " must be non-empty without commas, quotes or control characters: " + text);
        }
    }

    String toCsv() {
        return epoch + "," + step + "," + split + "," + name + "," + value;
    }

    /** The row a CSV line holds, or null when the line is not a metric row. */
    static Metric parseCsv(String line) {
        String[] fields = line.split(",", -1);
        if (fields.length != 5) {
            return null;
        }
        try {
            return new Metric(Integer.parseInt(fields[0]), Long.parseLong(fields[1]), fields[2], fields[3],
                    Double.parseDouble(fields[4]));
        } catch (IllegalArgumentException e) { // NumberFormatException included
            return null;
        }
    }
}
