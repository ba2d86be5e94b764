package tessera.inspect;

import org.junit.jupiter.api.Test;
import tessera.data.Normalization;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScaledImageTest {

    @Test
    void halfScaleIsTheMeanOfEachTwoByTwoBlockLikeTheTileReader() {
        // given a 4 x 2 image whose 2x2 blocks have known means per channel
        BufferedImage image = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        int[][] red = {{10, 20, 100, 100}, {30, 40, 0, 200}};
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 4; x++) {
                image.setRGB(x, y, red[y][x] << 16 | 7 << 8 | 255);
            }
        }

        // when scaled by 1/2 to three channels
        ScaledImage s = ScaledImage.of(image, 0.5, 3);
        float[] out = new float[3 * 2];
        float[][] identity = ScaledImage.lookup(new Normalization(new float[] {0, 0, 0}, new float[] {1 / 255f, 1 / 255f, 1 / 255f}));
        s.copyNormalised(0, 0, 2, 1, identity, out, 0);

        // then each pixel is its block's mean: red 25 and 100, green 7, blue 255
        assertEquals(2, s.width());
        assertEquals(1, s.height());
        assertEquals(25, out[0], 1e-3);
        assertEquals(100, out[1], 1e-3);
        assertEquals(7, out[2], 1e-3);
        assertEquals(255, out[5], 1e-3);
    }

    @Test
    void oneChannelModelsSeeTheLumaOfTheColours() {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 200 << 16 | 100 << 8 | 50);

        ScaledImage s = ScaledImage.of(image, 1, 1);
        float[] out = new float[1];
        s.copyNormalised(0, 0, 1, 1, ScaledImage.lookup(new Normalization(new float[] {0}, new float[] {1 / 255f})), out, 0);

        assertEquals(Math.round(0.299 * 200 + 0.587 * 100 + 0.114 * 50), out[0], 1e-3);
    }
}
