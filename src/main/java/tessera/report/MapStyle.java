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
 */
public record MapStyle(ColorMap colours, double threshold, double low, double high, boolean contour) {

    public MapStyle {
        if (!(high > low)) {
            throw new IllegalArgumentException("colour range " + low + ".." + high + " is empty");
        }
    }

    public static MapStyle probability(ColorMap colours, double threshold, boolean contour) {
        return new MapStyle(colours, threshold, 0, 1, contour);
    }

    public double normalised(double value) {
        return (value - low) / (high - low);
    }
}
