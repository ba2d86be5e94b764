package tessera.data;

/**
 * Pixel arithmetic on one channel-major sample, shared by {@link ImageSet#adaptedTo} and the
 * image-folder reader so that both produce identical pixels for the same input.
 */
public final class Resampling {

    private Resampling() {
    }

    /**
     * Converts grey to RGB by repeating the plane, and RGB to grey by ITU-R BT.601 luma, which is
     * what most image tools show as "greyscale".
     */
    static byte[] convertChannels(byte[] sample, int fromChannels, int toChannels, int planeLength) {
        if (fromChannels == toChannels) {
            return sample;
        }
        byte[] out = new byte[toChannels * planeLength];
        if (fromChannels == 1 && toChannels == 3) {
            for (int c = 0; c < 3; c++) {
                System.arraycopy(sample, 0, out, c * planeLength, planeLength);
            }
        } else if (fromChannels == 3 && toChannels == 1) {
            for (int p = 0; p < planeLength; p++) {
                int r = sample[p] & 0xFF;
                int g = sample[planeLength + p] & 0xFF;
                int b = sample[2 * planeLength + p] & 0xFF;
                out[p] = (byte) Math.round(0.299f * r + 0.587f * g + 0.114f * b);
            }
        } else {
            throw new IllegalArgumentException(
                    "Cannot convert " + fromChannels + " channels to " + toChannels + " (only 1 and 3 are supported)");
        }
        return out;
    }

    /**
     * Bilinear resize of every channel plane, sampling at pixel centres (the convention of
     * OpenCV and PIL) so that an image resized to its own size is unchanged.
     */
    static byte[] resize(byte[] sample, int channels, int height, int width, int newHeight, int newWidth) {
        if (height == newHeight && width == newWidth) {
            return sample;
        }
        int[] y0 = new int[newHeight];
        int[] y1 = new int[newHeight];
        float[] fy = new float[newHeight];
        sourceCoordinates(height, newHeight, y0, y1, fy);
        int[] x0 = new int[newWidth];
        int[] x1 = new int[newWidth];
        float[] fx = new float[newWidth];
        sourceCoordinates(width, newWidth, x0, x1, fx);

        byte[] out = new byte[channels * newHeight * newWidth];
        int o = 0;
        for (int c = 0; c < channels; c++) {
            int plane = c * height * width;
            for (int y = 0; y < newHeight; y++) {
                int top = plane + y0[y] * width;
                int bottom = plane + y1[y] * width;
                float wy = fy[y];
                for (int x = 0; x < newWidth; x++) {
                    float a = sample[top + x0[x]] & 0xFF;
                    float b = sample[top + x1[x]] & 0xFF;
                    float d = sample[bottom + x0[x]] & 0xFF;
                    float e = sample[bottom + x1[x]] & 0xFF;
                    float upper = a + (b - a) * fx[x];
                    float lower = d + (e - d) * fx[x];
                    out[o++] = (byte) Math.round(upper + (lower - upper) * wy);
                }
            }
        }
        return out;
    }

    /**
     * For each of {@code newSize} output pixels, the two source pixels and the weight of the second, sampled at
     * pixel centres. Public so that inspection resamples photographs exactly as the data set resamples tiles.
     */
    public static void sourceCoordinates(int size, int newSize, int[] lo, int[] hi, float[] frac) {
        float scale = (float) size / newSize;
        for (int i = 0; i < newSize; i++) {
            float s = Math.max(0f, Math.min(size - 1f, (i + 0.5f) * scale - 0.5f));
            lo[i] = (int) s;
            hi[i] = Math.min(lo[i] + 1, size - 1);
            frac[i] = s - lo[i];
        }
    }
}
