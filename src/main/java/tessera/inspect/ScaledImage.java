package tessera.inspect;

import tessera.data.Normalization;
import tessera.data.Resampling;
import tessera.util.TesseraException;

import java.awt.image.BufferedImage;

/**
 * An image resampled to the model's scale and channels, as 8-bit channel-major planes: a quarter
 * of the pixels at scale 0.5, and bytes rather than floats, so a large photograph stays small. The
 * bilinear resampling samples at pixel centres like the data set reader, so that a tile cut from
 * this image equals the training tile resized the same way (at scale 1/2: the mean of 2×2 pixels).
 */
final class ScaledImage {

    private final int channels;
    private final int width;
    private final int height;
    private final byte[] planes;

    private ScaledImage(int channels, int width, int height, byte[] planes) {
        this.channels = channels;
        this.width = width;
        this.height = height;
        this.planes = planes;
    }

    static ScaledImage of(BufferedImage image, double scale, int channels) {
        if (channels != 1 && channels != 3) {
            throw new TesseraException("models with " + channels + " input channels are not supported (1 or 3)");
        }
        int w0 = image.getWidth();
        int h0 = image.getHeight();
        int w = Math.max(1, (int) Math.round(w0 * scale));
        int h = Math.max(1, (int) Math.round(h0 * scale));
        int plane = w * h;
        byte[] out = new byte[channels * plane];
        int[] x0 = new int[w];
        int[] x1 = new int[w];
        float[] fx = new float[w];
        Resampling.sourceCoordinates(w0, w, x0, x1, fx);
        int[] y0 = new int[h];
        int[] y1 = new int[h];
        float[] fy = new float[h];
        Resampling.sourceCoordinates(h0, h, y0, y1, fy);
        int[] top = new int[w0];
        int[] bottom = new int[w0];
        int topRow = -1;
        int bottomRow = -1;
        for (int y = 0; y < h; y++) {
            if (topRow != y0[y]) {
                if (bottomRow == y0[y]) {
                    int[] t = top;
                    top = bottom;
                    bottom = t;
                    bottomRow = -1;
                } else {
                    image.getRGB(0, y0[y], w0, 1, top, 0, w0);
                }
                topRow = y0[y];
            }
            if (bottomRow != y1[y]) {
                image.getRGB(0, y1[y], w0, 1, bottom, 0, w0);
                bottomRow = y1[y];
            }
            float wy = fy[y];
            for (int x = 0; x < w; x++) {
                int a = top[x0[x]];
                int b = top[x1[x]];
                int d = bottom[x0[x]];
                int e = bottom[x1[x]];
                float r = lerp2(a >> 16 & 0xFF, b >> 16 & 0xFF, d >> 16 & 0xFF, e >> 16 & 0xFF, fx[x], wy);
                float g = lerp2(a >> 8 & 0xFF, b >> 8 & 0xFF, d >> 8 & 0xFF, e >> 8 & 0xFF, fx[x], wy);
                float bl = lerp2(a & 0xFF, b & 0xFF, d & 0xFF, e & 0xFF, fx[x], wy);
                int p = y * w + x;
                if (channels == 3) {
                    out[p] = (byte) Math.round(r);
                    out[plane + p] = (byte) Math.round(g);
                    out[2 * plane + p] = (byte) Math.round(bl);
                } else {
                    out[p] = (byte) Math.round(0.299f * Math.round(r) + 0.587f * Math.round(g) + 0.114f * Math.round(bl));
                }
            }
        }
        return new ScaledImage(channels, w, h, out);
    }

    private static float lerp2(int a, int b, int d, int e, float fx, float fy) {
        float upper = a + (b - a) * fx;
        float lower = d + (e - d) * fx;
        return upper + (lower - upper) * fy;
    }

    int channels() {
        return channels;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /**
     * Copies the window (x, y, w, h) normalised into {@code dst} at {@code offset}, channel-major
     * (C, h, w).
     */
    void copyNormalised(int x, int y, int w, int h, float[][] lut, float[] dst, int offset) {
        int plane = width * height;
        int o = offset;
        for (int c = 0; c < channels; c++) {
            float[] table = lut[c];
            for (int yy = 0; yy < h; yy++) {
                int src = c * plane + (y + yy) * width + x;
                for (int xx = 0; xx < w; xx++) {
                    dst[o++] = table[planes[src + xx] & 0xFF];
                }
            }
        }
    }

    /** Per channel, the normalised float of each byte value. */
    static float[][] lookup(Normalization norm) {
        float[] mean = norm.mean();
        float[] std = norm.std();
        float[][] lut = new float[mean.length][256];
        for (int c = 0; c < mean.length; c++) {
            for (int v = 0; v < 256; v++) {
                lut[c][v] = (v / 255f - mean[c]) / std[c];
            }
        }
        return lut;
    }
}
