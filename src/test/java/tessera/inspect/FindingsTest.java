package tessera.inspect;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FindingsTest {

    /** 6 x 4 tiles of 20 px without overlap over a 120 x 80 image: the map is the tile values. */
    private static final TileGrid GRID = new TileGrid(120, 80, 20, 20);

    private static float[] map(String... rows) {
        float[] v = new float[GRID.tileCount()];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length(); c++) {
                v[r * GRID.cols() + c] = (rows[r].charAt(c) - '0') / 10f;
            }
        }
        return v;
    }

    @Test
    void connectedTilesAboveTheThresholdFormOneFindingEach() {
        // given two separate blobs (diagonal contact does not connect)
        float[] scores = map(
                "990000",
                "060000",
                "000077",
                "000080");

        // when thresholded at 0.5
        Findings findings = Findings.detect(GRID, scores, 0.5, new float[0][], 0.5, null);

        // then two findings, the stronger first, with boxes, areas, peak and mean in image pixels
        assertEquals(2, findings.size());
        Finding a = findings.list().get(0);
        assertEquals(1, a.id());
        assertEquals(0, a.x());
        assertEquals(0, a.y());
        assertEquals(40, a.width());
        assertEquals(40, a.height());
        assertEquals(3 * 400, a.areaPixels());
        assertEquals(0.9, a.peak(), 1e-6);
        assertEquals((0.9 + 0.9 + 0.6) / 3, a.mean(), 1e-6);
        assertNull(a.areaMm2());
        Finding b = findings.list().get(1);
        assertEquals(new Finding(2, 80, 40, 40, 40, 3 * 400, null, 0.8, round((0.7 + 0.7 + 0.8) / 3), 0, 0, 0),
                withoutRounding(b));
        assertEquals(1, findings.findingAt(25, 25));
        assertEquals(2, findings.findingAt(85, 65));
        assertEquals(0, findings.findingAt(105, 65));
    }

    private static Finding withoutRounding(Finding f) {
        return new Finding(f.id(), f.x(), f.y(), f.width(), f.height(), f.areaPixels(), f.areaMm2(), round(f.peak()),
                round(f.mean()), f.teacherVotes(), f.teachers(), f.disagreement());
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    @Test
    void nothingAboveTheThresholdMeansNoFindings() {
        Findings findings = Findings.detect(GRID, map("444444", "444444", "444444", "444444"), 0.5, new float[0][], 0.5, null);

        assertTrue(findings.list().isEmpty());
    }

    @Test
    void areaInSquareMillimetresWhenThePixelSizeIsKnown() {
        Findings findings = Findings.detect(GRID, map("900000", "000000", "000000", "000000"), 0.5, new float[0][], 0.5, 0.25);

        assertEquals(400 * 0.0625, findings.list().get(0).areaMm2(), 1e-9);
    }

    @Test
    void votesCountTeachersWhoseOwnMapReachesTheThresholdInTheRegion() {
        float[] student = map("990000", "000000", "000000", "000000");
        float[][] teachers = {
                map("800000", "000000", "000000", "000000"),
                map("080000", "000000", "000000", "000000"),
                map("300000", "000000", "000000", "000000"),
        };

        Finding f = Findings.detect(GRID, student, 0.5, teachers, 0.5, null).list().get(0);

        assertEquals(2, f.teacherVotes());
        assertEquals(3, f.teachers());
        // spread per tile: std of (0.8, 0, 0.3) and of (0, 0.8, 0); the mean over both equal-area tiles
        double s1 = std(0.8, 0, 0.3);
        double s2 = std(0, 0.8, 0);
        assertEquals((s1 + s2) / 2, f.disagreement(), 1e-6);
    }

    @Test
    void overlappingTilesMakeFindingsFromTheAveragedMap() {
        // given tiles of 40 px at stride 20: one hot tile raises the four cells it covers to their averages
        TileGrid grid = new TileGrid(100, 60, 40, 20);
        float[] v = new float[grid.tileCount()];
        v[grid.index(1, 0)] = 1f;

        Findings at = Findings.detect(grid, v, 0.4, new float[0][], 0.5, null);
        List<Finding> list = at.list();

        // then the region is the hot tile's central cell where it is the only... see values:
        // cell (x 20..40, y 0..20) is covered by tiles (0,0),(1,0): mean 0.5; cell (40..60, 20..40) by 4 tiles: 0.25
        assertEquals(1, list.size());
        Finding f = list.get(0);
        assertEquals(20, f.x());
        assertEquals(0, f.y());
        assertEquals(40, f.width());
        assertEquals(20, f.height());
        assertEquals(0.5, f.peak(), 1e-6);
    }

    private static double std(double... v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / v.length);
    }
}
