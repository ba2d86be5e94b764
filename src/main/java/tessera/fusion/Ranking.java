package tessera.fusion;

/**
 * Each member's preference order over the classes of one sample: classes by P descending, equal
 * P putting the lower index first (formats.md). Built once per sample and shared by every ranked
 * rule, so they cannot disagree on what "rank" means.
 */
final class Ranking {

    /** order[t][r]: the class member t puts at rank r. */
    private final int[][] order;
    /** rank[t][c]: the rank member t gives class c. */
    private final int[][] rank;

    private Ranking(int[][] order, int[][] rank) {
        this.order = order;
        this.rank = rank;
    }

    static Ranking of(double[][] p) {
        int members = p.length;
        int classes = p[0].length;
        int[][] order = new int[members][classes];
        int[][] rank = new int[members][classes];
        for (int t = 0; t < members; t++) {
            double[] pt = p[t];
            int[] o = order[t];
            // insertion sort: stable, so equal P keeps the lower index first; C is small
            for (int c = 0; c < classes; c++) {
                int j = c;
                while (j > 0 && pt[o[j - 1]] < pt[c]) {
                    o[j] = o[j - 1];
                    j--;
                }
                o[j] = c;
            }
            for (int r = 0; r < classes; r++) {
                rank[t][o[r]] = r;
            }
        }
        return new Ranking(order, rank);
    }

    int members() {
        return order.length;
    }

    int classes() {
        return order[0].length;
    }

    int rank(int member, int c) {
        return rank[member][c];
    }

    int classAt(int member, int r) {
        return order[member][r];
    }

    /** Member t's vote: its rank-0 class. */
    int top(int member) {
        return order[member][0];
    }

    /** prefer[a][b]: how many members rank a above b. */
    int[][] pairwisePreferences() {
        int classes = classes();
        int[][] prefer = new int[classes][classes];
        for (int[] r : rank) {
            for (int a = 0; a < classes; a++) {
                for (int b = 0; b < classes; b++) {
                    if (r[a] < r[b]) {
                        prefer[a][b]++;
                    }
                }
            }
        }
        return prefer;
    }

    /** Borda score over the remaining classes: each member re-ranks them and gives |R|-1-position. */
    double[] bordaOver(boolean[] remaining) {
        int left = 0;
        for (boolean r : remaining) {
            left += r ? 1 : 0;
        }
        double[] s = new double[classes()];
        for (int[] o : order) {
            int position = 0;
            for (int c : o) {
                if (remaining[c]) {
                    s[c] += left - 1 - position;
                    position++;
                }
            }
        }
        return s;
    }

    /** Votes for each member's highest-ranked remaining class (STV's transfer of votes). */
    double[] firstPreferencesOver(boolean[] remaining) {
        double[] s = new double[classes()];
        for (int[] o : order) {
            for (int c : o) {
                if (remaining[c]) {
                    s[c] += 1;
                    break;
                }
            }
        }
        return s;
    }
}
