package tessera.inspect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well one map (the student's, the fused ensemble's or a teacher's) matches ground truth,
 * accumulated over images: pixel counts of the thresholded overlap-averaged map, tile scores with
 * tile labels, and findings matched to ground-truth regions.
 */
public final class MapScore {

    private final String name;
    private long truePositives;
    private long falsePositives;
    private long falseNegatives;
    private final List<float[]> tileScores = new ArrayList<>();
    private final List<boolean[]> tileLabels = new ArrayList<>();
    private long findings;
    private long matchedFindings;
    private long regions;
    private long foundRegions;
    /** Per cell: score, area, positives, for calibrating the threshold afterwards. */
    private final List<float[]> cellScores = new ArrayList<>();
    private final List<long[]> cellAreas = new ArrayList<>();
    private final List<long[]> cellPositives = new ArrayList<>();

    public MapScore(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /**
     * Adds one image.
     *
     * @param minRegionPixels ground-truth regions smaller than this are not counted for recall
     * @param tilePositive    share of a tile's pixels that makes it a positive tile; tiles with some
     *                        positive pixels but less are ambiguous and left out (as in the tile data set)
     */
    public void add(TileGrid grid, float[] tiles, double threshold, GroundTruth truth, long minRegionPixels,
                    double tilePositive) {
        CellMap map = HeatMaps.overlapAverage(grid, tiles);
        int n = map.cellCount();
        float[] scores = new float[n];
        long[] areas = new long[n];
        long[] pos = new long[n];
        float t = (float) threshold;
        for (int c = 0; c < n; c++) {
            int row = c / map.cellCols();
            int col = c % map.cellCols();
            int x0 = map.cellX(col);
            int y0 = map.cellY(row);
            long area = map.cellArea(c);
            long p = truth.count(x0, y0, x0 + map.cellWidth(col), y0 + map.cellHeight(row));
            scores[c] = map.cell(c);
            areas[c] = area;
            pos[c] = p;
            if (map.cell(c) >= t) {
                truePositives += p;
                falsePositives += area - p;
            } else {
                falseNegatives += p;
            }
        }
        cellScores.add(scores);
        cellAreas.add(areas);
        cellPositives.add(pos);

        List<Float> s = new ArrayList<>();
        List<Boolean> l = new ArrayList<>();
        for (int i = 0; i < grid.tileCount(); i++) {
            java.awt.Rectangle r = grid.tile(i);
            long p = truth.count(r.x, r.y, r.x + r.width, r.y + r.height);
            if (p == 0 || p >= tilePositive * r.width * r.height) {
                s.add(tiles[i]);
                l.add(p > 0);
            }
        }
        float[] fs = new float[s.size()];
        boolean[] ls = new boolean[s.size()];
        for (int i = 0; i < fs.length; i++) {
            fs[i] = s.get(i);
            ls[i] = l.get(i);
        }
        tileScores.add(fs);
        tileLabels.add(ls);

        Findings found = Findings.detect(grid, tiles, threshold, new float[0][], threshold, null);
        int[] labels = truth.regionLabels();
        boolean[] regionFound = new boolean[truth.regionCount() + 1];
        boolean[] findingMatched = new boolean[found.size() + 1];
        int[] colOf = new int[truth.width()];
        for (int x = 0; x < colOf.length; x++) {
            colOf[x] = map.cellColumnOf(x);
        }
        int[] cellLabels = found.cellLabels();
        for (int y = 0; y < truth.height(); y++) {
            int rowBase = map.cellRowOf(y) * map.cellCols();
            for (int x = 0; x < truth.width(); x++) {
                int g = labels[y * truth.width() + x];
                if (g == 0) {
                    continue;
                }
                int f = cellLabels[rowBase + colOf[x]];
                if (f > 0) {
                    regionFound[g] = true;
                    findingMatched[f] = true;
                }
            }
        }
        findings += found.size();
        for (int f = 1; f <= found.size(); f++) {
            matchedFindings += findingMatched[f] ? 1 : 0;
        }
        for (int g = 1; g <= truth.regionCount(); g++) {
            if (truth.regionArea(g) >= minRegionPixels) {
                regions++;
                foundRegions += regionFound[g] ? 1 : 0;
            }
        }
    }

    public double pixelIou() {
        long union = truePositives + falsePositives + falseNegatives;
        return union == 0 ? Double.NaN : (double) truePositives / union;
    }

    public double pixelF1() {
        long d = 2 * truePositives + falsePositives + falseNegatives;
        return d == 0 ? Double.NaN : 2.0 * truePositives / d;
    }

    public double findingPrecision() {
        return findings == 0 ? Double.NaN : (double) matchedFindings / findings;
    }

    public double findingRecall() {
        return regions == 0 ? Double.NaN : (double) foundRegions / regions;
    }

    public long findings() {
        return findings;
    }

    public long regions() {
        return regions;
    }

    public int tiles() {
        return tileScores.stream().mapToInt(a -> a.length).sum();
    }

    /** Area under the ROC curve of the tile scores (ties count one half). */
    public double tileRocAuc() {
        float[] s = allScores();
        boolean[] l = allLabels();
        Integer[] order = order(s);
        long pos = 0;
        for (boolean b : l) {
            pos += b ? 1 : 0;
        }
        long neg = l.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        // Rank-sum (Mann-Whitney U) with average ranks over ties, in ascending score order.
        double rankSum = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && s[order[j + 1]] == s[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (l[order[k]]) {
                    rankSum += rank;
                }
            }
            i = j + 1;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** Average precision of the tile scores: precision at each recall step, tied scores taken together. */
    public double tileAveragePrecision() {
        float[] s = allScores();
        boolean[] l = allLabels();
        Integer[] order = order(s);
        long pos = 0;
        for (boolean b : l) {
            pos += b ? 1 : 0;
        }
        if (pos == 0) {
            return Double.NaN;
        }
        double ap = 0;
        long tp = 0;
        long seen = 0;
        int i = order.length - 1;
        while (i >= 0) {
            int j = i;
            while (j - 1 >= 0 && s[order[j - 1]] == s[order[i]]) {
                j--;
            }
            long newTp = 0;
            for (int k = j; k <= i; k++) {
                newTp += l[order[k]] ? 1 : 0;
            }
            tp += newTp;
            seen += i - j + 1;
            ap += (double) newTp / pos * ((double) tp / seen);
            i = j - 1;
        }
        return ap;
    }

    /**
     * The threshold (on a 0.01 grid) maximising pixel F1 over the images added, and that F1.
     */
    public double[] bestPixelF1Threshold() {
        double best = -1;
        double bestT = DetectionProfile.DEFAULT_THRESHOLD;
        long allPositives = 0;
        for (long[] p : cellPositives) {
            allPositives += Arrays.stream(p).sum();
        }
        for (int k = 1; k < 100; k++) {
            float t = k / 100f;
            long tp = 0;
            long fp = 0;
            for (int img = 0; img < cellScores.size(); img++) {
                float[] sc = cellScores.get(img);
                long[] ar = cellAreas.get(img);
                long[] ps = cellPositives.get(img);
                for (int c = 0; c < sc.length; c++) {
                    if (sc[c] >= t) {
                        tp += ps[c];
                        fp += ar[c] - ps[c];
                    }
                }
            }
            long fn = allPositives - tp;
            double f1 = 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
            if (f1 > best + 1e-12) {
                best = f1;
                bestT = k / 100.0;
            }
        }
        return new double[] {bestT, best};
    }

    private float[] allScores() {
        return endToEnd(tileScores, new float[tiles()]);
    }

    private boolean[] allLabels() {
        return endToEnd(tileLabels, new boolean[tiles()]);
    }

    /** The images' arrays (float[] scores or boolean[] labels) copied end to end into {@code out}. */
    private static <A> A endToEnd(List<A> parts, A out) {
        int o = 0;
        for (A a : parts) {
            int n = java.lang.reflect.Array.getLength(a);
            System.arraycopy(a, 0, out, o, n);
            o += n;
        }
        return out;
    }

    private static Integer[] order(float[] s) {
        Integer[] order = new Integer[s.length];
        for (int i = 0; i < s.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(s[a], s[b]));
        return order;
    }
}
