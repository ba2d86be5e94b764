package tessera.inspect;

import org.junit.jupiter.api.Test;
import tessera.fusion.FusionMethod;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HeatMapsTest {

    private static final float[][] TEACHERS = {
            {0.9f, 0.2f, 0.6f},
            {0.7f, 0.1f, 0.4f},
            {0.8f, 0.6f, 0.2f},
    };

    @Test
    void meanFusionAveragesTheTeachersPerTile() {
        float[] fused = HeatMaps.fuse(FusionMethod.MEAN, TEACHERS, null);

        assertArrayEquals(new float[] {0.8f, 0.3f, 0.4f}, fused, 1e-6f);
    }

    @Test
    void pluralityFusionIsTheShareOfTeachersVotingPositive() {
        float[] fused = HeatMaps.fuse(FusionMethod.PLURALITY, TEACHERS, null);

        assertArrayEquals(new float[] {1f, 1f / 3, 1f / 3}, fused, 1e-6f);
    }

    @Test
    void maxAndMinFusionTakeTheExtremeTeacherAfterNormalisation() {
        // two classes: max scores (max p, max 1-p), normalised to sum 1
        float[] fused = HeatMaps.fuse(FusionMethod.MAX, TEACHERS, null);

        assertEquals(0.9 / (0.9 + 0.3), fused[0], 1e-6);
        assertEquals(0.6 / (0.6 + 0.9), fused[1], 1e-6);
    }

    @Test
    void weightedMeanUsesTheTeacherWeights() {
        float[] fused = HeatMaps.fuse(FusionMethod.WEIGHTED_MEAN, TEACHERS, new double[] {2, 1, 1});

        assertEquals((2 * 0.9 + 0.7 + 0.8) / 4, fused[0], 1e-6);
    }

    @Test
    void votesCountTeachersAtOrAboveTheThreshold() {
        assertArrayEquals(new int[] {3, 1, 1}, HeatMaps.votes(TEACHERS, 0.6));
        assertArrayEquals(new int[] {3, 0, 0}, HeatMaps.votes(TEACHERS, 0.7));
    }

    @Test
    void disagreementIsThePopulationStandardDeviation() {
        float[] d = HeatMaps.disagreement(TEACHERS);

        assertEquals(Math.sqrt(((0.1 * 0.1) + 0 + (0.1 * 0.1)) / 3), d[0], 1e-6);
        assertEquals(Math.sqrt((0.04 + 0.0 + 0.04) / 3), d[2], 1e-6);
    }

    @Test
    void overlapAverageIsTheExactMeanOfEveryTileCoveringAPixel() {
        // given a grid with overlaps and edge tiles, and distinct values per tile
        TileGrid grid = new TileGrid(150, 97, 40, 25);
        float[] values = new float[grid.tileCount()];
        Random random = new Random(3);
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }

        // when the map is upsampled
        float[] pixels = HeatMaps.upsample(grid, values);

        // then each pixel is the brute-force mean over the tiles that contain it
        double[] sum = new double[150 * 97];
        int[] count = new int[150 * 97];
        for (int i = 0; i < grid.tileCount(); i++) {
            java.awt.Rectangle r = grid.tile(i);
            for (int y = r.y; y < r.y + r.height; y++) {
                for (int x = r.x; x < r.x + r.width; x++) {
                    sum[y * 150 + x] += values[i];
                    count[y * 150 + x]++;
                }
            }
        }
        for (int p = 0; p < pixels.length; p++) {
            assertEquals(sum[p] / count[p], pixels[p], 1e-6, "pixel " + p);
        }
        CellMap cells = HeatMaps.overlapAverage(grid, values);
        assertEquals(sum[96 * 150 + 149] / count[96 * 150 + 149], cells.at(149, 96), 1e-6);
    }

    @Test
    void resamplingAtTheImageSizeIsTheExactMap() {
        TileGrid grid = new TileGrid(90, 70, 32, 16);
        float[] values = new float[grid.tileCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        CellMap map = HeatMaps.overlapAverage(grid, values);

        assertArrayEquals(map.pixels(), map.resampled(90, 70));
        float[] half = map.resampled(45, 35);
        assertEquals(map.at(1, 1), half[0]);
        assertEquals(map.at(89, 69), half[45 * 35 - 1]);
    }
}
