package tessera.cli;

import java.util.List;

/** A confusion matrix as aligned text, class names abbreviated to fit the columns. */
final class ConfusionTable {

    private ConfusionTable() {
    }

    static String format(int[][] confusion, List<String> names) {
        int width = 7;
        for (int[] row : confusion) {
            for (int v : row) {
                width = Math.max(width, Integer.toString(v).length() + 1);
            }
        }
        StringBuilder sb = new StringBuilder(String.format("%-12s", ""));
        for (String n : names) {
            sb.append(String.format("%" + width + "s", cut(n, width - 1)));
        }
        sb.append('\n');
        for (int r = 0; r < confusion.length; r++) {
            sb.append(String.format("%-12s", cut(names.get(r), 11)));
            for (int v : confusion[r]) {
                sb.append(String.format("%" + width + "d", v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
