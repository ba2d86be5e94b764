package tessera.report;

import tessera.inspect.HeatMaps;
import tessera.inspect.TileGrid;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws tile maps as translucent colour images (ARGB) at a display raster, and the overlay of the
 * report: photograph, student map and the reviewed findings' boxes. Plain AWT, no JavaFX.
 */
public final class MapImages {

    /** A map raster's longest side: cells of 16+ image pixels stay several raster pixels wide. */
    public static final int RASTER = 1024;

    private MapImages() {
    }

    /** The raster size for an image: its own size when small, else scaled so the longest side is {@link #RASTER}. */
    public static int[] rasterSize(int imageWidth, int imageHeight) {
        double s = Math.min(1.0, (double) RASTER / Math.max(imageWidth, imageHeight));
        return new int[] {Math.max(1, (int) Math.round(imageWidth * s)), Math.max(1, (int) Math.round(imageHeight * s))};
    }

    /** A tile map (one value per tile) as an ARGB image of {@code width × height}; transparent below the threshold. */
    public static BufferedImage render(TileGrid grid, float[] tileValues, int width, int height, MapStyle style) {
        float[] v = HeatMaps.overlapAverage(grid, tileValues).resampled(width, height);
        int[] argb = new int[width * height];
        float t = (float) style.threshold();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (v[i] < t) {
                    continue;
                }
                if (style.contour() && !edge(v, width, height, x, y, t)) {
                    continue;
                }
                argb[i] = style.alpha(v[i]) << 24 | style.colours().rgb(style.normalised(v[i]));
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(0, 0, width, height, argb, 0, width);
        return image;
    }

    /** At or above the threshold with a neighbour (within 2 pixels, so the line is visible) below it or off the raster. */
    private static boolean edge(float[] v, int width, int height, int x, int y, float t) {
        for (int d = 1; d <= 2; d++) {
            if (x - d < 0 || y - d < 0 || x + d >= width || y + d >= height
                    || v[y * width + x - d] < t || v[y * width + x + d] < t
                    || v[(y - d) * width + x] < t || v[(y + d) * width + x] < t) {
                return true;
            }
        }
        return false;
    }

    /** The photograph scaled to fit {@code maxSide}, as RGB. */
    public static BufferedImage scaled(BufferedImage photo, int maxSide) {
        double s = Math.min(1.0, (double) maxSide / Math.max(photo.getWidth(), photo.getHeight()));
        int w = Math.max(1, (int) Math.round(photo.getWidth() * s));
        int h = Math.max(1, (int) Math.round(photo.getHeight() * s));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(photo, 0, 0, w, h, null);
        g.dispose();
        return out;
    }

    /**
     * The report's overlay: the photograph (scaled to {@code maxSide}), the map at {@code opacity}, and
     * each finding's box labelled with its id, coloured by decision (rejected ones dashed).
     */
    public static BufferedImage overlay(BufferedImage photo, TileGrid grid, float[] map, MapStyle style, double opacity,
                                        List<FindingReview> findings, int maxSide) {
        BufferedImage out = scaled(photo, maxSide);
        int w = out.getWidth();
        int h = out.getHeight();
        double s = (double) w / photo.getWidth();
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setComposite(java.awt.AlphaComposite.getInstance(java.awt.AlphaComposite.SRC_OVER, (float) opacity));
        g.drawImage(render(grid, map, w, h, style), 0, 0, null);
        g.setComposite(java.awt.AlphaComposite.SrcOver);
        float line = Math.max(2f, w / 500f);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(12, w / 60)));
        for (FindingReview f : findings) {
            Color c = colour(f.decision());
            g.setStroke(f.decision() == Decision.REJECTED
                    ? new BasicStroke(line, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {3 * line, 2 * line}, 0)
                    : new BasicStroke(line));
            int bx = (int) Math.round(f.x() * s);
            int by = (int) Math.round(f.y() * s);
            int bw = Math.max(2, (int) Math.round(f.width() * s));
            int bh = Math.max(2, (int) Math.round(f.height() * s));
            g.setColor(Color.BLACK);
            g.drawRect(bx + 1, by + 1, bw, bh);
            g.setColor(c);
            g.drawRect(bx, by, bw, bh);
            String label = String.valueOf(f.id());
            int tw = g.getFontMetrics().stringWidth(label) + 6;
            int th = g.getFontMetrics().getHeight();
            int ly = by - th >= 0 ? by - th : by;
            g.fillRect(bx, ly, tw, th);
            g.setColor(f.decision() == Decision.ACCEPTED ? Color.WHITE : Color.BLACK);
            g.drawString(label, bx + 3, ly + g.getFontMetrics().getAscent());
        }
        g.dispose();
        return out;
    }

    /** Box colours by decision: accepted red (corrosion confirmed), rejected grey, open amber. */
    public static Color colour(Decision d) {
        return switch (d) {
            case ACCEPTED -> new Color(0xCF222E);
            case REJECTED -> new Color(0xAFB8C1);
            case OPEN -> new Color(0xFFB000);
        };
    }
}
