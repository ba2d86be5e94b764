package tessera.fusion;

import tessera.util.TesseraException;

import java.util.Arrays;

/**
 * Decision fusion of T members' class probabilities, exactly as formats.md ("Decision-fusion
 * methods") defines it. Plain arrays, no engine: the same code serves the {@code fuse} command,
 * evaluation and the inspection view, which fuses one tile at a time.
 *
 * <h2>Conventions</h2>
 * {@code P[t][c]} is member t's probability for class c of one sample. Member t's <em>ranking</em>
 * orders the classes by P descending, equal P putting the lower index first; rank 0 is its top
 * choice, which it votes for. Each rule gives a score per class; the decision is the class with
 * the highest score, a tie going to the larger {@code sum over t of P}, then to the lower index.
 * The output row is the scores, shifted by {@code -min} if any is negative, divided by their sum;
 * a row of zeros becomes uniform. The decision is taken on the unnormalised scores, so rounding
 * in the division can never create or break a tie; scores (and sums of P) within a relative
 * 1e-9 of each other count as equal, so that the order in which a sum was added cannot either.
 *
 * <h2>Iterative ranked rules</h2>
 * Every member counts once in these rules (weights are used only by {@code weighted-mean} and
 * {@code weighted-vote}). "Borda score over the remaining set R" means: each member ranks the
 * classes of R in its own order, skipping eliminated ones, and gives {@code |R|-1-position}.
 * When a single class must be eliminated among equally low scores, the one with the lower
 * {@code sum over t of P} goes first, then the one with the higher index: the mirror image of
 * the decision tie rule, so the class that survives is the one the tie rule would pick.
 * <ul>
 * <li>{@code baldwin}: while more than one class remains, eliminate the class with the lowest
 *     Borda score over the remaining set. Score: the k-th eliminated class scores k
 *     (1..C-1), the last class standing scores C.</li>
 * <li>{@code stv} (single winner, instant runoff): while more than one class remains, each member
 *     votes for its highest-ranked remaining class, and the class with the fewest votes is
 *     eliminated (its voters transfer to their next remaining choice). The usual rule stops as
 *     soon as a class holds a majority (more than T/2 votes); such a class can never be the one
 *     with the fewest votes while two or more remain, so continuing to the end elects the same
 *     winner and also orders the others. Score as in baldwin.</li>
 * <li>{@code nanson}: in round r = 1, 2, .. eliminate every class whose Borda score over the
 *     remaining set is below the mean of the remaining; eliminated classes score r. Stop when one
 *     class remains or all remaining have the same Borda score (nobody is below the mean); the
 *     remaining classes score (rounds that eliminated) + 1, and several of them tie, which the
 *     decision tie rule settles.</li>
 * <li>{@code bucklin}: in round k = 1..C count for every class the members that rank it within
 *     their top k. The first round in which some class has a majority (count &gt; T/2) decides;
 *     every class scores its count in that round (ties again go to the decision tie rule). Round
 *     C always decides, since there every class has count T.</li>
 * </ul>
 */
public final class Fusion {

    /** Floor for probabilities in the product rule, so one member's zero cannot veto a class. */
    static final double PRODUCT_FLOOR = 1e-12;

    /** Relative difference below which two scores count as tied (see {@link #same}). */
    static final double TIE_TOLERANCE = 1e-9;

    private Fusion() {
    }

    /**
     * Fuses N samples.
     *
     * @param p       p[t][i][c]: member t, sample i, class c; every member with the same N and C
     * @param weights one per member, non-negative; null means all 1
     * @throws TesseraException naming the problem for inconsistent shapes, a negative or NaN
     *                          probability, or bad weights
     */
    public static FusedPredictions fuse(FusionMethod method, double[][][] p, double[] weights) {
        int[] shape = checkShape(p);
        int members = shape[0];
        int samples = shape[1];
        double[] w = MemberWeights.validate(weights, members, "weights");
        double[][] scores = new double[samples][];
        int[] predictions = new int[samples];
        double[][] pSample = new double[members][];
        for (int i = 0; i < samples; i++) {
            for (int t = 0; t < members; t++) {
                pSample[t] = p[t][i];
            }
            double[] raw = classScores(method, pSample, w);
            predictions[i] = decide(raw, pSample);
            scores[i] = normalise(raw);
        }
        return new FusedPredictions(scores, predictions);
    }

