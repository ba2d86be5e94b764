package tessera.synth;

/**
 * The pixels one corrosion region covers, collected while it is painted inside a planned box;
 * its tight bounding box and area become the region's record, and its pixels the mask.
 */
final class Footprint {

    final int x0;
    final int y0;
    final int width;
    final int height;
    private final boolean[] covered;

    /** A planned box, clipped to the image. */
    Footprint(int x0, int y0, int x1, int y1, int imageWidth, int imageHeight) {
        this.x0 = Math.max(0, x0);
        this.y0 = Math.max(0, y0);
        this.width = Math.max(0, Math.min(imageWidth, x1) - this.x0);
        this.height = Math.max(0, Math.min(imageHeight, y1) - this.y0);
        this.covered = new boolean[width * height];
    }

    void mark(int x, int y) {
        int lx = x - x0;
        int ly = y - y0;
        if (lx >= 0 && ly >= 0 && lx < width && ly < height) {
            covered[ly * width + lx] = true;
        }
    }

    /** Marks a filled disc. */
    void markDisc(float cx, float cy, float radius) {
        int xa = (int) Math.floor(cx - radius);
        int xb = (int) Math.ceil(cx + radius);
        int ya = (int) Math.floor(cy - radius);
        int yb = (int) Math.ceil(cy + radius);
        float r2 = radius * radius;
        for (int y = ya; y <= yb; y++) {
            for (int x = xa; x <= xb; x++) {
                float dx = x + 0.5f - cx;
                float dy = y + 0.5f - cy;
                if (dx * dx + dy * dy <= r2) {
                    mark(x, y);
                }
            }
        }
    }

    boolean covers(int x, int y) {
        int lx = x - x0;
        int ly = y - y0;
        return lx >= 0 && ly >= 0 && lx < width && ly < height && covered[ly * width + lx];
    }

    /** Writes the severity into the mask (keeping a higher value already there) and returns the region, or null if empty. */
    CorrosionRegion commit(CorrosionKind kind, int severity, byte[] mask, int imageWidth) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        long area = 0;
        for (int ly = 0; ly < height; ly++) {
            for (int lx = 0; lx < width; lx++) {
                if (!covered[ly * width + lx]) {
                    continue;
                }
                area++;
                int x = x0 + lx;
                int y = y0 + ly;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                int i = y * imageWidth + x;
                if ((mask[i] & 0xFF) < severity) {
                    mask[i] = (byte) severity;
                }
            }
        }
        if (area == 0) {
            return null;
        }
        return new CorrosionRegion(kind.id(), severity, minX, minY, maxX - minX + 1, maxY - minY + 1, area);
    }
}
