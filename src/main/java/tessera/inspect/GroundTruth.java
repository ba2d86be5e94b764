package tessera.inspect;

import tessera.util.TesseraException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;

/**
 * A ground-truth mask (any non-zero value is the positive class, e.g. a corrosion severity) with a
 * summed-area table for counting positive pixels in any rectangle, and its connected regions.
 */
public final class GroundTruth {

    private final int width;
    private final int height;
    private final boolean[] positive;
    private final long[] integral;
    private int[] regions;
    private int regionCount;
    private long[] regionAreas;

    public GroundTruth(int width, int height, boolean[] positive) {
        if (positive.length != width * height) {
            throw new IllegalArgumentException(positive.length + " mask values for " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.positive = positive;
        this.integral = new long[(width + 1) * (height + 1)];
        for (int y = 0; y < height; y++) {
            long row = 0;
            for (int x = 0; x < width; x++) {
                row += positive[y * width + x] ? 1 : 0;
                integral[(y + 1) * (width + 1) + x + 1] = integral[y * (width + 1) + x + 1] + row;
            }
        }
    }

    /** Reads a mask image; it must have the inspected image's size. */
    public static GroundTruth read(Path file, int expectedWidth, int expectedHeight) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new TesseraException(file + ": cannot read the mask (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new TesseraException(file + ": not an image ImageIO can read");
        }
        if (image.getWidth() != expectedWidth || image.getHeight() != expectedHeight) {
            throw new TesseraException(file + ": mask is " + image.getWidth() + "x" + image.getHeight()
                    + " but the image is " + expectedWidth + "x" + expectedHeight);
        }
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        boolean[] positive = new boolean[expectedWidth * expectedHeight];
        int[] row = new int[expectedWidth * bands];
        for (int y = 0; y < expectedHeight; y++) {
            raster.getPixels(0, y, expectedWidth, 1, row);
            for (int x = 0; x < expectedWidth; x++) {
                boolean any = false;
                for (int b = 0; b < Math.min(3, bands); b++) {
                    any |= row[x * bands + b] != 0;
                }
                positive[y * expectedWidth + x] = any;
            }
        }
        return new GroundTruth(expectedWidth, expectedHeight, positive);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public boolean positive(int x, int y) {
        return positive[y * width + x];
    }

    /** Positive pixels in [x0, x1) × [y0, y1). */
    public long count(int x0, int y0, int x1, int y1) {
        int w = width + 1;
        return integral[y1 * w + x1] - integral[y0 * w + x1] - integral[y1 * w + x0] + integral[y0 * w + x0];
    }

    public long positives() {
        return count(0, 0, width, height);
    }

    /** Region id per pixel (4-connected positive pixels), 1-based; 0 for negative pixels. */
    public int[] regionLabels() {
        labelRegions();
        return regions;
    }

    public int regionCount() {
        labelRegions();
        return regionCount;
    }

    /** Pixels of region {@code id} (1-based). */
    public long regionArea(int id) {
        labelRegions();
        return regionAreas[id];
    }

    private void labelRegions() {
        if (regions != null) {
            return;
        }
        int[] labels = new int[positive.length];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int next = 0;
        java.util.List<Long> areas = new java.util.ArrayList<>();
        areas.add(0L);
        for (int start = 0; start < positive.length; start++) {
            if (!positive[start] || labels[start] != 0) {
                continue;
            }
            next++;
            long area = 0;
            labels[start] = next;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                area++;
                int x = p % width;
                int y = p / width;
                if (x > 0 && positive[p - 1] && labels[p - 1] == 0) {
                    labels[p - 1] = next;
                    queue.add(p - 1);
                }
                if (x < width - 1 && positive[p + 1] && labels[p + 1] == 0) {
                    labels[p + 1] = next;
                    queue.add(p + 1);
                }
                if (y > 0 && positive[p - width] && labels[p - width] == 0) {
                    labels[p - width] = next;
                    queue.add(p - width);
                }
                if (y < height - 1 && positive[p + width] && labels[p + width] == 0) {
                    labels[p + width] = next;
                    queue.add(p + width);
                }
            }
            areas.add(area);
        }
        regions = labels;
        regionCount = next;
        regionAreas = areas.stream().mapToLong(Long::longValue).toArray();
    }
}
