package tessera.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TileCutterTest {

    /** A 4 x 2 grid of 10-pixel tiles over a 40 x 20 mask. */
    private static final int W = 40;
    private static final int H = 20;
    private static final int TILE = 10;

    private static void fill(byte[] mask, int x0, int y0, int w, int h, int value) {
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                mask[y * W + x] = (byte) value;
            }
        }
    }

    @Test
    void aTileIsLabelledByTheShareOfItsCorrodedPixels() {
        // given a mask with one tile 20 % corroded, one 5 % corroded and the rest clean
        byte[] mask = new byte[W * H];
        fill(mask, 0, 0, 10, 2, 2);   // tile (0,0): 20 pixels of 100
        fill(mask, 10, 0, 5, 1, 1);   // tile (10,0): 5 pixels

        // then the threshold of 10 % decides
        assertEquals("corrosion", TileCutter.label(mask, W, 0, 0, TILE, 0.1, false));
        assertNull(TileCutter.label(mask, W, 10, 0, TILE, 0.1, false), "5 % is ambiguous: left out");
        assertEquals("clean", TileCutter.label(mask, W, 20, 0, TILE, 0.1, false));
        assertEquals("corrosion", TileCutter.label(mask, W, 10, 0, TILE, 0.05, false));
    }

    @Test
    void severityClassesTakeTheSeverityMostCorrodedPixelsHave() {
        byte[] mask = new byte[W * H];
        fill(mask, 0, 0, 10, 3, 1);   // 30 pixels of severity 1
        fill(mask, 0, 3, 10, 2, 3);   // 20 pixels of severity 3
        fill(mask, 10, 0, 10, 2, 2);  // 20 of 2 and 20 of 3: the higher wins the tie
        fill(mask, 10, 2, 10, 2, 3);

        assertEquals("severity-1", TileCutter.label(mask, W, 0, 0, TILE, 0.1, true));
        assertEquals("severity-3", TileCutter.label(mask, W, 10, 0, TILE, 0.1, true));
        assertEquals("clean", TileCutter.label(mask, W, 30, 10, TILE, 0.1, true));
    }

    @Test
    void allCorrosionTilesAreKeptAndCleanTilesAreCappedByTheRatio() {
        // given one corroded tile among eight
        byte[] mask = new byte[W * H];
        fill(mask, 20, 10, 10, 10, 2);
        BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        image.setRGB(25, 15, 0xABCDEF);
        SynthImage picture = new SynthImage("p", image, mask, List.of(), "painted");
        SynthSettings settings = new SynthSettings(1, 1, W, H, TILE, 0.0, false, 0.1, 2.0, 0);

        // when cut with two clean tiles per corrosion tile
        List<TileCutter.Tile> tiles = TileCutter.cut(picture, settings, new SplittableRandom(3));

        // then the corrosion tile and two clean tiles come out, cropped from the right place
        assertEquals(3, tiles.size());
        TileCutter.Tile corroded = tiles.get(0);
        assertEquals("corrosion", corroded.label());
        assertEquals(20, corroded.x());
        assertEquals(10, corroded.y());
        assertEquals(0xABCDEF, corroded.image().getRGB(5, 5) & 0xFFFFFF);
        assertTrue(tiles.subList(1, 3).stream().allMatch(t -> t.label().equals("clean")));
        for (TileCutter.Tile t : tiles) {
            assertEquals(TILE, t.image().getWidth());
            assertEquals(TileCutter.label(mask, W, t.x(), t.y(), TILE, 0.1, false), t.label());
        }
    }
}
