package tessera.inspect;

import org.junit.jupiter.api.Test;
import tessera.util.TesseraException;

import java.awt.Rectangle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TileGridTest {

    @Test
    void tilesOnTheStrideWithTheLastColumnAndRowAlignedToTheEdge() {
        // given a 200 x 130 image, 64 px tiles at stride 32
        TileGrid grid = new TileGrid(200, 130, 64, 32);

        // then columns start at 0, 32, .., 128 and 136 (edge), rows at 0, 32, 64 and 66 (edge)
        assertArrayEquals(new int[] {0, 32, 64, 96, 128, 136}, grid.xs());
        assertArrayEquals(new int[] {0, 32, 64, 66}, grid.ys());
        assertEquals(24, grid.tileCount());
        assertTrue(grid.edgeAlignedColumn());
        assertTrue(grid.edgeAlignedRow());
        assertEquals(new Rectangle(136, 66, 64, 64), grid.tile(23));
        assertEquals(new Rectangle(32, 32, 64, 64), grid.tile(grid.index(1, 1)));
    }

    @Test
    void anImageOfWholeStridesNeedsNoEdgeTile() {
        // 4000 = 123 strides + one tile; 3000 is not: its last row moves up to 2936
        TileGrid grid = new TileGrid(4000, 3000, 64, 32);

        assertEquals(124, grid.cols());
        assertEquals(93, grid.rows());
        assertFalse(grid.edgeAlignedColumn());
        assertTrue(grid.edgeAlignedRow());
        assertEquals(2936, grid.y(92));
        assertEquals(4000 - 64, grid.x(grid.cols() - 1));
    }

    @Test
    void everyPixelIsCoveredAndNoTileLeavesTheImage() {
        int[][] cases = {{64, 64, 64, 32}, {65, 64, 64, 32}, {200, 130, 64, 32}, {97, 211, 32, 7}, {300, 100, 64, 64}, {50, 50, 16, 1}};
        for (int[] c : cases) {
            TileGrid grid = new TileGrid(c[0], c[1], c[2], c[3]);
            int[][] count = new int[c[1]][c[0]];
            for (int i = 0; i < grid.tileCount(); i++) {
                Rectangle r = grid.tile(i);
                assertTrue(r.x >= 0 && r.y >= 0 && r.x + r.width <= c[0] && r.y + r.height <= c[1], "tile " + r + " inside");
                for (int y = r.y; y < r.y + r.height; y++) {
                    for (int x = r.x; x < r.x + r.width; x++) {
                        count[y][x]++;
                    }
                }
            }
            for (int y = 0; y < c[1]; y++) {
                for (int x = 0; x < c[0]; x++) {
                    assertTrue(count[y][x] >= 1, "pixel " + x + "," + y + " covered in " + grid);
                    assertEquals(count[y][x], grid.coverage(x, y));
                }
            }
        }
    }

    @Test
    void cellsSplitTheImageAtEveryTileBorder() {
        TileGrid grid = new TileGrid(200, 130, 64, 32);

        assertArrayEquals(new int[] {0, 32, 64, 96, 128, 136, 160, 192, 200}, grid.cellXs());
        assertArrayEquals(new int[] {0, 32, 64, 66, 96, 128, 130}, grid.cellYs());
    }

    @Test
    void anImageSmallerThanOneTileIsRefused() {
        TesseraException e = assertThrows(TesseraException.class, () -> new TileGrid(63, 500, 64, 32));
        assertTrue(e.getMessage().contains("smaller than one 64x64 tile"), e.getMessage());
    }

    @Test
    void aStrideLargerThanTheTileIsRefused() {
        assertThrows(TesseraException.class, () -> new TileGrid(500, 500, 64, 65));
    }
}
