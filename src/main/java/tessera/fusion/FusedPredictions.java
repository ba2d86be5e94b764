package tessera.fusion;

/**
 * The result of fusing N samples: {@code scores[i]} is the output row of sample i (non-negative,
 * sums to 1) and {@code predictions[i]} the decided class, chosen with the tie rule of formats.md.
 */
public record FusedPredictions(double[][] scores, int[] predictions) {
}
