package tessera.model;

import tessera.data.ImageSet;

/**
 * Measured inference latency: a warm-up pass, then repeated timed passes until about half a
 * second has elapsed, reported as milliseconds per sample.
 */
public final class Latency {

    private static final long BUDGET_NANOS = 500_000_000L;

    private Latency() {
    }

    /** Milliseconds per sample when the classifier sees batches of {@code batchSize} samples of the set. */
    public static double msPerSample(Classifier classifier, ImageSet set, int batchSize) {
        int n = Math.min(batchSize, set.size());
        int[] first = new int[n];
        for (int i = 0; i < n; i++) {
            first[i] = i;
        }
        ImageSet batch = classifier.adapt(set.select(first));
        classifier.logits(batch, n);
        long start = System.nanoTime();
        int passes = 0;
        do {
            classifier.logits(batch, n);
            passes++;
        } while (System.nanoTime() - start < BUDGET_NANOS && passes < 1000);
        return (System.nanoTime() - start) / 1e6 / passes / n;
    }
}
