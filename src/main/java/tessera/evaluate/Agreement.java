package tessera.evaluate;

import java.util.List;

/**
 * How far the members of an ensemble (or the heads of a multi-head student) agree on a test set:
 * diversity is what makes an ensemble better than its members, and what a student must carry.
 *
 * @param of                     the ensemble or student this is about
 * @param members                member (or head) names, in matrix order
 * @param agreement              agreement[s][t]: share of samples where s and t predict the same class (1 on the diagonal)
 * @param meanPairwiseDisagreement mean over pairs s &lt; t of 1 - agreement[s][t]
 * @param unanimous              share of samples where every member predicts the same class
 * @param oracleAccuracy         share of samples that at least one member classifies correctly
 * @param meanMemberAccuracy     mean of the members' accuracies
 * @param votesForTopClass       votesForTopClass[k]: share of samples where exactly k members vote for the most-voted class (k = 0..T)
 * @param allWrongSplit   share of samples where all members are wrong but not all give the same wrong class
 */
public record Agreement(String of, List<String> members, double[][] agreement, double meanPairwiseDisagreement,
                        double unanimous, double oracleAccuracy, double meanMemberAccuracy, double[] votesForTopClass,
                        double allWrongSplit) {

    /**
     * @param predicted predicted[t][i]: member t's class for sample i
     * @param labels    true class of each sample
     */
    public static Agreement of(String of, List<String> members, int[][] predicted, int[] labels) {
        int t = predicted.length;
        int n = labels.length;
        double[][] a = new double[t][t];
        for (int s = 0; s < t; s++) {
            for (int u = 0; u < t; u++) {
                int same = 0;
                for (int i = 0; i < n; i++) {
                    if (predicted[s][i] == predicted[u][i]) {
                        same++;
                    }
                }
                a[s][u] = (double) same / n;
            }
        }
        double disagreement = 0;
        int pairs = 0;
        for (int s = 0; s < t; s++) {
            for (int u = s + 1; u < t; u++) {
                disagreement += 1 - a[s][u];
                pairs++;
            }
        }
        int unanimous = 0;
        int oracle = 0;
        int allWrongDiffering = 0;
        double[] votes = new double[t + 1];
        int classes = 0;
        for (int[] p : predicted) {
            for (int c : p) {
                classes = Math.max(classes, c + 1);
            }
        }
        for (int l : labels) {
            classes = Math.max(classes, l + 1);
        }
        int[] count = new int[classes];
        double accuracySum = 0;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(count, 0);
            boolean anyRight = false;
            for (int s = 0; s < t; s++) {
                count[predicted[s][i]]++;
                if (predicted[s][i] == labels[i]) {
                    anyRight = true;
                    accuracySum++;
                }
            }
            int top = java.util.Arrays.stream(count).max().orElse(0);
            votes[top]++;
            if (top == t) {
                unanimous++;
            }
            if (anyRight) {
                oracle++;
            } else if (top < t) {
                allWrongDiffering++;
            }
        }
        for (int k = 0; k <= t; k++) {
            votes[k] /= n;
        }
        return new Agreement(of, List.copyOf(members), a, pairs == 0 ? 0 : disagreement / pairs, (double) unanimous / n,
                (double) oracle / n, accuracySum / n / t, votes, (double) allWrongDiffering / n);
    }
}
