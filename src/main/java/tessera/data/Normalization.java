package tessera.data;

/**
 * Per-channel mean and standard deviation on the pixel/255 scale. Fitted on the training split
 * only, so that validation and test numbers never leak into preprocessing.
 */
public record Normalization(float[] mean, float[] std) {

    public Normalization {
        if (mean.length != std.length || mean.length == 0) {
            throw new IllegalArgumentException("Need one mean and one std per channel");
        }
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] std() {
        return std.clone();
    }

    public int channels() {
        return mean.length;
    }

    public static Normalization fit(ImageSet set) {
        if (set.size() == 0) {
            throw new IllegalArgumentException("Cannot fit a normalisation on an empty image set");
        }
        int channels = set.channels();
        int plane = set.height() * set.width();
        long[] sum = new long[channels];
        long[] sumSquares = new long[channels];
        byte[] pixels = set.pixels();
        // Integer sums are exact: 255^2 * 60k * 1024 pixels still fits a long many times over.
        for (int i = 0, offset = 0; i < set.size(); i++) {
            for (int c = 0; c < channels; c++) {
                long s = 0;
                long q = 0;
                for (int p = 0; p < plane; p++) {
                    int v = pixels[offset++] & 0xFF;
                    s += v;
                    q += v * v;
                }
                sum[c] += s;
                sumSquares[c] += q;
            }
        }
        float[] mean = new float[channels];
        float[] std = new float[channels];
        double count = (double) set.size() * plane;
        for (int c = 0; c < channels; c++) {
            double m = sum[c] / count;
            double variance = Math.max(0, sumSquares[c] / count - m * m);
            mean[c] = (float) (m / 255);
            // A constant channel would divide by zero; leaving it unscaled is harmless.
            std[c] = variance > 0 ? (float) (Math.sqrt(variance) / 255) : 1f;
        }
        return new Normalization(mean, std);
    }
}
