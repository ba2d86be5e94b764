package tessera.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSetTest {

    private static final List<String> NAMES = List.of("a", "b", "c");

    /** Two 1x2x2 grey images: {0,1,2,3} labelled 0 and {10,11,12,13} labelled 2. */
    private static ImageSet twoGrey() {
        return new ImageSet(1, 2, 2, new byte[] {0, 1, 2, 3, 10, 11, 12, 13}, new int[] {0, 2}, NAMES);
    }

    @Test
    void exposesShapeAndCopiesLabels() {
        ImageSet set = twoGrey();
        assertEquals(2, set.size());
        assertEquals(4, set.sampleLength());
        assertEquals(3, set.numClasses());
        assertEquals(2, set.label(1));
        set.labels()[1] = 0;
        assertEquals(2, set.label(1));
    }

    @Test
    void selectCopiesSamplesInGivenOrder() {
        ImageSet picked = twoGrey().select(new int[] {1, 0, 1});
        assertEquals(3, picked.size());
        assertArrayEquals(new int[] {2, 0, 2}, picked.labels());
        assertArrayEquals(new byte[] {10, 11, 12, 13, 0, 1, 2, 3, 10, 11, 12, 13}, picked.pixels());
        assertEquals(0, twoGrey().select(new int[0]).size());
    }

    @Test
    void rejectsInconsistentInput() {
        assertThrows(IllegalArgumentException.class,
                () -> new ImageSet(1, 2, 2, new byte[7], new int[] {0, 1}, NAMES));
        assertThrows(IllegalArgumentException.class,
                () -> new ImageSet(1, 2, 2, new byte[8], new int[] {0, 3}, NAMES));
    }

    @Test
    void adaptedToSameShapeIsThis() {
        ImageSet set = twoGrey();
        assertSame(set, set.adaptedTo(1, 2, 2));
    }

    @Test
    void greyToRgbRepeatsThePlane() {
        ImageSet rgb = twoGrey().adaptedTo(3, 2, 2);
        assertEquals(3, rgb.channels());
        assertArrayEquals(new byte[] {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3}, java.util.Arrays.copyOf(rgb.pixels(), 12));
        assertArrayEquals(twoGrey().labels(), rgb.labels());
    }

    @Test
    void rgbToGreyUsesLuma() {
        ImageSet rgb = new ImageSet(3, 1, 1, new byte[] {(byte) 200, 100, 50}, new int[] {1}, NAMES);
        int expected = Math.round(0.299f * 200 + 0.587f * 100 + 0.114f * 50);
        assertEquals(expected, rgb.adaptedTo(1, 1, 1).pixels()[0] & 0xFF);
    }

    @Test
    void bilinearResizeKeepsConstantsAndInterpolates() {
        byte[] pixels = new byte[16];
        java.util.Arrays.fill(pixels, (byte) 77);
        ImageSet constant = new ImageSet(1, 4, 4, pixels, new int[] {0}, NAMES);
        ImageSet small = constant.adaptedTo(1, 2, 3);
        assertEquals(2, small.height());
        assertEquals(3, small.width());
        for (byte b : small.pixels()) {
            assertEquals(77, b & 0xFF);
        }
        // A 1x2 ramp 0..200 upsampled to 1x4: pixel centres map to 0, 0.25, 0.75, 1 of the way.
        ImageSet ramp = new ImageSet(1, 1, 2, new byte[] {0, (byte) 200}, new int[] {0}, NAMES);
        byte[] up = ramp.adaptedTo(1, 1, 4).pixels();
        assertArrayEquals(new int[] {0, 50, 150, 200}, new int[] {up[0] & 0xFF, up[1] & 0xFF, up[2] & 0xFF, up[3] & 0xFF});
    }

    @Test
    void resizeAndChannelChangeTogether() {
        ImageSet adapted = twoGrey().adaptedTo(3, 4, 4);
        assertEquals(2, adapted.size());
        assertEquals(3 * 16, adapted.sampleLength());
        assertEquals(2 * 48, adapted.pixels().length);
    }
}
