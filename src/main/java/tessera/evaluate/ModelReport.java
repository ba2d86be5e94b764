package tessera.evaluate;

import java.util.List;

/** One row of an evaluation: quality, size, cost and measured latency of one model (or fused ensemble). */
public record ModelReport(String name, String path, String kind, double accuracy, double macroF1, double nll, double ece,
                          long parameters, long macsPerSample, double latencyMsBatch1, double latencyMsBatch64,
                          List<String> classNames, int[][] confusion) {
}
