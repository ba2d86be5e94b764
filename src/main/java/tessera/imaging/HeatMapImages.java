package tessera.imaging;

import java.awt.image.BufferedImage;

/**
 * Colour images of score maps on fixed scales, so that a colour means the same evidence on every
 * image and for every model: probabilities are placed with the threshold at the middle of the
 * colour map (0 .. threshold on the lower half, threshold .. 1 on the upper), never stretched to
 * an image's own minimum and maximum.
 */
public final class HeatMapImages {

    /** The largest possible spread (standard deviation) of probabilities in [0, 1]. */
    public static final double MAX_SPREAD = 0.5;

    private HeatMapImages() {
    }

    /** Position on the colour map of probability p under a threshold: the threshold maps to 0.5. */
    public static double evidence(double p, double threshold) {
        double q = Math.max(0, Math.min(1, p));
        if (threshold <= 0) {
            return 0.5 + 0.5 * q;
        }
        if (threshold >= 1) {
            return 0.5 * q;
        }
        return q <= threshold ? 0.5 * q / threshold : 0.5 + 0.5 * (q - threshold) / (1 - threshold);
    }

    /** A probability map (width × height values, row-major) anchored to the threshold. */
    public static BufferedImage probability(float[] values, int width, int height, double threshold, ColorMap map) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = map.rgb(evidence(values[y * width + x], threshold));
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }

    /** Teacher votes: 0 at the bottom of the colour map, all {@code teachers} at the top. */
    public static BufferedImage votes(float[] votes, int width, int height, int teachers, ColorMap map) {
        return scaled(votes, width, height, teachers, map);
    }

    /** Disagreement (standard deviation of the teachers' probabilities) on the fixed scale 0 .. 0.5. */
    public static BufferedImage disagreement(float[] spread, int width, int height, ColorMap map) {
        return scaled(spread, width, height, MAX_SPREAD, map);
    }

    private static BufferedImage scaled(float[] values, int width, int height, double top, ColorMap map) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                row[x] = map.rgb(top <= 0 ? 0 : values[y * width + x] / top);
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }
}
