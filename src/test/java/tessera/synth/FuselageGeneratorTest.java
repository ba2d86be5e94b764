package tessera.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FuselageGeneratorTest {

    @Test
    void theSameSeedAndIndexGiveTheSameBytes() throws IOException {
        // given two generators with the same seed
        FuselageGenerator first = new FuselageGenerator(480, 360, 1234, 0.05);
        FuselageGenerator second = new FuselageGenerator(480, 360, 1234, 0.05);

        // when each makes picture 3 (the second after making others first)
        SynthImage a = first.generate(3);
        second.generate(0);
        SynthImage b = second.generate(3);

        // then the encoded pictures, the masks and the regions are identical
        assertArrayEquals(SynthDataset.png(a.image()), SynthDataset.png(b.image()));
        assertArrayEquals(a.mask(), b.mask());
        assertEquals(a.regions(), b.regions());
    }

    @Test
    void anotherSeedOrIndexGivesAnotherPicture() {
        FuselageGenerator generator = new FuselageGenerator(320, 240, 1234, 0.05);

        int[] picture = pixels(generator.generate(1).image());

        assertFalse(java.util.Arrays.equals(picture, pixels(generator.generate(2).image())));
        assertFalse(java.util.Arrays.equals(picture, pixels(new FuselageGenerator(320, 240, 1235, 0.05).generate(1).image())));
    }

    @Test
    void everyMaskPixelBelongsToExactlyOneRegionOfItsSeverity() {
        // given pictures with plenty of corrosion
        FuselageGenerator generator = new FuselageGenerator(640, 480, 99, 0.12);
        int checkedRegions = 0;
        for (int index = 0; index < 4; index++) {
            SynthImage picture = generator.generate(index);
            byte[] mask = picture.mask();
            int w = picture.width();
            long corroded = 0;
            for (byte value : mask) {
                assertTrue(value >= 0 && value <= 3, "mask value " + value);
                corroded += value == 0 ? 0 : 1;
            }
            long claimed = 0;
            for (CorrosionRegion region : picture.regions()) {
                // then inside its box the region's pixels carry its severity, and the box is tight
                long inBox = 0;
                int minX = Integer.MAX_VALUE;
                int maxX = -1;
                int minY = Integer.MAX_VALUE;
                int maxY = -1;
                for (int y = region.y(); y < region.y() + region.height(); y++) {
                    for (int x = region.x(); x < region.x() + region.width(); x++) {
                        int value = mask[y * w + x];
                        if (value != 0) {
                            assertEquals(region.severity(), value, region + " at " + x + "," + y);
                            inBox++;
                            minX = Math.min(minX, x);
                            maxX = Math.max(maxX, x);
                            minY = Math.min(minY, y);
                            maxY = Math.max(maxY, y);
                        }
                    }
                }
                assertEquals(region.pixelArea(), inBox, region.toString());
                assertEquals(region.x(), minX);
                assertEquals(region.y(), minY);
                assertEquals(region.x() + region.width() - 1, maxX);
                assertEquals(region.y() + region.height() - 1, maxY);
                assertTrue(region.severity() >= 1 && region.severity() <= 3);
                claimed += region.pixelArea();
                checkedRegions++;
            }
            // and no corroded pixel lies outside the regions
            assertEquals(corroded, claimed, picture.name());
        }
        assertTrue(checkedRegions >= 10, "only " + checkedRegions + " regions were generated");
    }

    @Test
    void allFiveKindsOfCorrosionAndThreeSeveritiesOccur() {
        // given five corroded pictures of a seed that shows every kind (filiform needs room: small
        // pictures have it less often than the default 2048 x 1536 ones)
        FuselageGenerator generator = new FuselageGenerator(800, 600, 5, 0.15);
        Set<CorrosionKind> kinds = EnumSet.noneOf(CorrosionKind.class);
        boolean[] severities = new boolean[4];
        for (int index = 0; index < 5; index++) {
            for (CorrosionRegion region : generator.generate(index).regions()) {
                kinds.add(CorrosionKind.valueOf(region.kind().toUpperCase(java.util.Locale.ROOT)));
                severities[region.severity()] = true;
            }
        }
        assertEquals(EnumSet.allOf(CorrosionKind.class), kinds);
        assertTrue(severities[1] && severities[2] && severities[3]);
    }

    @Test
    void aCorrosionRateOfZeroGivesCleanSkin() {
        SynthImage picture = new FuselageGenerator(400, 300, 8, 0).generate(0);

        assertTrue(picture.regions().isEmpty());
        for (byte value : picture.mask()) {
            assertEquals(0, value);
        }
    }

    @Test
    void thePictureHasTheRequestedSizeAndLooksLikeAPhotographNotAFlatFill() {
        SynthImage picture = new FuselageGenerator(500, 300, 21, 0.04).generate(4);

        assertEquals(500, picture.width());
        assertEquals(300, picture.height());
        assertEquals(BufferedImage.TYPE_INT_RGB, picture.image().getType());
        assertEquals(500 * 300, picture.mask().length);
        // Texture, noise and lighting: many distinct grey levels, none of them dominating.
        int[] histogram = new int[256];
        for (int p : pixels(picture.image())) {
            histogram[(p >> 8) & 0xFF]++;
        }
        int levels = 0;
        int largest = 0;
        for (int count : histogram) {
            levels += count > 0 ? 1 : 0;
            largest = Math.max(largest, count);
        }
        assertTrue(levels > 40, levels + " grey levels");
        assertTrue(largest < 500 * 300 / 10, "one level holds " + largest + " pixels");
        assertNotEquals("", picture.surface());
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }
}
