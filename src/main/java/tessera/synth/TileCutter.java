package tessera.synth;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Cuts a picture into tiles on a grid and labels each from the mask: {@code corrosion} (or
 * {@code severity-k}) when at least the threshold share of its pixels is corroded, {@code clean}
 * when none is, and left out when in between. All corrosion tiles are kept; clean tiles are
 * sampled so that they do not swamp them: {@code cleanRatio} times the picture's corrosion
 * tiles, but at least {@code cleanRatio} times half of what the corrosion rate predicts, so
 * pictures without corrosion still contribute clean examples.
 */
final class TileCutter {

    static final String CLEAN = "clean";
    static final String CORROSION = "corrosion";

    record Tile(int x, int y, String label, BufferedImage image) {
    }

    private TileCutter() {
    }

    /** The label a tile at (x, y) gets from the mask, or null when it is ambiguous. */
    static String label(byte[] mask, int maskWidth, int x, int y, int tile, double threshold, boolean severityClasses) {
        int[] counts = new int[4];
        for (int ty = y; ty < y + tile; ty++) {
            int row = ty * maskWidth;
            for (int tx = x; tx < x + tile; tx++) {
                counts[Math.min(3, mask[row + tx] & 0xFF)]++;
            }
        }
        int corroded = counts[1] + counts[2] + counts[3];
        if (corroded == 0) {
            return CLEAN;
        }
        if (corroded < threshold * tile * tile) {
            return null;
        }
        if (!severityClasses) {
            return CORROSION;
        }
        int severity = 1;
        for (int s = 2; s <= 3; s++) {
            if (counts[s] >= counts[severity]) {
                severity = s; // the severity most of its corroded pixels have, the higher on a tie
            }
        }
        return "severity-" + severity;
    }

    static List<Tile> cut(SynthImage picture, SynthSettings settings, SplittableRandom random) {
        int tile = settings.tile();
        int cols = picture.width() / tile;
        int rows = picture.height() / tile;
        List<Tile> corroded = new ArrayList<>();
        List<int[]> clean = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                int x = col * tile;
                int y = row * tile;
                String label = label(picture.mask(), picture.width(), x, y, tile, settings.tileThreshold(),
                        settings.severityClasses());
                if (label == null) {
                    continue;
                }
                if (label.equals(CLEAN)) {
                    clean.add(new int[] {x, y});
                } else {
                    corroded.add(new Tile(x, y, label, crop(picture.image(), x, y, tile)));
                }
            }
        }
        int predicted = (int) Math.round(settings.corrosionRate() * cols * rows / 2);
        int quota = (int) Math.round(settings.cleanRatio() * Math.max(corroded.size(), Math.max(1, predicted)));
        // A seeded partial shuffle picks the clean tiles; the kept ones are written in grid order.
        for (int i = 0; i < Math.min(quota, clean.size()); i++) {
            int j = i + random.nextInt(clean.size() - i);
            int[] swap = clean.get(i);
            clean.set(i, clean.get(j));
            clean.set(j, swap);
        }
        List<int[]> keptClean = new ArrayList<>(clean.subList(0, Math.min(quota, clean.size())));
        keptClean.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[0], b[0]));
        List<Tile> tiles = new ArrayList<>(corroded);
        for (int[] c : keptClean) {
            tiles.add(new Tile(c[0], c[1], CLEAN, crop(picture.image(), c[0], c[1], tile)));
        }
        return tiles;
    }

    private static BufferedImage crop(BufferedImage image, int x, int y, int tile) {
        BufferedImage out = new BufferedImage(tile, tile, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, tile, tile, image.getRGB(x, y, tile, tile, null, 0, tile), 0, tile);
        return out;
    }
}
