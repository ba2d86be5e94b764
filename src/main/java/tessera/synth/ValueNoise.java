package tessera.synth;

import java.util.SplittableRandom;

/**
 * Smooth random fields (value noise on a lattice with quintic interpolation), evaluated on whole
 * grids so that each pixel costs four array reads: fast enough for multi-megapixel textures.
 */
final class ValueNoise {

    private ValueNoise() {
    }

    /** One octave in [-1, 1] with the given feature size (pixels) along x and y. */
    static float[] field(int width, int height, float periodX, float periodY, SplittableRandom random) {
        int gx = (int) Math.ceil(width / periodX) + 2;
        int gy = (int) Math.ceil(height / periodY) + 2;
        float[] lattice = new float[gx * gy];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = (float) (random.nextDouble() * 2 - 1);
        }
        // A random phase so octaves of different seeds do not line up on the lattice.
        float ox = (float) random.nextDouble();
        float oy = (float) random.nextDouble();
        int[] ix = new int[width];
        float[] fx = new float[width];
        for (int x = 0; x < width; x++) {
            float p = x / periodX + ox;
            ix[x] = (int) p;
            fx[x] = fade(p - ix[x]);
        }
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            float p = y / periodY + oy;
            int iy = (int) p;
            float fy = fade(p - iy);
            int row0 = iy * gx;
            int row1 = row0 + gx;
            int o = y * width;
            for (int x = 0; x < width; x++) {
                int i = ix[x];
                float f = fx[x];
                float top = lattice[row0 + i] + (lattice[row0 + i + 1] - lattice[row0 + i]) * f;
                float bottom = lattice[row1 + i] + (lattice[row1 + i + 1] - lattice[row1 + i]) * f;
                out[o + x] = top + (bottom - top) * fy;
            }
        }
        return out;
    }

    /** Fractal sum of octaves, each half the period and {@code gain} times the amplitude; about [-1, 1]. */
    static float[] fbm(int width, int height, float period, float aspect, int octaves, float gain,
                       SplittableRandom random) {
        float[] sum = new float[width * height];
        float amplitude = 1;
        float total = 0;
        float p = period;
        for (int o = 0; o < octaves && p >= 1; o++) {
            float[] octave = field(width, height, p * aspect, p, random);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += octave[i] * amplitude;
            }
            total += amplitude;
            amplitude *= gain;
            p /= 2;
        }
        if (total > 0) {
            float inv = 1.6f / total; // octave sums rarely reach their bound: stretch to about [-1, 1]
            for (int i = 0; i < sum.length; i++) {
                sum[i] = Math.max(-1, Math.min(1, sum[i] * inv));
            }
        }
        return sum;
    }

    private static float fade(float t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }
}
