package tessera.data;

import java.util.Arrays;
import java.util.Random;

/** Turns an {@link ImageSet} into the float batches a model consumes, without any framework. */
public final class Batches {

    private Batches() {
    }

    /** 0..n-1 in a Fisher-Yates order that depends only on the seed. */
    public static int[] shuffledOrder(int n, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** A random subset of round(fraction*n) distinct indices (drawn without replacement), sorted; fraction in (0,1]. */
    public static int[] subsetIndices(int n, double fraction, long seed) {
        if (!(fraction > 0 && fraction <= 1)) {
            throw new IllegalArgumentException("Subset fraction must be in (0, 1], got " + fraction);
        }
        int count = (int) Math.round(fraction * n);
        int[] subset = Arrays.copyOf(shuffledOrder(n, seed), count);
        Arrays.sort(subset);
        return subset;
    }

    /**
     * Writes samples indices[from..to) normalised ((x/255-mean)/std) as NCHW floats into out
     * (length >= (to-from)*sampleLength); applies aug with rng when enabled (random crop with zero
     * padding, horizontal flip). Padding is a raw pixel value of 0, i.e. black before normalisation,
     * as torchvision's RandomCrop does it.
     */
    public static void fill(ImageSet set, int[] indices, int from, int to, Normalization norm,
                            Augmentation aug, Random rng, float[] out) {
        int channels = set.channels();
        int height = set.height();
        int width = set.width();
        int length = set.sampleLength();
        if (norm.channels() != channels) {
            throw new IllegalArgumentException(
                    "Normalisation has " + norm.channels() + " channels, images have " + channels);
        }
        if (out.length < (long) (to - from) * length) {
            throw new IllegalArgumentException("Batch buffer holds " + out.length + " floats, need " + (to - from) * length);
        }
        float[] scale = new float[channels];
        float[] offset = new float[channels];
        float[] mean = norm.mean();
        float[] std = norm.std();
        for (int c = 0; c < channels; c++) {
            scale[c] = 1f / (255f * std[c]);
            offset[c] = -mean[c] / std[c];
        }
        byte[] pixels = set.pixels();
        boolean augment = aug != null && aug.enabled();
        int pad = augment ? aug.cropPadding() : 0;
        for (int k = from; k < to; k++) {
            int src = indices[k] * length;
            int dst = (k - from) * length;
            int dy = 0;
            int dx = 0;
            boolean flip = false;
            if (augment) {
                if (pad > 0) {
                    dy = rng.nextInt(2 * pad + 1) - pad;
                    dx = rng.nextInt(2 * pad + 1) - pad;
                }
                flip = aug.horizontalFlip() && rng.nextBoolean();
            }
            if (!augment || (dy == 0 && dx == 0 && !flip)) {
                for (int c = 0; c < channels; c++) {
                    int plane = c * height * width;
                    for (int p = 0; p < height * width; p++) {
                        out[dst + plane + p] = (pixels[src + plane + p] & 0xFF) * scale[c] + offset[c];
                    }
                }
                continue;
            }
            for (int c = 0; c < channels; c++) {
                int plane = c * height * width;
                for (int y = 0; y < height; y++) {
                    int sy = y + dy;
                    for (int x = 0; x < width; x++) {
                        // Crop first, then mirror the crop: output column x shows crop column width-1-x.
                        int sx = (flip ? width - 1 - x : x) + dx;
                        int value = sy >= 0 && sy < height && sx >= 0 && sx < width
                                ? pixels[src + plane + sy * width + sx] & 0xFF : 0;
                        out[dst + plane + y * width + x] = value * scale[c] + offset[c];
                    }
                }
            }
        }
    }

    public static int[] labels(ImageSet set, int[] indices, int from, int to) {
        int[] labels = new int[to - from];
        for (int k = from; k < to; k++) {
            labels[k - from] = set.label(indices[k]);
        }
        return labels;
    }
}
