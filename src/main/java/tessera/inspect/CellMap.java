package tessera.inspect;

/**
 * A tile map averaged over the overlaps at image resolution, stored exactly and compactly: the tile
 * borders cut the image into cells covered by the same tiles, so the average is constant per cell.
 * Cell (i, j) spans x in [xs[j], xs[j+1]) and y in [ys[i], ys[i+1]).
 */
public final class CellMap {

    private final TileGrid grid;
    private final int[] xs;
    private final int[] ys;
    private final float[] values;

    CellMap(TileGrid grid, float[] values) {
        this.grid = grid;
        this.xs = grid.cellXs();
        this.ys = grid.cellYs();
        if (values.length != cellCols() * cellRows()) {
            throw new IllegalArgumentException(values.length + " values for " + cellCols() * cellRows() + " cells");
        }
        this.values = values;
    }

    public TileGrid grid() {
        return grid;
    }

    public int cellCols() {
        return xs.length - 1;
    }

    public int cellRows() {
        return ys.length - 1;
    }

    public int cellCount() {
        return cellCols() * cellRows();
    }

    /** The value of cell (row, col). */
    public float cell(int row, int col) {
        return values[row * cellCols() + col];
    }

    public float cell(int index) {
        return values[index];
    }

    public int cellX(int col) {
        return xs[col];
    }

    public int cellY(int row) {
        return ys[row];
    }

    public int cellWidth(int col) {
        return xs[col + 1] - xs[col];
    }

    public int cellHeight(int row) {
        return ys[row + 1] - ys[row];
    }

    public long cellArea(int index) {
        return (long) cellWidth(index % cellCols()) * cellHeight(index / cellCols());
    }

    /** The cell column holding pixel column x (binary search over the boundaries). */
    public int cellColumnOf(int x) {
        return locate(xs, x);
    }

    public int cellRowOf(int y) {
        return locate(ys, y);
    }

    private static int locate(int[] cuts, int p) {
        int lo = 0;
        int hi = cuts.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (cuts[mid] <= p) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The overlap-averaged value at image pixel (x, y). */
    public float at(int x, int y) {
        return cell(cellRowOf(y), cellColumnOf(x));
    }

    /** Every pixel of the image, row-major: width × height floats. */
    public float[] pixels() {
        int w = grid.imageWidth();
        float[] out = new float[w * grid.imageHeight()];
        for (int i = 0; i < cellRows(); i++) {
            for (int y = ys[i]; y < ys[i + 1]; y++) {
                int row = y * w;
                for (int j = 0; j < cellCols(); j++) {
                    java.util.Arrays.fill(out, row + xs[j], row + xs[j + 1], cell(i, j));
                }
            }
        }
        return out;
    }

    /**
     * The map at a display size: each output pixel takes the value at the image pixel under its
     * centre. Exact when the size is the image's own.
     */
    public float[] resampled(int width, int height) {
        int[] colOf = new int[width];
        for (int x = 0; x < width; x++) {
            int ix = (int) Math.min(grid.imageWidth() - 1, (long) Math.floor((x + 0.5) * grid.imageWidth() / width));
            colOf[x] = cellColumnOf(ix);
        }
        float[] out = new float[width * height];
        for (int y = 0; y < height; y++) {
            int iy = (int) Math.min(grid.imageHeight() - 1, (long) Math.floor((y + 0.5) * grid.imageHeight() / height));
            int row = cellRowOf(iy) * cellCols();
            for (int x = 0; x < width; x++) {
                out[y * width + x] = values[row + colOf[x]];
            }
        }
        return out;
    }

    public float max() {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }
}
