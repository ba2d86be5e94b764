package tessera.inspect;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MapScoreTest {

    /** 4 x 2 tiles of 10 px without overlap over a 40 x 20 image. */
    private static final TileGrid GRID = new TileGrid(40, 20, 10, 10);

    /** Ground truth: the rectangle [x0, x1) x [y0, y1) (and a second one when given). */
    private static GroundTruth truth(int[]... boxes) {
        boolean[] m = new boolean[40 * 20];
        for (int[] b : boxes) {
            for (int y = b[1]; y < b[3]; y++) {
                for (int x = b[0]; x < b[2]; x++) {
                    m[y * 40 + x] = true;
                }
            }
        }
        return new GroundTruth(40, 20, m);
    }

    @Test
    void pixelIouAndF1CountThePixelsOfTheThresholdedMap() {
        // given truth covering tile (0,0) fully and half of tile (1,0); the map calls tiles (0,0) and (2,0)
        GroundTruth truth = truth(new int[] {0, 0, 15, 10});
        float[] tiles = {0.9f, 0.2f, 0.8f, 0f, 0f, 0f, 0f, 0f};
        MapScore score = new MapScore("m");

        score.add(GRID, tiles, 0.5, truth, 0, 0.1);

        // TP 100, FP 100 (tile 2,0), FN 50: IoU 100/250, F1 200/350
        assertEquals(100.0 / 250, score.pixelIou(), 1e-12);
        assertEquals(200.0 / 350, score.pixelF1(), 1e-12);
    }

    @Test
    void findingsMatchGroundTruthRegionsByOverlap() {
        // given two true regions, one found and one missed, and one false finding
        GroundTruth truth = truth(new int[] {0, 0, 10, 10}, new int[] {30, 10, 40, 20});
        float[] tiles = {0.9f, 0f, 0f, 0f, 0f, 0.9f, 0f, 0f};
        MapScore score = new MapScore("m");

        score.add(GRID, tiles, 0.5, truth, 0, 0.1);

        assertEquals(2, score.findings());
        assertEquals(0.5, score.findingPrecision(), 1e-12);
        assertEquals(0.5, score.findingRecall(), 1e-12);
    }

    @Test
    void regionsBelowTheMinimumAreaAreNotCountedForRecall() {
        GroundTruth truth = truth(new int[] {0, 0, 10, 10}, new int[] {35, 15, 37, 17});
        MapScore score = new MapScore("m");

        score.add(GRID, new float[] {0.9f, 0, 0, 0, 0, 0, 0, 0}, 0.5, truth, 10, 0.1);

        assertEquals(1, score.regions());
        assertEquals(1.0, score.findingRecall(), 1e-12);
    }

    @Test
    void tileAucAndAveragePrecisionRankTheLabelledTiles() {
        // given positive tiles (0,0) and (1,0) (fully true) and negatives elsewhere; tile (2,0) is 5% true: ambiguous
        GroundTruth truth = truth(new int[] {0, 0, 20, 10}, new int[] {20, 0, 25, 1});
        float[] tiles = {0.9f, 0.4f, 0.99f, 0.5f, 0.1f, 0.2f, 0.3f, 0.0f};
        MapScore score = new MapScore("m");

        score.add(GRID, tiles, 0.5, truth, 0, 0.1);

        // scored tiles: positives 0.9, 0.4; negatives 0.5, 0.1, 0.2, 0.3, 0.0 -> pairs won: 5 + 4 = 9 of 10
        assertEquals(7, score.tiles());
        assertEquals(0.9, score.tileRocAuc(), 1e-12);
        // ranking: 0.9 (P) 0.5 (N) 0.4 (P) ...: AP = (1/2)(1/1) + (1/2)(2/3)
        assertEquals(0.5 + 1.0 / 3, score.tileAveragePrecision(), 1e-12);
    }

    @Test
    void calibrationPicksTheThresholdWithTheBestPixelF1() {
        GroundTruth truth = truth(new int[] {0, 0, 20, 10});
        MapScore score = new MapScore("m");
        score.add(GRID, new float[] {0.7f, 0.6f, 0.3f, 0.2f, 0, 0, 0, 0}, 0.5, truth, 0, 0.1);

        double[] best = score.bestPixelF1Threshold();

        // any threshold in (0.3, 0.6] separates perfectly; the first on the grid wins
        assertEquals(0.31, best[0], 1e-9);
        assertEquals(1.0, best[1], 1e-12);
    }

    @Test
    void groundTruthRegionsAreFourConnected() {
        boolean[] m = new boolean[9];
        m[0] = true;
        m[4] = true;
        m[5] = true;
        GroundTruth t = new GroundTruth(3, 3, m);

        assertEquals(2, t.regionCount());
        assertEquals(2, t.regionArea(2));
        assertEquals(3, t.count(0, 0, 3, 3));
        assertEquals(2, t.count(1, 1, 3, 2));
    }
}
