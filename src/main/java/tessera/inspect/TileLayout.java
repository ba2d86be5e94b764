package tessera.inspect;

/**
 * The tile grid in the scaled image the model sees: tile origins and the tile side in model
 * pixels. Each origin is the image-pixel origin times the scale, rounded, and kept inside the
 * scaled image.
 */
record TileLayout(TileGrid grid, double scale, int inputSize, int scaledWidth, int scaledHeight, int[] xs, int[] ys) {

    static TileLayout of(TileGrid grid, double scale, int inputSize, int scaledWidth, int scaledHeight) {
        int[] xs = new int[grid.cols()];
        for (int c = 0; c < xs.length; c++) {
            xs[c] = clamp((int) Math.round(grid.x(c) * scale), scaledWidth - inputSize);
        }
        int[] ys = new int[grid.rows()];
        for (int r = 0; r < ys.length; r++) {
            ys[r] = clamp((int) Math.round(grid.y(r) * scale), scaledHeight - inputSize);
        }
        return new TileLayout(grid, scale, inputSize, scaledWidth, scaledHeight, xs, ys);
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(max, v));
    }

    int tiles() {
        return xs.length * ys.length;
    }
}
