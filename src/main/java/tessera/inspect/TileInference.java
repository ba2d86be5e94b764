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

    /** Scaled pixels per band on the fully convolutional path: bounds the feature maps' memory. */
    static final long BAND_PIXELS = 1L << 20;

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
        float[][][] out = allocate(models, tiles);
        List<int[]> colGroups = groups(layout.xs(), scaledStride);
        List<int[]> rowGroups = groups(layout.ys(), scaledStride);
        long work = 0;
        long total = (long) models.size() * tiles;
        for (int m = 0; m < models.size(); m++) {
            Classifier model = models.get(m);
            DenseNetwork dense = denses.get(m);
            float[][] lut = ScaledImage.lookup(model.normalization());
            int classes = model.classes();
            for (int[] rg : rowGroups) {
                for (int[] cg : colGroups) {
                    int width = (cg[1] - 1) * scaledStride + ts;
                    // Bands of tile rows, each a separate pass: the feature maps stay within BAND_PIXELS.
                    int bandRows = (int) Math.max(1, Math.min(rg[1], ((BAND_PIXELS / width) - ts) / scaledStride + 1));
                    for (int r0 = 0; r0 < rg[1]; r0 += bandRows) {
                        checkCancelled(cancel);
                        int nr = Math.min(bandRows, rg[1] - r0);
                        int height = (nr - 1) * scaledStride + ts;
                        int x0 = layout.xs()[cg[0]];
                        int y0 = layout.ys()[rg[0] + r0];
                        float[] data = new float[image.channels() * height * width];
                        image.copyNormalised(x0, y0, width, height, lut, data, 0);
                        try (NDManager band = model.model().getNDManager().newSubManager()) {
                            NDArray x = band.create(data, new Shape(1, image.channels(), height, width));
                            NDList logits = dense.logits(new ParameterStore(band, false), x, ts, scaledStride);
                            for (int h = 0; h < dense.headCount(); h++) {
                                float[] l = logits.get(h).toFloatArray();
                                float[] p = new float[l.length];
                                softmaxInto(l, classes, p, 0);
                                for (int i = 0; i < nr; i++) {
                                    for (int j = 0; j < cg[1]; j++) {
                                        int tile = (rg[0] + r0 + i) * cols + cg[0] + j;
                                        System.arraycopy(p, (i * cg[1] + j) * classes, out[m][h], tile * classes, classes);
                                    }
                                }
                            }
                        }
                        work += (long) nr * cg[1];
                        progress.update(phase, work, total);
                    }
                }
            }
        }
        return out;
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