    /** The output row (non-negative, sums to 1) for one sample; pSample[t][c]. */
    public static double[] fuseSample(FusionMethod method, double[][] pSample, double[] weights) {
        return normalise(checkedScores(method, pSample, weights));
    }

    /** The decided class for one sample; pSample[t][c]. */
    public static int decide(FusionMethod method, double[][] pSample, double[] weights) {
        return decide(checkedScores(method, pSample, weights), pSample);
    }

    private static double[] checkedScores(FusionMethod method, double[][] pSample, double[] weights) {
        if (pSample == null) {
            throw new TesseraException("no member probabilities given");
        }
        double[][][] asBatch = new double[pSample.length][][];
        for (int t = 0; t < pSample.length; t++) {
            asBatch[t] = new double[][] {pSample[t]};
        }
        checkShape(asBatch);
        return classScores(method, pSample, MemberWeights.validate(weights, pSample.length, "weights"));
    }

    /**
     * Checks that every member has the same number of samples and classes and that every
     * probability is finite and non-negative.
     *
     * @return {T, N, C}
     */
    static int[] checkShape(double[][][] p) {
        if (p == null || p.length == 0) {
            throw new TesseraException("no members to fuse");
        }
        if (p[0] == null) {
            throw new TesseraException("member 0 has no samples");
        }
        int samples = p[0].length;
        int classes = -1;
        for (int t = 0; t < p.length; t++) {
            if (p[t] == null || p[t].length != samples) {
                throw new TesseraException("member " + t + " has " + (p[t] == null ? 0 : p[t].length)
                        + " samples, member 0 has " + samples);
            }
            for (int i = 0; i < samples; i++) {
                double[] row = p[t][i];
                if (row == null || row.length == 0) {
                    throw new TesseraException("member " + t + ", sample " + i + " has no class probabilities");
                }
                if (classes < 0) {
                    classes = row.length;
                } else if (row.length != classes) {
                    throw new TesseraException("member " + t + ", sample " + i + " has " + row.length
                            + " classes, expected " + classes);
                }
                for (int c = 0; c < classes; c++) {
                    if (!(row[c] >= 0) || Double.isInfinite(row[c])) {
                        throw new TesseraException("member " + t + ", sample " + i + ", class " + c
                                + ": probability " + row[c] + " is not a finite non-negative number");
                    }
                }
            }
        }
        return new int[] {p.length, samples, Math.max(classes, 0)};
    }

    /** The raw class scores of one sample, before shifting and normalising. */
    static double[] classScores(FusionMethod method, double[][] p, double[] w) {
        return switch (method) {
            case MEAN -> weightedMean(p, null);
            case WEIGHTED_MEAN -> weightedMean(p, w);
            case PRODUCT -> product(p);
            case MAX -> statistic(p, s -> s[s.length - 1]);
            case MIN -> statistic(p, s -> s[0]);
            case MEDIAN -> statistic(p, Fusion::median);
            case PLURALITY -> votes(Ranking.of(p), null);
            case WEIGHTED_VOTE -> votes(Ranking.of(p), w);
            case BORDA -> positional(Ranking.of(p), (rank, classes) -> classes - 1 - rank);
            case DOWDALL -> positional(Ranking.of(p), (rank, classes) -> 1.0 / (rank + 1));
            case COPELAND -> copeland(Ranking.of(p));
            case SIMPSON -> simpson(Ranking.of(p));
            case BALDWIN -> eliminateOneByOne(Ranking.of(p), totals(p), Ranking::bordaOver);
            case STV -> eliminateOneByOne(Ranking.of(p), totals(p), Ranking::firstPreferencesOver);
            case NANSON -> nanson(Ranking.of(p));
            case BUCKLIN -> bucklin(Ranking.of(p));
        };
    }

