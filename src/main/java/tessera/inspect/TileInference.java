package tessera.inspect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import tessera.model.Classifier;
import tessera.train.CancellationToken;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Runs classifiers over every tile of a scaled image and returns class probabilities
 * {@code [model][head][tile * classes + class]}, tile-wise (crops in batches) or fully
 * convolutionally (bands of the image through the trunk once). Native memory is bounded by a
 * sub-manager per batch or band.
 */
final class TileInference {

    /** Tiles per side of a block on the fully convolutional path (144 model pixels at stride 16). */
    static final int BLOCK_TILES = Integer.getInteger("tessera.inspect.blockTiles", 8);
    /** Blocks per forward pass: bounds the feature maps' memory. */
    static final int BLOCK_BATCH = 16;

    private TileInference() {
    }

    static float[][][] tiled(List<Classifier> models, ScaledImage image, TileLayout layout, int batchSize,
                             CancellationToken cancel, InspectionProgress progress, String phase) {
        int tiles = layout.tiles();
        int cols = layout.xs().length;
        int ts = layout.inputSize();
        int c = image.channels();
        int sample = c * ts * ts;
        float[][][] out = allocate(models, tiles);
        float[][][] luts = new float[models.size()][][];
        for (int m = 0; m < models.size(); m++) {
            luts[m] = ScaledImage.lookup(models.get(m).normalization());
        }
        float[] buffer = new float[batchSize * sample];
        for (int from = 0; from < tiles; from += batchSize) {
            checkCancelled(cancel);
            int to = Math.min(tiles, from + batchSize);
            int n = to - from;
            float[][] prev = null;
            for (int m = 0; m < models.size(); m++) {
                Classifier model = models.get(m);
                // Models usually share a normalisation: fill the batch once for all of them.
                if (prev != luts[m] && !sameLut(prev, luts[m])) {
                    for (int i = from; i < to; i++) {
                        image.copyNormalised(layout.xs()[i % cols], layout.ys()[i / cols], ts, ts, luts[m], buffer, (i - from) * sample);
                    }
                    prev = luts[m];
                }
                try (NDManager batch = model.model().getNDManager().newSubManager()) {
                    float[] data = n == batchSize ? buffer : Arrays.copyOf(buffer, n * sample);
                    NDArray x = batch.create(data, new Shape(n, c, ts, ts));
                    NDList logits = model.network().forward(new ParameterStore(batch, false), new NDList(x), false);
                    for (int h = 0; h < model.heads(); h++) {
                        softmaxInto(logits.get(h).toFloatArray(), model.classes(), out[m][h], from * model.classes());
                    }
                }
            }
            progress.update(phase, to, tiles);
        }
        return out;
    }

    /** Whether the fully convolutional path reproduces this layout: tile and stride fall on the feature grid. */
    static boolean denseApplicable(DenseNetwork dense, TileLayout layout, int scaledStride) {
        int d = dense.downsampling();
        return layout.inputSize() % d == 0 && (scaledStride % d == 0 || (layout.xs().length == 1 && layout.ys().length == 1));
    }

