package tessera.evaluate;

import tessera.util.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Draws an {@link Agreement} matrix as a PNG heat map with plain Java2D (the core stays free of
 * JavaFX): one cell per member pair, coloured from the lowest off-diagonal agreement (light) to
 * 1 (dark), with the value written in each cell and the statistics below.
 */
public final class AgreementHeatMap {

    private static final int CELL = 72;
    private static final int MARGIN = 130;

    private AgreementHeatMap() {
    }

    public static BufferedImage draw(Agreement a) {
        int t = a.members().size();
        int width = MARGIN + t * CELL + 30;
        int height = 50 + MARGIN + t * CELL + 110;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString("Pairwise agreement: " + a.of(), 10, 28);
            double low = 1;
            for (int s = 0; s < t; s++) {
                for (int u = 0; u < t; u++) {
                    if (s != u) {
                        low = Math.min(low, a.agreement()[s][u]);
                    }
                }
            }
            // Stretch the colours over the off-diagonal range: members usually agree on 85-95 %.
            double range = Math.max(1e-6, 1 - low);
            int top = 50 + MARGIN;
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            FontMetrics fm = g.getFontMetrics();
            for (int s = 0; s < t; s++) {
                String name = shorten(a.members().get(s), fm, MARGIN - 10);
                g.setColor(Color.BLACK);
                g.drawString(name, MARGIN - 8 - fm.stringWidth(name), top + s * CELL + CELL / 2 + fm.getAscent() / 2);
                Graphics2D rotated = (Graphics2D) g.create();
                rotated.translate(MARGIN + s * CELL + CELL / 2 + fm.getAscent() / 2, top - 8);
                rotated.rotate(-Math.PI / 2);
                rotated.drawString(name, 0, 0);
                rotated.dispose();
                for (int u = 0; u < t; u++) {
                    double v = a.agreement()[s][u];
                    double level = Math.max(0, Math.min(1, (v - low) / range));
                    Color colour = ramp(level);
                    int x = MARGIN + u * CELL;
                    int y = top + s * CELL;
                    g.setColor(colour);
                    g.fillRect(x, y, CELL, CELL);
                    g.setColor(level > 0.55 ? Color.WHITE : Color.BLACK);
                    String text = String.format(Locale.ROOT, "%.1f%%", 100 * v);
                    g.drawString(text, x + (CELL - fm.stringWidth(text)) / 2, y + CELL / 2 + fm.getAscent() / 2 - 2);
                }
            }
            g.setColor(Color.DARK_GRAY);
            g.setStroke(new BasicStroke(1));
            g.drawRect(MARGIN, top, t * CELL, t * CELL);
            int y = top + t * CELL + 24;
            g.setColor(Color.BLACK);
            for (String line : new String[] {
                    String.format(Locale.ROOT, "mean pairwise disagreement %.2f%%   unanimous %.2f%%",
                            100 * a.meanPairwiseDisagreement(), 100 * a.unanimous()),
                    String.format(Locale.ROOT, "mean member accuracy %.2f%%   oracle (any member right) %.2f%%",
                            100 * a.meanMemberAccuracy(), 100 * a.oracleAccuracy()),
                    String.format(Locale.ROOT, "colour: %.1f%% (light) to 100%% (dark)", 100 * low)}) {
                g.drawString(line, 10, y);
                y += 20;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    public static void write(Path file, Agreement a) throws IOException {
        BufferedImage image = draw(a);
        AtomicFiles.write(file, out -> ImageIO.write(image, "png", out));
    }

    /** From a pale yellow to a dark blue through green (viridis-like, readable in grey print too). */
    static Color ramp(double level) {
        float[][] stops = {{253, 231, 37}, {94, 201, 98}, {33, 145, 140}, {59, 82, 139}, {68, 1, 84}};
        double x = level * (stops.length - 1);
        int k = Math.min(stops.length - 2, (int) x);
        double f = x - k;
        int[] rgb = new int[3];
        for (int i = 0; i < 3; i++) {
            rgb[i] = (int) Math.round(stops[k][i] + f * (stops[k + 1][i] - stops[k][i]));
        }
        return new Color(rgb[0], rgb[1], rgb[2]);
    }

    private static String shorten(String s, FontMetrics fm, int width) {
        String out = s;
        while (fm.stringWidth(out) > width && out.length() > 4) {
            out = "…" + out.substring(2);
        }
        return out;
    }
}
