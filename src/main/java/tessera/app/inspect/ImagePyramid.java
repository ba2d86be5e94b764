package tessera.app.inspect;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * An image and its successive halvings down to a small top level. A view draws from the coarsest
 * level that still has one source pixel per screen pixel, so a 50-megapixel photograph shows
 * quickly when it fits the panel and sharp when zoomed in; only levels within a texture's limit are
 * turned into whole textures (see {@link #fitsTexture(int)}), the full image is cropped instead.
 */
public final class ImagePyramid {

    /** JavaFX textures stop at 16384 pixels a side; whole-level textures also stay under this many pixels. */
    public static final int MAX_TEXTURE_SIDE = 16384;
    public static final long MAX_TEXTURE_PIXELS = 16_000_000L;
    /** Halving stops once the longest side is at most this. */
    public static final int TOP_SIDE = 512;

    private final List<BufferedImage> levels;

    private ImagePyramid(List<BufferedImage> levels) {
        this.levels = List.copyOf(levels);
    }

    public static ImagePyramid of(BufferedImage image) {
        List<BufferedImage> levels = new ArrayList<>();
        levels.add(image);
        BufferedImage current = image;
        while (Math.max(current.getWidth(), current.getHeight()) > TOP_SIDE) {
            current = half(current);
            levels.add(current);
        }
        return new ImagePyramid(levels);
    }

    private static BufferedImage half(BufferedImage image) {
        int w = Math.max(1, (image.getWidth() + 1) / 2);
        int h = Math.max(1, (image.getHeight() + 1) / 2);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        // Bilinear at exactly half the size averages 2x2 blocks: a box filter, no aliasing.
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    public int levels() {
        return levels.size();
    }

    public BufferedImage level(int k) {
        return levels.get(k);
    }

    public int width() {
        return levels.get(0).getWidth();
    }

    public int height() {
        return levels.get(0).getHeight();
    }

    /** Level k's pixels per full-resolution pixel. */
    public double scale(int k) {
        return (double) levels.get(k).getWidth() / width();
    }

    /**
     * The coarsest level with at least one pixel per screen pixel at {@code screenPerImage} screen
     * pixels per full-resolution pixel (level 0 when zoomed in beyond 1:1).
     */
    public int levelFor(double screenPerImage) {
        int best = 0;
        for (int k = 1; k < levels.size(); k++) {
            if (scale(k) >= screenPerImage) {
                best = k;
            }
        }
        return best;
    }

    /** Whether level k can be one texture (otherwise the view crops the visible part of it). */
    public boolean fitsTexture(int k) {
        BufferedImage level = levels.get(k);
        return level.getWidth() <= MAX_TEXTURE_SIDE && level.getHeight() <= MAX_TEXTURE_SIDE
                && (long) level.getWidth() * level.getHeight() <= MAX_TEXTURE_PIXELS;
    }

    /** The smallest level: thumbnails. */
    public BufferedImage top() {
        return levels.get(levels.size() - 1);
    }
}
