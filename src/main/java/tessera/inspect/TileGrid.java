package tessera.inspect;

import tessera.util.TesseraException;

import java.awt.Rectangle;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Square tiles laid over an image at a stride, in image pixels. The last column and row of tiles
 * are aligned to the image's right and bottom edges, so every pixel is covered by at least one
 * tile. Tile {@code i} sits at column {@code i % cols()}, row {@code i / cols()}.
 *
 * <p>The tile borders cut the image into rectangular cells; every pixel of a cell is covered by the
 * same tiles, so an overlap-averaged map is constant on each cell. {@link #cellXs()} and
 * {@link #cellYs()} are the cell boundaries.
 */
public final class TileGrid {

    private final int imageWidth;
    private final int imageHeight;
    private final int tileSize;
    private final int stride;
    private final int[] xs;
    private final int[] ys;
    private final int[] cellXs;
    private final int[] cellYs;

    public TileGrid(int imageWidth, int imageHeight, int tileSize, int stride) {
        if (tileSize < 1 || stride < 1) {
            throw new TesseraException("tile size and stride must be positive, got tile " + tileSize + ", stride " + stride);
        }
        if (stride > tileSize) {
            throw new TesseraException("stride " + stride + " is larger than the tile size " + tileSize
                    + ": pixels between tiles would never be inspected");
        }
        if (imageWidth < tileSize || imageHeight < tileSize) {
            throw new TesseraException("image of " + imageWidth + "x" + imageHeight + " pixels is smaller than one "
                    + tileSize + "x" + tileSize + " tile");
        }
        this.imageWidth = imageWidth;
        this.imageHeight = imageHeight;
        this.tileSize = tileSize;
        this.stride = stride;
        this.xs = starts(imageWidth, tileSize, stride);
        this.ys = starts(imageHeight, tileSize, stride);
        this.cellXs = cuts(xs, tileSize);
        this.cellYs = cuts(ys, tileSize);
    }

    private static int[] starts(int length, int tile, int stride) {
        int regular = (length - tile) / stride + 1;
        boolean edge = (regular - 1) * stride + tile < length;
        int[] s = new int[regular + (edge ? 1 : 0)];
        for (int i = 0; i < regular; i++) {
            s[i] = i * stride;
        }
        if (edge) {
            s[regular] = length - tile;
        }
        return s;
    }

    private static int[] cuts(int[] starts, int tile) {
        TreeSet<Integer> set = new TreeSet<>();
        for (int s : starts) {
            set.add(s);
            set.add(s + tile);
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    public int imageWidth() {
        return imageWidth;
    }

    public int imageHeight() {
        return imageHeight;
    }

    public int tileSize() {
        return tileSize;
    }

    public int stride() {
        return stride;
    }

    public int cols() {
        return xs.length;
    }

    public int rows() {
        return ys.length;
    }

    public int tileCount() {
        return xs.length * ys.length;
    }

    /** Left edge of the tiles in column {@code col}. */
    public int x(int col) {
        return xs[col];
    }

    /** Top edge of the tiles in row {@code row}. */
    public int y(int row) {
        return ys[row];
    }

    public int[] xs() {
        return xs.clone();
    }

    public int[] ys() {
        return ys.clone();
    }

    public int index(int col, int row) {
        return row * xs.length + col;
    }

    public Rectangle tile(int index) {
        return new Rectangle(xs[index % xs.length], ys[index / xs.length], tileSize, tileSize);
    }

    /** Whether the last column (row) was moved left (up) to meet the edge, off the stride. */
    public boolean edgeAlignedColumn() {
        return xs.length > 1 && xs[xs.length - 1] != (xs.length - 1) * stride;
    }

    public boolean edgeAlignedRow() {
        return ys.length > 1 && ys[ys.length - 1] != (ys.length - 1) * stride;
    }

    /** Cell boundaries along x: 0, ..., imageWidth; cell j spans [cellXs[j], cellXs[j+1]). */
    public int[] cellXs() {
        return cellXs.clone();
    }

    public int[] cellYs() {
        return cellYs.clone();
    }

    /** The first and last (inclusive) tile column covering pixels of x-cell {@code j}. */
    int[] columnsCovering(int cellIndex) {
        return covering(xs, cellXs[cellIndex], tileSize);
    }

    int[] rowsCovering(int cellIndex) {
        return covering(ys, cellYs[cellIndex], tileSize);
    }

    private static int[] covering(int[] starts, int pixel, int tile) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < starts.length; i++) {
            if (starts[i] <= pixel && pixel < starts[i] + tile) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return new int[] {first, last};
    }

    /** How many tiles cover pixel (x, y). */
    public int coverage(int x, int y) {
        int c = 0;
        for (int col : xs) {
            if (col <= x && x < col + tileSize) {
                c++;
            }
        }
        int r = 0;
        for (int row : ys) {
            if (row <= y && y < row + tileSize) {
                r++;
            }
        }
        return c * r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TileGrid g && g.imageWidth == imageWidth && g.imageHeight == imageHeight
                && g.tileSize == tileSize && g.stride == stride;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {imageWidth, imageHeight, tileSize, stride});
    }

    @Override
    public String toString() {
        return cols() + "x" + rows() + " tiles of " + tileSize + " px at stride " + stride + " over "
                + imageWidth + "x" + imageHeight;
    }
}
