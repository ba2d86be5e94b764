package tessera.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class NormalizationTest {

    @Test
    void fitComputesPerChannelMeanAndStd() {
        // Two 2-channel 1x2 images. Channel 0 values {0, 255, 255, 0}: mean 0.5, std 0.5.
        // Channel 1 values {51, 51, 51, 51}: mean 0.2, std 0 -> left unscaled (1).
        byte[] pixels = {0, (byte) 255, 51, 51, (byte) 255, 0, 51, 51};
        ImageSet set = new ImageSet(2, 1, 2, pixels, new int[] {0, 0}, List.of("x"));
        Normalization norm = Normalization.fit(set);
        assertArrayEquals(new float[] {0.5f, 0.2f}, norm.mean(), 1e-6f);
        assertArrayEquals(new float[] {0.5f, 1f}, norm.std(), 1e-6f);
        assertEquals(2, norm.channels());
    }

    @Test
    void fitMatchesDirectComputationOnVariedData() {
        int n = 50;
        byte[] pixels = new byte[n * 3 * 16];
        java.util.Random random = new java.util.Random(1);
        random.nextBytes(pixels);
        ImageSet set = new ImageSet(3, 4, 4, pixels, new int[n], List.of("x"));
        Normalization norm = Normalization.fit(set);
        for (int c = 0; c < 3; c++) {
            double sum = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                for (int p = 0; p < 16; p++) {
                    double v = (pixels[i * 48 + c * 16 + p] & 0xFF) / 255.0;
                    sum += v;
                    squares += v * v;
                }
            }
            double mean = sum / (n * 16);
            assertEquals(mean, norm.mean()[c], 1e-5);
            assertEquals(Math.sqrt(squares / (n * 16) - mean * mean), norm.std()[c], 1e-5);
        }
    }

    @Test
    void emptySetCannotBeFitted() {
        ImageSet empty = new ImageSet(1, 1, 1, new byte[0], new int[0], List.of("x"));
        assertThrows(IllegalArgumentException.class, () -> Normalization.fit(empty));
    }
}
