package tessera.inspect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Threshold, connected regions, findings. Works on the overlap-averaged map's cells, which is the
 * same as labelling its pixels with 4-connectivity (a cell is a block of equal pixels) but costs
 * per cell rather than per pixel.
 */
public final class Findings {

    private final CellMap scores;
    private final double threshold;
    private final int[] cellLabels;
    private final List<Finding> list;

    private Findings(CellMap scores, double threshold, int[] cellLabels, List<Finding> list) {
        this.scores = scores;
        this.threshold = threshold;
        this.cellLabels = cellLabels;
        this.list = list;
    }

    /**
     * Finds the regions of a tile map.
     *
     * @param grid             the tiles the values belong to
     * @param tileScores       the map to threshold, one value per tile (student or fused ensemble)
     * @param threshold        pixels scoring at least this belong to a region
     * @param teachers         {@code [teacher][tile]} probabilities, for votes and disagreement; may be empty
     * @param teacherThreshold the threshold a teacher's own map must reach to count as a vote
     * @param mmPerPixel       for areas in mm²; null when unknown
     */
    public static Findings detect(TileGrid grid, float[] tileScores, double threshold, float[][] teachers,
                                  double teacherThreshold, Double mmPerPixel) {
        CellMap map = HeatMaps.overlapAverage(grid, tileScores);
        int cols = map.cellCols();
        int rows = map.cellRows();
        int n = map.cellCount();
        int[] labels = new int[n];
        Arrays.fill(labels, -1);
        List<int[]> regions = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < n; start++) {
            if (labels[start] != -1 || map.cell(start) < (float) threshold) {
                continue;
            }
            int label = regions.size();
            List<Integer> cells = new ArrayList<>();
            labels[start] = label;
            queue.add(start);
            while (!queue.isEmpty()) {
                int c = queue.poll();
                cells.add(c);
                int r = c / cols;
                int k = c % cols;
                if (k > 0) {
                    visit(map, labels, queue, c - 1, label, threshold);
                }
                if (k < cols - 1) {
                    visit(map, labels, queue, c + 1, label, threshold);
                }
                if (r > 0) {
                    visit(map, labels, queue, c - cols, label, threshold);
                }
                if (r < rows - 1) {
                    visit(map, labels, queue, c + cols, label, threshold);
                }
            }
            regions.add(cells.stream().mapToInt(Integer::intValue).toArray());
        }

        CellMap[] teacherMaps = new CellMap[teachers == null ? 0 : teachers.length];
        for (int t = 0; t < teacherMaps.length; t++) {
            teacherMaps[t] = HeatMaps.overlapAverage(grid, teachers[t]);
        }
        CellMap spread = teacherMaps.length == 0 ? null
                : HeatMaps.overlapAverage(grid, HeatMaps.disagreement(teachers));

        List<Finding> unnumbered = new ArrayList<>();
        for (int[] cells : regions) {
            unnumbered.add(describe(map, cells, teacherMaps, teacherThreshold, spread, mmPerPixel));
        }
        // Number by decreasing peak, so finding 1 is the strongest; relabel the cells to match.
        Integer[] order = new Integer[unnumbered.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -unnumbered.get(i).peak())
                .thenComparingInt(i -> unnumbered.get(i).y()).thenComparingInt(i -> unnumbered.get(i).x()));
        int[] newId = new int[order.length];
        List<Finding> findings = new ArrayList<>();
        for (int rank = 0; rank < order.length; rank++) {
            Finding f = unnumbered.get(order[rank]);
            newId[order[rank]] = rank + 1;
            findings.add(new Finding(rank + 1, f.x(), f.y(), f.width(), f.height(), f.areaPixels(), f.areaMm2(),
                    f.peak(), f.mean(), f.teacherVotes(), f.teachers(), f.disagreement()));
        }
        int[] cellIds = new int[n];
        for (int c = 0; c < n; c++) {
            cellIds[c] = labels[c] < 0 ? 0 : newId[labels[c]];
        }
        return new Findings(map, threshold, cellIds, List.copyOf(findings));
    }

    private static void visit(CellMap map, int[] labels, ArrayDeque<Integer> queue, int cell, int label, double threshold) {
        if (labels[cell] == -1 && map.cell(cell) >= (float) threshold) {
            labels[cell] = label;
            queue.add(cell);
        }
    }

    private static Finding describe(CellMap map, int[] cells, CellMap[] teacherMaps, double teacherThreshold,
                                    CellMap spread, Double mmPerPixel) {
        int cols = map.cellCols();
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = Integer.MIN_VALUE;
        int y1 = Integer.MIN_VALUE;
        long area = 0;
        double peak = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double spreadSum = 0;
        boolean[] voted = new boolean[teacherMaps.length];
        for (int c : cells) {
            int row = c / cols;
            int col = c % cols;
            long a = map.cellArea(c);
            x0 = Math.min(x0, map.cellX(col));
            y0 = Math.min(y0, map.cellY(row));
            x1 = Math.max(x1, map.cellX(col) + map.cellWidth(col));
            y1 = Math.max(y1, map.cellY(row) + map.cellHeight(row));
            area += a;
            peak = Math.max(peak, map.cell(c));
            sum += a * (double) map.cell(c);
            if (spread != null) {
                spreadSum += a * (double) spread.cell(c);
            }
            for (int t = 0; t < teacherMaps.length; t++) {
                voted[t] |= teacherMaps[t].cell(c) >= (float) teacherThreshold;
            }
        }
        int votes = 0;
        for (boolean v : voted) {
            votes += v ? 1 : 0;
        }
        Double mm2 = mmPerPixel == null ? null : area * mmPerPixel * mmPerPixel;
        return new Finding(0, x0, y0, x1 - x0, y1 - y0, area, mm2, peak, sum / area, votes, teacherMaps.length,
                spread == null ? 0 : spreadSum / area);
    }

    public List<Finding> list() {
        return list;
    }

    public int size() {
        return list.size();
    }

    public double threshold() {
        return threshold;
    }

    /** The thresholded map's cells. */
    public CellMap scores() {
        return scores;
    }

    /** The id of the finding covering pixel (x, y), or 0 where the map is below the threshold. */
    public int findingAt(int x, int y) {
        return cellLabels[scores.cellRowOf(y) * scores.cellCols() + scores.cellColumnOf(x)];
    }

    /** Finding id per cell of {@link #scores()} (0 = none). */
    public int[] cellLabels() {
        return cellLabels.clone();
    }

    /** A width × height mask of finding ids, sampled at the centres of a display raster. */
    public int[] labelRaster(int width, int height) {
        TileGrid g = scores.grid();
        int[] colOf = new int[width];
        for (int x = 0; x < width; x++) {
            colOf[x] = scores.cellColumnOf((int) Math.min(g.imageWidth() - 1, (long) ((x + 0.5) * g.imageWidth() / width)));
        }
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            int row = scores.cellRowOf((int) Math.min(g.imageHeight() - 1, (long) ((y + 0.5) * g.imageHeight() / height)));
            for (int x = 0; x < width; x++) {
                out[y * width + x] = cellLabels[row * scores.cellCols() + colOf[x]];
            }
        }
        return out;
    }
}
