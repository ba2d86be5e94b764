package tessera.fusion;

import tessera.util.AtomicFiles;
import tessera.util.TesseraException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The predictions CSV of formats.md: {@code id,label[,pred],p_<class0>,p_<class1>,...}, one row
 * per sample. Class names come from the header, so files exported by other frameworks can be
 * fused; anything that would silently corrupt a fusion (probabilities that are not a
 * distribution, files listing different samples) is refused with a one-line message naming the
 * file and the line.
 */
public final class PredictionsCsv {

    /** Rows whose probabilities sum further than this from 1 are refused. */
    public static final double SUM_TOLERANCE = 1e-3;

    private static final String CLASS_PREFIX = "p_";

    /**
     * One predictions file.
     *
     * @param ids           sample ids, in file order
     * @param classNames    class names, in column order
     * @param labels        true class name per row, or null where the file has no label
     * @param probabilities probabilities[i][c]
     * @param predicted     the fused decision per row (class index), or null unless the file
     *                      has a {@code pred} column
     */
    public record Predictions(List<String> ids, List<String> classNames, String[] labels,
                              double[][] probabilities, int[] predicted) {

        public Predictions {
            ids = List.copyOf(ids);
            classNames = List.copyOf(classNames);
        }

        public int size() {
            return ids.size();
        }

        /** Whether at least one row carries a true label. */
        public boolean hasLabels() {
            return labels != null && Arrays.stream(labels).anyMatch(l -> l != null);
        }
    }

    private PredictionsCsv() {
    }

