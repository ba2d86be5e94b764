package tessera.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchesTest {

    private static final Normalization IDENTITY = new Normalization(new float[] {0f}, new float[] {1f / 255});

    /** n grey images of 3x4 whose pixel values follow {@link Fixtures#pixel} (all below 255, none 0 but one). */
    private static ImageSet images(int n) {
        byte[] pixels = new byte[n * 12];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 4; x++) {
                    pixels[i * 12 + y * 4 + x] = (byte) Fixtures.pixel(i, y, x);
                }
            }
        }
        return new ImageSet(1, 3, 4, pixels, labels, List.of("even", "odd"));
    }

    @Test
    void shuffledOrderIsADeterministicPermutation() {
        int[] order = Batches.shuffledOrder(100, 7);
        assertArrayEquals(order, Batches.shuffledOrder(100, 7));
        assertFalse(Arrays.equals(order, Batches.shuffledOrder(100, 8)));
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 100; i++) {
            assertEquals(i, sorted[i]);
        }
    }

    @Test
    void subsetIndicesAreDistinctSortedSizedAndSeeded() {
        int[] subset = Batches.subsetIndices(1000, 0.37, 3);
        assertEquals(370, subset.length);
        for (int i = 1; i < subset.length; i++) {
            assertTrue(subset[i - 1] < subset[i], "sorted and distinct");
        }
        assertTrue(subset[0] >= 0 && subset[subset.length - 1] < 1000);
        assertArrayEquals(subset, Batches.subsetIndices(1000, 0.37, 3));
        assertFalse(Arrays.equals(subset, Batches.subsetIndices(1000, 0.37, 4)));
        assertEquals(1000, Batches.subsetIndices(1000, 1.0, 3).length);
        assertEquals(3, Batches.subsetIndices(5, 0.5, 3).length, "round(2.5) rounds half up");
    }

    @Test
    void subsetIndicesRejectsFractionsOutsideUnitInterval() {
        assertThrows(IllegalArgumentException.class, () -> Batches.subsetIndices(10, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> Batches.subsetIndices(10, 1.5, 1));
    }

    @Test
    void fillNormalisesTheChosenSamples() {
        ImageSet set = images(5);
        Normalization norm = new Normalization(new float[] {0.5f}, new float[] {0.25f});
        int[] indices = {4, 2, 0};
        float[] out = new float[2 * 12];
        Batches.fill(set, indices, 1, 3, norm, Augmentation.NONE, new Random(1), out);
        for (int k = 0; k < 2; k++) {
            int i = indices[k + 1];
            for (int p = 0; p < 12; p++) {
                float expected = ((Fixtures.pixel(i, p / 4, p % 4) / 255f) - 0.5f) / 0.25f;
                assertEquals(expected, out[k * 12 + p], 1e-5);
            }
        }
        assertArrayEquals(new int[] {0, 0}, Batches.labels(set, indices, 1, 3));
        assertArrayEquals(new int[] {0, 0, 0}, Batches.labels(set, indices, 0, 3));
    }

    @Test
    void flipExactlyMirrorsAndHappensSometimes() {
        ImageSet set = images(1);
        int[] indices = new int[200];
        float[] out = new float[200 * 12];
        Batches.fill(set, indices, 0, 200, IDENTITY, new Augmentation(0, true), new Random(5), out);
        int flipped = 0;
        for (int k = 0; k < 200; k++) {
            boolean same = true;
            boolean mirrored = true;
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 4; x++) {
                    float v = out[k * 12 + y * 4 + x];
                    same &= Math.abs(v - Fixtures.pixel(0, y, x)) < 1e-3;
                    mirrored &= Math.abs(v - Fixtures.pixel(0, y, 3 - x)) < 1e-3;
                }
            }
            assertTrue(same || mirrored, "sample " + k + " is neither the image nor its mirror");
            flipped += mirrored ? 1 : 0;
        }
        assertTrue(flipped > 50 && flipped < 150, "flipped " + flipped + " of 200");
    }

    @Test
    void cropWithPaddingShiftsContentAndPadsWithZero() {
        ImageSet set = images(1);
        int n = 300;
        float[] out = new float[n * 12];
        Batches.fill(set, new int[n], 0, n, IDENTITY, new Augmentation(2, false), new Random(9), out);
        int shifted = 0;
        for (int k = 0; k < n; k++) {
            // Every output is the image translated by some (dy,dx) in [-2,2]^2 with zeros outside.
            boolean explained = false;
            for (int dy = -2; dy <= 2 && !explained; dy++) {
                for (int dx = -2; dx <= 2 && !explained; dx++) {
                    boolean match = true;
                    for (int y = 0; y < 3; y++) {
                        for (int x = 0; x < 4; x++) {
                            int sy = y + dy;
                            int sx = x + dx;
                            int expected = sy >= 0 && sy < 3 && sx >= 0 && sx < 4 ? Fixtures.pixel(0, sy, sx) : 0;
                            match &= Math.abs(out[k * 12 + y * 4 + x] - expected) < 1e-3;
                        }
                    }
                    if (match) {
                        explained = true;
                        shifted += dy != 0 || dx != 0 ? 1 : 0;
                    }
                }
            }
            assertTrue(explained, "sample " + k + " is not a padded crop");
        }
        assertTrue(shifted > n / 2, "most crops are shifted, got " + shifted);
    }

    @Test
    void augmentationIsDeterministicForASeed() {
        ImageSet set = images(4);
        int[] indices = {0, 1, 2, 3};
        Augmentation aug = new Augmentation(1, true);
        float[] a = new float[48];
        float[] b = new float[48];
        Batches.fill(set, indices, 0, 4, IDENTITY, aug, new Random(3), a);
        Batches.fill(set, indices, 0, 4, IDENTITY, aug, new Random(3), b);
        assertArrayEquals(a, b);
        assertTrue(aug.enabled());
        assertFalse(Augmentation.NONE.enabled());
    }

    @Test
    void fillChecksBufferAndChannels() {
        ImageSet set = images(2);
        assertThrows(IllegalArgumentException.class, () -> Batches.fill(set, new int[] {0, 1}, 0, 2, IDENTITY,
                Augmentation.NONE, new Random(), new float[23]));
        Normalization rgb = new Normalization(new float[3], new float[] {1, 1, 1});
        assertThrows(IllegalArgumentException.class, () -> Batches.fill(set, new int[] {0, 1}, 0, 2, rgb,
                Augmentation.NONE, new Random(), new float[24]));
        assertNotEquals(0, set.size());
    }
}
