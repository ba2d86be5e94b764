package tessera.imaging;

import tessera.imaging.ColorMap;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColorMapTest {

    private static double luminance(int rgb) {
        return 0.2126 * (rgb >> 16 & 0xFF) + 0.7152 * (rgb >> 8 & 0xFF) + 0.0722 * (rgb & 0xFF);
    }

    private static void near(int expected, int actual, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = expected >> shift & 0xFF;
            int a = actual >> shift & 0xFF;
            assertTrue(Math.abs(e - a) <= tolerance, String.format("expected %06x, got %06x", expected, actual));
        }
    }

    @Test
    void viridisAndInfernoMatchTheirPublishedEndsAndMiddle() {
        // matplotlib: viridis 0 = #440154, 0.5 = #21918c, 1 = #fde725; inferno 0 = #000004, 1 = #fcffa4
        near(0x440154, ColorMap.VIRIDIS.rgb(0), 6);
        near(0x21918c, ColorMap.VIRIDIS.rgb(0.5), 6);
        near(0xfde725, ColorMap.VIRIDIS.rgb(1), 6);
        near(0x000004, ColorMap.INFERNO.rgb(0), 6);
        near(0xfcffa4, ColorMap.INFERNO.rgb(1), 6);
    }

    @Test
    void viridisAndInfernoGetBrighterAllTheWay() {
        for (ColorMap m : new ColorMap[] {ColorMap.VIRIDIS, ColorMap.INFERNO}) {
            int[] lut = m.lut();
            for (int i = 8; i < 256; i += 8) {
                assertTrue(luminance(lut[i]) > luminance(lut[i - 8]), m + " at " + i);
            }
        }
    }

    @Test
    void turboRunsFromDarkBlueThroughGreenToDarkRed() {
        int low = ColorMap.TURBO.rgb(0.1);
        int mid = ColorMap.TURBO.rgb(0.5);
        int high = ColorMap.TURBO.rgb(0.95);
        assertTrue((low & 0xFF) > (low >> 16 & 0xFF), "blue at the bottom");
        assertTrue((mid >> 8 & 0xFF) > 200, "green in the middle");
        assertTrue((high >> 16 & 0xFF) > 2 * (high & 0xFF), "red at the top");
    }

    @Test
    void theThresholdSitsAtTheMiddleOfTheScaleWhateverItsValue() {
        assertEquals(0.5, HeatMapImages.evidence(0.3, 0.3), 1e-12);
        assertEquals(0.5, HeatMapImages.evidence(0.8, 0.8), 1e-12);
        assertEquals(0.25, HeatMapImages.evidence(0.15, 0.3), 1e-12);
        assertEquals(1.0, HeatMapImages.evidence(1.0, 0.8), 1e-12);
        assertEquals(0.0, HeatMapImages.evidence(-1, 0.8), 1e-12);
    }

    @Test
    void aHeatMapImageColoursEachValueOnTheFixedScale() {
        float[] values = {0f, 0.4f, 1f, 0.2f};

        BufferedImage image = HeatMapImages.probability(values, 2, 2, 0.4, ColorMap.VIRIDIS);

        assertEquals(ColorMap.VIRIDIS.rgb(0), image.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(ColorMap.VIRIDIS.rgb(0.5), image.getRGB(1, 0) & 0xFFFFFF);
        assertEquals(ColorMap.VIRIDIS.rgb(1), image.getRGB(0, 1) & 0xFFFFFF);
        assertEquals(ColorMap.VIRIDIS.rgb(0.25), image.getRGB(1, 1) & 0xFFFFFF);
    }

    @Test
    void theOverlayOutlinesRegionsAndLeavesCleanAreasAsTheyWere() {
        BufferedImage base = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                base.setRGB(x, y, 0x808080);
            }
        }
        float[] scores = new float[100];
        int[] labels = new int[100];
        for (int y = 2; y < 8; y++) {
            for (int x = 2; x < 8; x++) {
                scores[y * 10 + x] = 1f;
                labels[y * 10 + x] = 1;
            }
        }

        BufferedImage o = Overlays.overlay(base, scores, labels, 0.5, ColorMap.VIRIDIS, 0.6);

        assertEquals(0x808080, o.getRGB(0, 0) & 0xFFFFFF, "zero evidence: the photograph");
        assertEquals(Overlays.CONTOUR, o.getRGB(2, 5) & 0xFFFFFF, "region edge");
        assertEquals(Overlays.CONTOUR, o.getRGB(3, 5) & 0xFFFFFF, "2 px contour");
        int inside = o.getRGB(5, 5) & 0xFFFFFF;
        assertTrue(inside != 0x808080 && inside != Overlays.CONTOUR, "inside is tinted");
    }

    @Test
    void anUnknownColorMapIsRefused() {
        assertThrows(tessera.util.TesseraException.class, () -> ColorMap.parse("jet"));
        assertEquals(ColorMap.TURBO, ColorMap.parse(" Turbo "));
    }
}
