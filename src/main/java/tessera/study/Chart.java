package tessera.study;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;

/**
 * Small Java2D line and scatter panels (the core has no JavaFX): axes with ticks, series of
 * points with ± error bars, a legend. Coordinates are data values; the y axis is accuracy in %.
 */
final class Chart {

    static final Color[] PALETTE = {
            new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
            new Color(0xff7f0e), new Color(0x8c564b), new Color(0x7f7f7f), new Color(0x17becf)};

    /** One series: points (x, y ± err), drawn joined by lines unless {@code pointsOnly}. */
    record Series(String name, Color color, double[] x, double[] y, double[] err, boolean dashed, boolean pointsOnly) {
    }

    private static final int LEFT = 58;
    private static final int RIGHT = 14;
    private static final int TOP = 30;
    private static final int BOTTOM = 44;

    private Chart() {
    }

    static BufferedImage canvas(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        return g;
    }

    /** A panel at (ox, oy) of the given size; {@code logX} puts x on a log10 scale. */
    static void panel(Graphics2D g, int ox, int oy, int w, int h, String title, String xLabel, String yLabel,
                      double[] xRange, double[] yRange, double[] xTicks, boolean logX, List<Series> series) {
        int px = ox + LEFT;
        int py = oy + TOP;
        int pw = w - LEFT - RIGHT;
        int ph = h - TOP - BOTTOM;
        g.setColor(Color.BLACK);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 13f));
        g.drawString(title, ox + LEFT, oy + 18);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 11f));
        FontMetrics fm = g.getFontMetrics();
        // y grid and ticks
        double[] yTicks = niceTicks(yRange[0], yRange[1], 6);
        for (double t : yTicks) {
            int y = yPixel(t, yRange, py, ph);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(px, y, px + pw, y);
            g.setColor(Color.BLACK);
            String s = format(t);
            g.drawString(s, px - 6 - fm.stringWidth(s), y + fm.getAscent() / 2 - 1);
        }
        for (double t : xTicks) {
            int x = xPixel(t, xRange, logX, px, pw);
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(x, py, x, py + ph);
            g.setColor(Color.BLACK);
            String s = logX ? compact(t) : format(t);
            g.drawString(s, x - fm.stringWidth(s) / 2, py + ph + fm.getAscent() + 4);
        }
        g.setColor(Color.BLACK);
        g.drawRect(px, py, pw, ph);
        g.drawString(xLabel, px + pw / 2 - fm.stringWidth(xLabel) / 2, py + ph + 34);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, ox + 14, py + ph / 2.0);
        g.drawString(yLabel, ox + 14 - fm.stringWidth(yLabel) / 2, py + ph / 2 + 4);
        g.setTransform(saved);

        for (Series s : series) {
            g.setColor(s.color());
            g.setStroke(s.dashed() ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2f));
            int prevX = Integer.MIN_VALUE;
            int prevY = 0;
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.y()[i])) {
                    prevX = Integer.MIN_VALUE;
                    continue;
                }
                int x = xPixel(s.x()[i], xRange, logX, px, pw);
                int y = yPixel(s.y()[i], yRange, py, ph);
                if (!s.pointsOnly() && prevX != Integer.MIN_VALUE) {
                    g.drawLine(prevX, prevY, x, y);
                }
                g.fillOval(x - 3, y - 3, 7, 7);
                if (s.err() != null && Double.isFinite(s.err()[i]) && s.err()[i] > 0) {
                    int lo = yPixel(s.y()[i] - s.err()[i], yRange, py, ph);
                    int hi = yPixel(s.y()[i] + s.err()[i], yRange, py, ph);
                    g.setStroke(new BasicStroke(1.2f));
                    g.drawLine(x, lo, x, hi);
                    g.drawLine(x - 4, lo, x + 4, lo);
                    g.drawLine(x - 4, hi, x + 4, hi);
                    g.setStroke(new BasicStroke(2f));
                }
                prevX = x;
                prevY = y;
            }
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** A legend in rows starting at (ox, oy), wrapping at width w. */
    static void legend(Graphics2D g, int ox, int oy, int w, List<Series> series) {
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 12f));
        FontMetrics fm = g.getFontMetrics();
        int x = ox + LEFT;
        int y = oy + 14;
        for (Series s : series) {
            int itemWidth = 26 + fm.stringWidth(s.name()) + 18;
            if (x + itemWidth > ox + w && x > ox + LEFT) {
                x = ox + LEFT;
                y += 18;
            }
            g.setColor(s.color());
            g.setStroke(s.dashed() ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 3f}, 0f)
                    : new BasicStroke(2f));
            g.drawLine(x, y - 4, x + 20, y - 4);
            g.fillOval(x + 7, y - 7, 7, 7);
            g.setColor(Color.BLACK);
            g.drawString(s.name(), x + 26, y);
            x += itemWidth;
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** The y range covering every point and error bar, padded, in whole steps. */
    static double[] range(List<Series> series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.y().length; i++) {
                double v = s.y()[i];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double e = s.err() != null && Double.isFinite(s.err()[i]) ? s.err()[i] : 0;
                lo = Math.min(lo, v - e);
                hi = Math.max(hi, v + e);
            }
        }
        if (!Double.isFinite(lo)) {
            return new double[] {0, 100};
        }
        double pad = Math.max(0.5, (hi - lo) * 0.08);
        return new double[] {Math.floor(lo - pad), Math.ceil(hi + pad)};
    }

    static double[] niceTicks(double lo, double hi, int count) {
        double raw = (hi - lo) / count;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw / magnitude < 1.5 ? 1 : raw / magnitude < 3 ? 2 : raw / magnitude < 7 ? 5 : 10);
        int first = (int) Math.ceil(lo / step);
        int last = (int) Math.floor(hi / step);
        double[] ticks = new double[Math.max(0, last - first + 1)];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = (first + i) * step;
        }
        return ticks;
    }

    static int xPixel(double v, double[] range, boolean log, int px, int pw) {
        double lo = log ? Math.log10(range[0]) : range[0];
        double hi = log ? Math.log10(range[1]) : range[1];
        double x = log ? Math.log10(v) : v;
        return px + (int) Math.round((x - lo) / (hi - lo) * pw);
    }

    static int yPixel(double v, double[] range, int py, int ph) {
        return py + ph - (int) Math.round((v - range[0]) / (range[1] - range[0]) * ph);
    }

    static String format(double v) {
        return Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.2f", v)
                .replaceAll("0+$", "");
    }

    /** 1.2M, 350k: MAC counts on a log axis. */
    static String compact(double v) {
        if (v >= 1e9) {
            return format(Math.round(v / 1e8) / 10.0) + "G";
        }
        if (v >= 1e6) {
            return format(Math.round(v / 1e5) / 10.0) + "M";
        }
        if (v >= 1e3) {
            return format(Math.round(v / 1e2) / 10.0) + "k";
        }
        return format(v);
    }
}
