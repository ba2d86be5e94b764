package tessera.synth;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** A linear RGB painting surface in floats (0 = black, 1 = white), turned into 8-bit pixels at the end. */
final class Canvas {

    final int width;
    final int height;
    final float[] r;
    final float[] g;
    final float[] b;
    /** How glossy each pixel still is (1 = as painted or polished): dirt and corrosion are matt. */
    final float[] gloss;

    Canvas(int width, int height) {
        this.width = width;
        this.height = height;
        int n = width * height;
        r = new float[n];
        g = new float[n];
        b = new float[n];
        gloss = new float[n];
        java.util.Arrays.fill(gloss, 1f);
    }

    boolean inside(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height;
    }

    /** Moves pixel i towards the colour by {@code alpha} (0 keeps it, 1 replaces it). */
    void blend(int i, float cr, float cg, float cb, float alpha) {
        r[i] += (cr - r[i]) * alpha;
        g[i] += (cg - g[i]) * alpha;
        b[i] += (cb - b[i]) * alpha;
    }

    /** Darkens (f < 1) or brightens (f > 1) pixel i. */
    void scale(int i, float f) {
        r[i] *= f;
        g[i] *= f;
        b[i] *= f;
    }

    void add(int i, float v) {
        r[i] += v;
        g[i] += v;
        b[i] += v;
    }

    float luminance(int i) {
        return 0.3f * r[i] + 0.59f * g[i] + 0.11f * b[i];
    }

    /** A separable [1 2 1]/4 blur: the softness of a real lens, which removes synthetic hard edges. */
    void soften() {
        for (float[] c : new float[][] {r, g, b}) {
            float[] tmp = new float[c.length];
            for (int y = 0; y < height; y++) {
                int o = y * width;
                tmp[o] = c[o];
                tmp[o + width - 1] = c[o + width - 1];
                for (int x = 1; x < width - 1; x++) {
                    tmp[o + x] = (c[o + x - 1] + 2 * c[o + x] + c[o + x + 1]) * 0.25f;
                }
            }
            System.arraycopy(tmp, 0, c, 0, width);
            System.arraycopy(tmp, (height - 1) * width, c, (height - 1) * width, width);
            for (int y = 1; y < height - 1; y++) {
                int o = y * width;
                for (int x = 0; x < width; x++) {
                    c[o + x] = (tmp[o + x - width] + 2 * tmp[o + x] + tmp[o + x + width]) * 0.25f;
                }
            }
        }
    }

    BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = to8(r[i]) << 16 | to8(g[i]) << 8 | to8(b[i]);
        }
        return image;
    }

    private static int to8(float v) {
        int q = Math.round(v * 255);
        return q < 0 ? 0 : Math.min(q, 255);
    }
}
