package tessera.imaging;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The photograph with the score map blended over it and the regions' contours drawn: what an
 * inspector looks at. The map's opacity grows with the evidence (see
 * {@link HeatMapImages#evidence}), so clean areas stay readable.
 */
public final class Overlays {

    /** Contour colour: white reads on every colour map. */
    public static final int CONTOUR = 0xFFFFFF;

    private Overlays() {
    }

    /** The image resized to width × height (bilinear), as TYPE_INT_RGB. */
    public static BufferedImage resized(BufferedImage image, int width, int height) {
        if (image.getWidth() == width && image.getHeight() == height && image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /**
     * Blends the map over the image and outlines the regions.
     *
     * @param base      the photograph, already at width × height
     * @param scores    probabilities, width × height, row-major
     * @param labels    region id per pixel (0 = none), width × height; null draws no contours
     * @param opacity   the map's opacity at full evidence, 0 .. 1
     */
    public static BufferedImage overlay(BufferedImage base, float[] scores, int[] labels, double threshold,
                                        ColorMap map, double opacity) {
        int width = base.getWidth();
        int height = base.getHeight();
        double alphaMax = Math.max(0, Math.min(1, opacity));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            base.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                int p = y * width + x;
                double e = HeatMapImages.evidence(scores[p], threshold);
                int c;
                if (labels != null && isContour(labels, width, height, x, y)) {
                    c = CONTOUR;
                } else {
                    c = blend(row[x], map.rgb(e), alphaMax * e);
                }
                row[x] = c;
            }
            out.setRGB(0, y, width, 1, row, 0, width);
        }
        return out;
    }

    /** A region pixel within 2 px (4-neighbours) of a pixel outside its region: a 2 px inner contour. */
    static boolean isContour(int[] labels, int width, int height, int x, int y) {
        int id = labels[y * width + x];
        if (id == 0) {
            return false;
        }
        for (int d = 1; d <= 2; d++) {
            if (differs(labels, width, height, x - d, y, id) || differs(labels, width, height, x + d, y, id)
                    || differs(labels, width, height, x, y - d, id) || differs(labels, width, height, x, y + d, id)) {
                return true;
            }
        }
        return false;
    }

    private static boolean differs(int[] labels, int width, int height, int x, int y, int id) {
        return x >= 0 && y >= 0 && x < width && y < height && labels[y * width + x] != id;
    }

    private static int blend(int under, int over, double alpha) {
        int r = (int) Math.round((under >> 16 & 0xFF) * (1 - alpha) + (over >> 16 & 0xFF) * alpha);
        int g = (int) Math.round((under >> 8 & 0xFF) * (1 - alpha) + (over >> 8 & 0xFF) * alpha);
        int b = (int) Math.round((under & 0xFF) * (1 - alpha) + (over & 0xFF) * alpha);
        return r << 16 | g << 8 | b;
    }
}