    /**
     * The decision tie rule of formats.md: highest score, then larger sum over t of P, then
     * lower index.
     */
    static int decide(double[] scores, double[][] p) {
        double[] totals = totals(p);
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            boolean tied = same(scores[c], scores[best]);
            if ((!tied && scores[c] > scores[best]) || (tied && !same(totals[c], totals[best]) && totals[c] > totals[best])) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Whether two scores (or sums of P) are equal up to the rounding of the sums that made them:
     * 0.3+0.2+0.1 and 0.1+0.2+0.3 differ in double, yet they are a tie that the tie rule must settle.
     * Members' probabilities (float32 at best) differ by far more than this when they really differ.
     */
    static boolean same(double a, double b) {
        return a == b || Math.abs(a - b) <= TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    }

    /** Shift to non-negative if needed, then divide by the sum; all zeros become uniform. */
    static double[] normalise(double[] scores) {
        double[] out = scores.clone();
        double min = Arrays.stream(out).min().orElse(0);
        if (min < 0) {
            for (int c = 0; c < out.length; c++) {
                out[c] -= min;
            }
        }
        double sum = Arrays.stream(out).sum();
        for (int c = 0; c < out.length; c++) {
            out[c] = sum > 0 ? out[c] / sum : 1.0 / out.length;
        }
        return out;
    }

    /** sum over t of P[t][c]: the first tie-breaker of decisions and eliminations. */
    static double[] totals(double[][] p) {
        double[] totals = new double[p[0].length];
        for (double[] member : p) {
            for (int c = 0; c < totals.length; c++) {
                totals[c] += member[c];
            }
        }
        return totals;
    }

    private static double[] weightedMean(double[][] p, double[] w) {
        int classes = p[0].length;
        double[] s = new double[classes];
        double weightSum = 0;
        for (int t = 0; t < p.length; t++) {
            double wt = w == null ? 1 : w[t];
            weightSum += wt;
            for (int c = 0; c < classes; c++) {
                s[c] += wt * p[t][c];
            }
        }
        for (int c = 0; c < classes; c++) {
            s[c] /= weightSum;
        }
        return s;
    }

    /**
     * Product of max(P, 1e-12), summed in log space and returned as exp(log - max log): a
     * positive rescaling of the product that cannot underflow for the winner, so the decision
     * and the normalised row are those of the exact product.
     */
    private static double[] product(double[][] p) {
        int classes = p[0].length;
        double[] logs = new double[classes];
        for (double[] member : p) {
            for (int c = 0; c < classes; c++) {
                logs[c] += Math.log(Math.max(member[c], PRODUCT_FLOOR));
            }
        }
        double max = Arrays.stream(logs).max().orElse(0);
        for (int c = 0; c < classes; c++) {
            logs[c] = Math.exp(logs[c] - max);
        }
        return logs;
    }

    private interface SortedStatistic {
        double of(double[] sortedAscending);
    }

    private static double[] statistic(double[][] p, SortedStatistic statistic) {
        int classes = p[0].length;
        double[] s = new double[classes];
        double[] column = new double[p.length];
        for (int c = 0; c < classes; c++) {
            for (int t = 0; t < p.length; t++) {
                column[t] = p[t][c];
            }
            Arrays.sort(column);
            s[c] = statistic.of(column);
        }
        return s;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Share of (weighted) members whose top choice each class is. */
    private static double[] votes(Ranking r, double[] w) {
        double[] s = new double[r.classes()];
        double weightSum = 0;
        for (int t = 0; t < r.members(); t++) {
            double wt = w == null ? 1 : w[t];
            s[r.top(t)] += wt;
            weightSum += wt;
        }
        for (int c = 0; c < s.length; c++) {
            s[c] /= weightSum;
        }
        return s;
    }

    private interface RankPoints {
        double points(int rank, int classes);
    }

    private static double[] positional(Ranking r, RankPoints points) {
        double[] s = new double[r.classes()];
        for (int t = 0; t < r.members(); t++) {
            for (int c = 0; c < s.length; c++) {
                s[c] += points.points(r.rank(t, c), s.length);
            }
        }
        return s;
    }

    /** wins - losses + C - 1, which lies in [0, 2(C-1)]: a class that loses every duel scores 0. */
    private static double[] copeland(Ranking r) {
        int classes = r.classes();
        int[][] prefer = r.pairwisePreferences();
        double[] s = new double[classes];
        for (int a = 0; a < classes; a++) {
            s[a] = classes - 1;
            for (int b = 0; b < classes; b++) {
                if (prefer[a][b] > prefer[b][a]) {
                    s[a] += 1;
                } else if (prefer[a][b] < prefer[b][a]) {
                    s[a] -= 1;
                }
            }
        }
        return s;
    }

    /** T minus the worst pairwise defeat: how many members at most prefer some rival. */
    private static double[] simpson(Ranking r) {
        int classes = r.classes();
        int[][] prefer = r.pairwisePreferences();
        double[] s = new double[classes];
        for (int a = 0; a < classes; a++) {
            int worst = 0;
            for (int b = 0; b < classes; b++) {
                if (b != a) {
                    worst = Math.max(worst, prefer[b][a]);
                }
            }
            s[a] = r.members() - worst;
        }
        return s;
    }

    private interface Tally {
        double[] over(Ranking ranking, boolean[] remaining);
    }

    /**
     * Baldwin and STV: eliminate the lowest tally one class at a time (ties: lower total P, then
     * higher index). The k-th eliminated scores k, the survivor scores C.
     */
    private static double[] eliminateOneByOne(Ranking r, double[] totals, Tally tally) {
        int classes = r.classes();
        boolean[] remaining = new boolean[classes];
        Arrays.fill(remaining, true);
        double[] s = new double[classes];
        for (int round = 1; round < classes; round++) {
            double[] t = tally.over(r, remaining);
            int loser = -1;
            for (int c = 0; c < classes; c++) {
                if (remaining[c] && (loser < 0 || t[c] < t[loser]
                        || (t[c] == t[loser] && (same(totals[c], totals[loser]) || totals[c] < totals[loser])))) {
                    loser = c; // an equal total lets the higher index go first
                }
            }
            remaining[loser] = false;
            s[loser] = round;
        }
        for (int c = 0; c < classes; c++) {
            if (remaining[c]) {
                s[c] = classes;
            }
        }
        return s;
    }

    /** Nanson: eliminate every class below the mean Borda score of the remaining, per round. */
    private static double[] nanson(Ranking r) {
        int classes = r.classes();
        boolean[] remaining = new boolean[classes];
        Arrays.fill(remaining, true);
        int left = classes;
        double[] s = new double[classes];
        int round = 0;
        while (left > 1) {
            double[] borda = r.bordaOver(remaining);
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                if (remaining[c]) {
                    sum += borda[c];
                }
            }
            boolean[] below = new boolean[classes];
            int eliminated = 0;
            for (int c = 0; c < classes; c++) {
                // borda < sum/left, compared without division: Borda scores are whole numbers
                if (remaining[c] && borda[c] * left < sum) {
                    below[c] = true;
                    eliminated++;
                }
            }
            if (eliminated == 0) {
                break;
            }
            round++;
            for (int c = 0; c < classes; c++) {
                if (below[c]) {
                    remaining[c] = false;
                    s[c] = round;
                    left--;
                }
            }
        }
        for (int c = 0; c < classes; c++) {
            if (remaining[c]) {
                s[c] = round + 1;
            }
        }
        return s;
    }

    /** Bucklin: widen to the top k choices until some class holds a majority; score = its count. */
    private static double[] bucklin(Ranking r) {
        int classes = r.classes();
        double[] counts = new double[classes];
        for (int k = 1; k <= classes; k++) {
            Arrays.fill(counts, 0);
            double best = 0;
            for (int t = 0; t < r.members(); t++) {
                for (int rank = 0; rank < k; rank++) {
                    int c = r.classAt(t, rank);
                    counts[c] += 1;
                    best = Math.max(best, counts[c]);
                }
            }
            if (2 * best > r.members()) {
                break;
            }
        }
        return counts;
    }
}