    static float[][][] dense(List<Classifier> models, List<DenseNetwork> denses, ScaledImage image, TileLayout layout,
                             int scaledStride, CancellationToken cancel, InspectionProgress progress, String phase) {
        int tiles = layout.tiles();
        int cols = layout.xs().length;
        int ts = layout.inputSize();
        int channels = image.channels();
        float[][][] out = allocate(models, tiles);
        List<Block> blocks = blocks(layout, scaledStride);
        long work = 0;
        long total = (long) models.size() * tiles;
        for (int m = 0; m < models.size(); m++) {
            Classifier model = models.get(m);
            DenseNetwork dense = denses.get(m);
            float[][] lut = ScaledImage.lookup(model.normalization());
            int classes = model.classes();
            // Blocks of one shape go through the trunk together, BLOCK_BATCH at a time.
            for (int from = 0; from < blocks.size(); ) {
                checkCancelled(cancel);
                Block first = blocks.get(from);
                int to = from + 1;
                while (to < blocks.size() && to - from < BLOCK_BATCH && blocks.get(to).sameShape(first)) {
                    to++;
                }
                int n = to - from;
                int h = (first.rows - 1) * scaledStride + ts;
                int w = (first.cols - 1) * scaledStride + ts;
                int sample = channels * h * w;
                float[] data = new float[n * sample];
                for (int k = 0; k < n; k++) {
                    Block b = blocks.get(from + k);
                    image.copyNormalised(layout.xs()[b.col], layout.ys()[b.row], w, h, lut, data, k * sample);
                }
                try (NDManager batch = model.model().getNDManager().newSubManager()) {
                    NDArray x = batch.create(data, new Shape(n, channels, h, w));
                    NDList logits = dense.logits(new ParameterStore(batch, false), x, ts, scaledStride);
                    int perBlock = first.rows * first.cols;
                    for (int hd = 0; hd < dense.headCount(); hd++) {
                        float[] l = logits.get(hd).toFloatArray();
                        float[] p = new float[l.length];
                        softmaxInto(l, classes, p, 0);
                        for (int k = 0; k < n; k++) {
                            Block b = blocks.get(from + k);
                            for (int i = 0; i < b.rows; i++) {
                                for (int j = 0; j < b.cols; j++) {
                                    int tile = (b.row + i) * cols + b.col + j;
                                    System.arraycopy(p, (k * perBlock + i * b.cols + j) * classes, out[m][hd], tile * classes, classes);
                                }
                            }
                        }
                    }
                }
                work += (long) n * first.rows * first.cols;
                progress.update(phase, work, total);
                from = to;
            }
        }
        return out;
    }

    /**
     * Blocks of at most BLOCK_TILES × BLOCK_TILES tiles, each inside one run of evenly spaced rows and
     * columns, sorted by shape so that equal blocks batch together. Blocks the size of a few
     * hundred model pixels keep the feature maps in cache, which whole-image bands do not.
     */
    static List<Block> blocks(TileLayout layout, int scaledStride) {
        List<Block> blocks = new ArrayList<>();
        for (int[] rg : groups(layout.ys(), scaledStride)) {
            for (int[] cg : groups(layout.xs(), scaledStride)) {
                for (int r = 0; r < rg[1]; r += BLOCK_TILES) {
                    for (int c = 0; c < cg[1]; c += BLOCK_TILES) {
                        blocks.add(new Block(rg[0] + r, cg[0] + c, Math.min(BLOCK_TILES, rg[1] - r), Math.min(BLOCK_TILES, cg[1] - c)));
                    }
                }
            }
        }
        blocks.sort((a, b) -> a.rows != b.rows ? Integer.compare(b.rows, a.rows) : Integer.compare(b.cols, a.cols));
        return blocks;
    }

    /** A block of tiles: first tile row and column, and how many rows and columns. */
    record Block(int row, int col, int rows, int cols) {
        boolean sameShape(Block o) {
            return rows == o.rows && cols == o.cols;
        }
    }

    /** Runs of consecutive origins spaced exactly {@code stride} apart: {start index, count}. */
    static List<int[]> groups(int[] origins, int stride) {
        List<int[]> groups = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= origins.length; i++) {
            if (i == origins.length || origins[i] - origins[i - 1] != stride) {
                groups.add(new int[] {start, i - start});
                start = i;
            }
        }
        return groups;
    }

    private static float[][][] allocate(List<Classifier> models, int tiles) {
        float[][][] out = new float[models.size()][][];
        for (int m = 0; m < models.size(); m++) {
            out[m] = new float[models.get(m).heads()][tiles * models.get(m).classes()];
        }
        return out;
    }

    private static boolean sameLut(float[][] a, float[][] b) {
        return a != null && Arrays.deepEquals(a, b);
    }

    static void softmaxInto(float[] logits, int classes, float[] out, int offset) {
        for (int i = 0; i < logits.length; i += classes) {
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[i + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(logits[i + c] - max);
            }
            for (int c = 0; c < classes; c++) {
                out[offset + i + c] = (float) (Math.exp(logits[i + c] - max) / sum);
            }
        }
    }

    static void checkCancelled(CancellationToken cancel) {
        if (cancel != null && cancel.isCancelled()) {
            throw new CancellationException("inspection cancelled");
        }
    }
}
