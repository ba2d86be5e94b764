package tessera.synth;

/**
 * Everything that determines a synthetic data set; with the same settings, {@code tessera synth}
 * writes the same files, byte for byte.
 *
 * @param images          number of photographs
 * @param seed            the seed every picture's randomness derives from
 * @param width           picture width in pixels
 * @param height          picture height in pixels
 * @param tile            tile side in pixels (tiles are cut on a grid, without overlap)
 * @param corrosionRate   mean share of a picture's pixels that are corroded
 * @param severityClasses tile classes {@code severity-1..3} instead of one {@code corrosion} class
 * @param tileThreshold   share of a tile's pixels that must be corroded for a corrosion tile;
 *                        tiles with some corrosion but less are left out as ambiguous
 * @param cleanRatio      clean tiles kept per corrosion tile (at least per image, see {@link TileCutter})
 * @param testFraction    share of whole pictures held out for the test split
 */
public record SynthSettings(int images, long seed, int width, int height, int tile, double corrosionRate,
                            boolean severityClasses, double tileThreshold, double cleanRatio, double testFraction) {

    public static final int DEFAULT_WIDTH = 2048;
    public static final int DEFAULT_HEIGHT = 1536;
    public static final int DEFAULT_TILE = 64;
    public static final double DEFAULT_CORROSION_RATE = 0.04;
    public static final double DEFAULT_TILE_THRESHOLD = 0.1;
    public static final double DEFAULT_CLEAN_RATIO = 2.0;
    public static final double DEFAULT_TEST_FRACTION = 0.2;

    /** The defaults for everything but the count and the seed. */
    public static SynthSettings of(int images, long seed) {
        return new SynthSettings(images, seed, DEFAULT_WIDTH, DEFAULT_HEIGHT, DEFAULT_TILE, DEFAULT_CORROSION_RATE,
                false, DEFAULT_TILE_THRESHOLD, DEFAULT_CLEAN_RATIO, DEFAULT_TEST_FRACTION);
    }

    /** Checks the settings; the message names the option at fault. */
    public SynthSettings {
        require(images >= 1, "--images must be at least 1, not " + images);
        require(width >= 16 && height >= 16, "--width and --height must be at least 16, not " + width + " x " + height);
        require((long) width * height <= 200_000_000L, "--width x --height must stay under 200 megapixels");
        require(tile >= 8, "--tile must be at least 8, not " + tile);
        require(tile <= width && tile <= height, "--tile " + tile + " does not fit in a " + width + " x " + height + " image");
        require(corrosionRate >= 0 && corrosionRate <= 0.5, "--corrosion-rate must lie in [0, 0.5], not " + corrosionRate);
        require(tileThreshold > 0 && tileThreshold <= 1, "--tile-threshold must lie in (0, 1], not " + tileThreshold);
        require(cleanRatio >= 0, "--clean-ratio must not be negative, not " + cleanRatio);
        require(testFraction >= 0 && testFraction < 1, "--test-fraction must lie in [0, 1), not " + testFraction);
    }

    /** Pictures held out for testing: a share of the whole pictures, at least one when there are two or more. */
    public int testImages() {
        if (images < 2 || testFraction == 0) {
            return 0;
        }
        return Math.max(1, Math.min(images - 1, (int) Math.round(images * testFraction)));
    }

    /** The split picture {@code index} belongs to: the last {@link #testImages()} are the test pictures. */
    public String split(int index) {
        return index >= images - testImages() ? "test" : "train";
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
