package tessera.app.inspect;

import tessera.fusion.FusionMethod;
import tessera.inspect.HeatMaps;
import tessera.inspect.InspectionResult;
import tessera.inspect.TileGrid;

import java.awt.Rectangle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every model said about one tile: each teacher's probability, the fused value under each
 * fusion method, the student's value and each of its heads'.
 *
 * @param tile         the tile's index in the grid
 * @param box          the tile in image pixels
 * @param teacherNames one per teacher
 * @param teachers     each teacher's probability of the positive class
 * @param votes        teachers at or above the threshold
 * @param fused        fusion method id to fused value, every method
 * @param student      the student's (fused heads') value
 * @param heads        each student head's value (one for a plain student)
 * @param disagreement the teachers' spread
 */
public record TileDetail(int tile, Rectangle box, List<String> teacherNames, float[] teachers, int votes,
                         Map<String, Float> fused, float student, float[] heads, float disagreement) {

    public static TileDetail of(InspectionResult result, int tile, double threshold) {
        int t = result.teacherCount();
        float[][] one = new float[t][1];
        float[] teachers = new float[t];
        for (int k = 0; k < t; k++) {
            teachers[k] = result.teachers()[k][tile];
            one[k][0] = teachers[k];
        }
        Map<String, Float> fused = new LinkedHashMap<>();
        for (FusionMethod m : FusionMethod.values()) {
            fused.put(m.id(), HeatMaps.fuse(m, one, result.teacherWeights())[0]);
        }
        float[] heads = new float[result.studentHeads().length];
        for (int h = 0; h < heads.length; h++) {
            heads[h] = result.studentHeads()[h][tile];
        }
        return new TileDetail(tile, result.grid().tile(tile), result.teacherNames(), teachers,
                HeatMaps.votes(one, threshold)[0], fused, result.student()[tile], heads, HeatMaps.disagreement(one)[0]);
    }

    /**
     * The tile under image pixel (x, y): of the tiles covering it (they overlap), the one whose centre
     * is nearest. -1 outside the image.
     */
    public static int tileAt(TileGrid grid, double x, double y) {
        if (x < 0 || y < 0 || x >= grid.imageWidth() || y >= grid.imageHeight()) {
            return -1;
        }
        return grid.index(nearest(grid.xs(), grid.tileSize(), x), nearest(grid.ys(), grid.tileSize(), y));
    }

    private static int nearest(int[] starts, int size, double p) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < starts.length; i++) {
            double d = Math.abs(starts[i] + size / 2.0 - p);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }
}