    /**
     * Reads a predictions file.
     *
     * @throws TesseraException naming the file and line for a malformed header, a wrong column
     *                          count, a probability that is not a number, negative or NaN, a row
     *                          not summing to 1 within {@link #SUM_TOLERANCE}, a label or pred
     *                          that is not a class, a duplicate id, or a file without rows
     */
    public static Predictions read(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String headerLine = in.readLine();
            if (headerLine == null) {
                throw new TesseraException(file + ": empty file, expected the header id,label,p_<class>,..");
            }
            if (headerLine.startsWith("\uFEFF")) {
                headerLine = headerLine.substring(1);
            }
            Header header = Header.parse(file, splitCsv(headerLine));
            List<String> ids = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            List<Integer> predicted = new ArrayList<>();
            Map<String, Integer> lineOfId = new HashMap<>();
            int lineNo = 1;
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> cells = splitCsv(line);
                String id = cells.get(0).strip();
                String where = file + ": line " + lineNo + " (row " + (rows.size() + 1) + ", id '" + id + "')";
                if (cells.size() != header.columns) {
                    throw new TesseraException(where + ": " + cells.size() + " columns, the header has " + header.columns);
                }
                Integer seen = lineOfId.putIfAbsent(id, lineNo);
                if (seen != null) {
                    throw new TesseraException(where + ": duplicate id, first seen on line " + seen);
                }
                String label = cells.get(1).strip();
                if (!label.isEmpty() && header.classIndex(label) < 0) {
                    throw new TesseraException(where + ": label '" + label + "' is not one of the classes " + header.classNames);
                }
                if (header.hasPred) {
                    String pred = cells.get(2).strip();
                    int index = header.classIndex(pred);
                    if (index < 0) {
                        throw new TesseraException(where + ": pred '" + pred + "' is not one of the classes " + header.classNames);
                    }
                    predicted.add(index);
                }
                rows.add(probabilities(where, header, cells));
                ids.add(id);
                labels.add(label.isEmpty() ? null : label);
            }
            if (rows.isEmpty()) {
                throw new TesseraException(file + ": no rows after the header");
            }
            return new Predictions(ids, header.classNames, labels.toArray(new String[0]),
                    rows.toArray(new double[0][]),
                    header.hasPred ? predicted.stream().mapToInt(Integer::intValue).toArray() : null);
        }
    }

    private static double[] probabilities(String where, Header header, List<String> cells) {
        int classes = header.classNames.size();
        double[] row = new double[classes];
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            String cell = cells.get(header.firstClassColumn + c).strip();
            String column = CLASS_PREFIX + header.classNames.get(c);
            double v;
            try {
                v = Double.parseDouble(cell);
            } catch (NumberFormatException e) {
                throw new TesseraException(where + ": " + column + " '" + cell + "' is not a number");
            }
            if (Double.isNaN(v)) {
                throw new TesseraException(where + ": " + column + " is NaN");
            }
            if (v < 0 || Double.isInfinite(v)) {
                throw new TesseraException(where + ": " + column + " is " + cell + ", probabilities must be in [0, 1]");
            }
            row[c] = v;
            sum += v;
        }
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new TesseraException(where + ": probabilities sum to " + String.format(Locale.ROOT, "%.6g", sum)
                    + ", expected 1 (within " + SUM_TOLERANCE + ")");
        }
        return row;
    }

    /** The columns of a header line. */
    private static final class Header {
        final int columns;
        final boolean hasPred;
        final int firstClassColumn;
        final List<String> classNames;
        final Map<String, Integer> index = new HashMap<>();

        private Header(int columns, boolean hasPred, List<String> classNames) {
            this.columns = columns;
            this.hasPred = hasPred;
            this.firstClassColumn = hasPred ? 3 : 2;
            this.classNames = classNames;
            for (int c = 0; c < classNames.size(); c++) {
                index.put(classNames.get(c), c);
            }
        }

        int classIndex(String name) {
            return index.getOrDefault(name, -1);
        }

        static Header parse(Path file, List<String> cells) {
            String where = file + ": line 1 (header)";
            if (cells.size() < 3 || !cells.get(0).strip().equalsIgnoreCase("id")
                    || !cells.get(1).strip().equalsIgnoreCase("label")) {
                throw new TesseraException(where + ": expected id,label[,pred],p_<class0>,p_<class1>,.. but found '"
                        + String.join(",", cells) + "'");
            }
            boolean hasPred = cells.get(2).strip().equalsIgnoreCase("pred");
            List<String> classNames = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int col = hasPred ? 3 : 2; col < cells.size(); col++) {
                String cell = cells.get(col).strip();
                if (!cell.startsWith(CLASS_PREFIX) || cell.length() == CLASS_PREFIX.length()) {
                    throw new TesseraException(where + ": column " + (col + 1) + " '" + cell
                            + "' is not a class column p_<name>");
                }
                String name = cell.substring(CLASS_PREFIX.length());
                if (!seen.add(name)) {
                    throw new TesseraException(where + ": class '" + name + "' appears twice");
                }
                classNames.add(name);
            }
            if (classNames.isEmpty()) {
                throw new TesseraException(where + ": no class columns p_<name>");
            }
            return new Header(cells.size(), hasPred, classNames);
        }
    }

    /**
     * Writes a predictions file atomically: it appears whole or not at all. Writes the
     * {@code pred} column when {@code predictions.predicted()} is not null. Probabilities keep
     * six significant digits, ample for a 1e-3 sum check and for re-fusing.
     */
    public static void write(Path file, Predictions predictions) throws IOException {
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            StringBuilder line = new StringBuilder("id,label");
            if (predictions.predicted() != null) {
                line.append(",pred");
            }
            for (String name : predictions.classNames()) {
                line.append(',').append(quote(CLASS_PREFIX + name));
            }
            w.write(line.append('\n').toString());
            for (int i = 0; i < predictions.size(); i++) {
                line.setLength(0);
                String label = predictions.labels() == null ? null : predictions.labels()[i];
                line.append(quote(predictions.ids().get(i))).append(',').append(label == null ? "" : quote(label));
                if (predictions.predicted() != null) {
                    line.append(',').append(quote(predictions.classNames().get(predictions.predicted()[i])));
                }
                for (double v : predictions.probabilities()[i]) {
                    line.append(',').append(formatProbability(v));
                }
                w.write(line.append('\n').toString());
            }
            w.flush();
        });
    }

    /** Six significant digits without trailing zeros: 0.5, 0.333333, 1.5e-07. */
    static String formatProbability(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }

    /**
     * Refuses files that cannot be fused row by row: different classes (names or order),
     * different ids or id order, different row counts, or contradicting labels. The message
     * names the first mismatch: the file, the row and the id.
     */
    public static void checkCompatible(List<Path> files, List<Predictions> predictions) {
        if (files.size() != predictions.size() || files.isEmpty()) {
            throw new IllegalArgumentException("one Predictions per file expected");
        }
        Path refFile = files.get(0);
        Predictions ref = predictions.get(0);
        for (int k = 1; k < files.size(); k++) {
            Path file = files.get(k);
            Predictions other = predictions.get(k);
            if (!other.classNames().equals(ref.classNames())) {
                String order = Set.copyOf(other.classNames()).equals(Set.copyOf(ref.classNames()))
                        ? " (same classes in a different order)" : "";
                throw new TesseraException(file + ": classes " + other.classNames() + " differ from "
                        + refFile.getFileName() + " " + ref.classNames() + order);
            }
            int common = Math.min(ref.size(), other.size());
            for (int i = 0; i < common; i++) {
                String id = other.ids().get(i);
                String refId = ref.ids().get(i);
                if (!id.equals(refId)) {
                    String why = ref.ids().contains(id) ? "the same id is on another row; files must list the ids in the same order"
                            : "id '" + id + "' is not in " + refFile.getFileName();
                    throw new TesseraException(file + ": row " + (i + 1) + " has id '" + id + "' but "
                            + refFile.getFileName() + " has '" + refId + "' (" + why + ")");
                }
                String label = other.labels()[i];
                String refLabel = ref.labels()[i];
                if (label != null && refLabel != null && !label.equals(refLabel)) {
                    throw new TesseraException(file + ": row " + (i + 1) + " (id '" + id + "') has label '" + label
                            + "' but " + refFile.getFileName() + " has '" + refLabel + "'");
                }
            }
            if (other.size() != ref.size()) {
                boolean longer = other.size() > ref.size();
                String firstExtra = (longer ? other : ref).ids().get(common);
                throw new TesseraException(file + ": " + other.size() + " rows but " + refFile.getFileName() + " has "
                        + ref.size() + "; row " + (common + 1) + " (id '" + firstExtra + "') is only in "
                        + (longer ? file.getFileName() : refFile.getFileName()));
            }
        }
    }

    /** The true label of each row, taken from the first file that has one (null if none has). */
    public static String[] mergedLabels(List<Predictions> predictions) {
        String[] labels = new String[predictions.get(0).size()];
        for (Predictions p : predictions) {
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == null && p.labels() != null) {
                    labels[i] = p.labels()[i];
                }
            }
        }
        return labels;
    }

    /**
     * Share of labelled rows whose predicted class is the label; NaN when no row is labelled.
     *
     * @param predicted  class index per row
     * @param labels     true class name per row, null where unknown
     * @param classNames the class names the indices refer to
     */
    public static double accuracy(int[] predicted, String[] labels, List<String> classNames) {
        int labelled = 0;
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            if (labels[i] != null) {
                labelled++;
                if (classNames.get(predicted[i]).equals(labels[i])) {
                    correct++;
                }
            }
        }
        return labelled == 0 ? Double.NaN : (double) correct / labelled;
    }

    /** Splits one CSV line; double quotes enclose cells holding commas or quotes ("" is a quote). */
    static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int k = 0; k < line.length(); k++) {
            char ch = line.charAt(k);
            if (quoted) {
                if (ch == '"' && k + 1 < line.length() && line.charAt(k + 1) == '"') {
                    cell.append('"');
                    k++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
