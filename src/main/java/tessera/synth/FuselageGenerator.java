package tessera.synth;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import tessera.synth.SkinLayout.Surface;

/**
 * Makes photographs of fuselage skin with corrosion ground truth. Image {@code k} of seed
 * {@code s} is always the same picture, whatever else is generated, so a data set can be
 * regenerated or extended exactly. The painters use StrictMath, whose results are the same on
 * every platform, so the pictures do not depend on the processor either.
 */
public final class FuselageGenerator {

    /** Share of pictures that show no corrosion at all, as most inspected skin is sound. */
    static final double CLEAN_IMAGE_SHARE = 0.15;

    private final int width;
    private final int height;
    private final long seed;
    private final double corrosionRate;

    /**
     * @param corrosionRate the mean share of a picture's pixels that are corroded (pictures vary
     *                      between 0.3 and 1.7 times it; some are clean)
     */
    public FuselageGenerator(int width, int height, long seed, double corrosionRate) {
        if (width < 16 || height < 16) {
            throw new IllegalArgumentException("image size must be at least 16 x 16, not " + width + " x " + height);
        }
        if (corrosionRate < 0 || corrosionRate > 0.5) {
            throw new IllegalArgumentException("corrosion rate must lie in [0, 0.5], not " + corrosionRate);
        }
        this.width = width;
        this.height = height;
        this.seed = seed;
        this.corrosionRate = corrosionRate;
    }

    public static String imageName(int index) {
        return String.format(Locale.ROOT, "fuselage-%04d", index);
    }

    public SynthImage generate(int index) {
        SplittableRandom random = new SplittableRandom(mix(seed, index));
        Surface surface = random.nextDouble() < 0.7 ? Surface.PAINTED : Surface.BARE;
        SkinLayout layout = new SkinLayout(width, height, surface, random.split());
        Canvas canvas = new Canvas(width, height);
        new SkinPainter(layout, canvas, random.split()).paint();

        double target = random.nextDouble() < CLEAN_IMAGE_SHARE ? 0
                : corrosionRate * (0.3 + 1.4 * random.nextDouble());
        byte[] mask = new byte[width * height];
        List<CorrosionRegion> regions = new CorrosionPainter(layout, canvas, random.split()).paint(target, mask);

        new DistractorPainter(layout, canvas, random.split()).paint();
        new LightingPainter(layout, canvas, random.split()).paint();
        new CameraModel(canvas, random.split()).expose();
        return new SynthImage(imageName(index), canvas.toImage(), mask, List.copyOf(regions),
                surface.name().toLowerCase(Locale.ROOT));
    }

    /** SplitMix64's finaliser over (seed, index): neighbouring seeds give unrelated pictures. */
    static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
