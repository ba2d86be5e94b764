package tessera.report;

import tessera.imaging.ColorMap;

/**
 * How a heat map is drawn over the photograph.
 *
 * @param colours   the colour map
 * @param threshold values below it are left transparent (0 shows the whole map)
 * @param low       the value drawn with the colour map's first colour
 * @param high      the value drawn with its last colour
 * @param contour   only the outline of the regions at or above the threshold, else filled
 * @param fade      low values more transparent than high ones, so a map that covers much of the
 *                  picture (the teachers' spread) leaves the photograph readable
 */
public record MapStyle(ColorMap colours, double threshold, double low, double high, boolean contour, boolean fade) {

    public MapStyle {
        if (!(high > low)) {
            throw new IllegalArgumentException("colour range " + low + ".." + high + " is empty");
        }
    }

    public static MapStyle probability(ColorMap colours, double threshold, boolean contour) {
        return new MapStyle(colours, threshold, 0, 1, contour, false);
    }

    public double normalised(double value) {
        return (value - low) / (high - low);
    }

    /** The alpha (0-255) of a value: opaque, or rising with the value from a quarter when fading. */
    public int alpha(double value) {
        if (!fade) {
            return 0xFF;
        }
        return (int) Math.round(255 * Math.max(0.25, Math.min(1, normalised(value))));
    }
}
