package tessera.inspect;

import tessera.fusion.Fusion;
import tessera.fusion.FusionMethod;
import tessera.util.TesseraException;

/**
 * Maps computed from per-tile probabilities of the positive class: the fused ensemble map (any
 * fusion method), the vote map, the disagreement map, and the overlap average at image
 * resolution. All plain arithmetic on arrays, cheap enough to redo whenever the method changes.
 */
public final class HeatMaps {

    private HeatMaps() {
    }

    /**
     * The teachers' decision fused tile by tile. Each teacher's tile is the two-class row
     * (1 - p, p), negative versus positive, so every rule of formats.md applies as written; the
     * result is the fused score of the positive class.
     *
     * @param teachers {@code [teacher][tile]} positive-class probabilities
     * @param weights  one per teacher for the weighted rules; null means all 1
     */
    public static float[] fuse(FusionMethod method, float[][] teachers, double[] weights) {
        int tiles = checkShape(teachers);
        int members = teachers.length;
        double[] w = method.usesWeights() ? weights : null;
        float[] fused = new float[tiles];
        double[][] sample = new double[members][2];
        for (int i = 0; i < tiles; i++) {
            for (int t = 0; t < members; t++) {
                double p = Math.min(1, Math.max(0, teachers[t][i]));
                sample[t][0] = 1 - p;
                sample[t][1] = p;
            }
            fused[i] = (float) Fusion.fuseSample(method, sample, w)[1];
        }
        return fused;
    }

    /** How many teachers reach the threshold on each tile. */
    public static int[] votes(float[][] teachers, double threshold) {
        int tiles = checkShape(teachers);
        int[] votes = new int[tiles];
        // Compared as floats, like the maps themselves: 0.7f counts at a threshold of 0.7.
        float t = (float) threshold;
        for (float[] teacher : teachers) {
            for (int i = 0; i < tiles; i++) {
                if (teacher[i] >= t) {
                    votes[i]++;
                }
            }
        }
        return votes;
    }

    /** The spread of the teachers' probabilities per tile: their standard deviation (population, 0..0.5). */
    public static float[] disagreement(float[][] teachers) {
        int tiles = checkShape(teachers);
        int n = teachers.length;
        float[] std = new float[tiles];
        for (int i = 0; i < tiles; i++) {
            double mean = 0;
            for (float[] teacher : teachers) {
                mean += teacher[i];
            }
            mean /= n;
            double var = 0;
            for (float[] teacher : teachers) {
                double d = teacher[i] - mean;
                var += d * d;
            }
            std[i] = (float) Math.sqrt(var / n);
        }
        return std;
    }

    public static float[] asFloats(int[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            f[i] = values[i];
        }
        return f;
    }

    /**
     * The tile map averaged over overlapping tiles at image resolution: each pixel gets the mean of
     * the values of every tile covering it, exactly.
     */
    public static CellMap overlapAverage(TileGrid grid, float[] tileValues) {
        if (tileValues.length != grid.tileCount()) {
            throw new TesseraException(tileValues.length + " tile values for a grid of " + grid.tileCount() + " tiles");
        }
        int cellCols = grid.cellXs().length - 1;
        int cellRows = grid.cellYs().length - 1;
        int[][] colRange = new int[cellCols][];
        for (int j = 0; j < cellCols; j++) {
            colRange[j] = grid.columnsCovering(j);
        }
        float[] cells = new float[cellCols * cellRows];
        int cols = grid.cols();
        for (int i = 0; i < cellRows; i++) {
            int[] rows = grid.rowsCovering(i);
            for (int j = 0; j < cellCols; j++) {
                int[] cs = colRange[j];
                double sum = 0;
                for (int r = rows[0]; r <= rows[1]; r++) {
                    for (int c = cs[0]; c <= cs[1]; c++) {
                        sum += tileValues[r * cols + c];
                    }
                }
                int count = (rows[1] - rows[0] + 1) * (cs[1] - cs[0] + 1);
                cells[i * cellCols + j] = (float) (sum / count);
            }
        }
        return new CellMap(grid, cells);
    }

    /** The overlap average written out pixel by pixel (width × height floats, row-major). */
    public static float[] upsample(TileGrid grid, float[] tileValues) {
        return overlapAverage(grid, tileValues).pixels();
    }

    private static int checkShape(float[][] teachers) {
        if (teachers == null || teachers.length == 0) {
            throw new TesseraException("no teacher maps given");
        }
        int tiles = teachers[0].length;
        for (int t = 1; t < teachers.length; t++) {
            if (teachers[t].length != tiles) {
                throw new TesseraException("teacher " + t + " has " + teachers[t].length + " tiles, teacher 0 has " + tiles);
            }
        }
        return tiles;
    }
}
