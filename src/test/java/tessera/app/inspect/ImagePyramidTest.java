package tessera.app.inspect;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Showing images wider than a texture: the pyramid and the shared viewport. */
class ImagePyramidTest {

    @Test
    void givenAnImageWiderThanATextureThenItsFullLevelIsCroppedAndTheHalvesAreTextures() {
        BufferedImage wide = new BufferedImage(20_000, 600, BufferedImage.TYPE_INT_RGB);
        wide.setRGB(10_001, 301, 0xFFFFFF);

        ImagePyramid pyramid = ImagePyramid.of(wide);

        assertFalse(pyramid.fitsTexture(0), "20000 px is beyond JavaFX's 16384-pixel texture limit");
        assertTrue(pyramid.fitsTexture(1));
        assertEquals(10_000, pyramid.level(1).getWidth());
        assertEquals(300, pyramid.level(1).getHeight());
        assertTrue(Math.max(pyramid.top().getWidth(), pyramid.top().getHeight()) <= ImagePyramid.TOP_SIDE);
        assertTrue((pyramid.level(1).getRGB(5_000, 150) & 0xFF) > 0, "halving averages, a single bright pixel survives dimmed");
    }

    @Test
    void theCoarsestSharpEnoughLevelIsChosenForTheZoom() {
        ImagePyramid pyramid = ImagePyramid.of(new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB));

        assertEquals(List.of(4000, 2000, 1000, 500), widths(pyramid));
        assertEquals(3, pyramid.levelFor(0.1), "the whole image in a small panel: the top level");
        assertEquals(1, pyramid.levelFor(0.4), "half resolution still has a pixel per screen pixel");
        assertEquals(0, pyramid.levelFor(0.6));
        assertEquals(0, pyramid.levelFor(4), "zoomed in: full resolution, sharp");
    }

    @Test
    void zoomingKeepsThePointUnderThePointerAndPanningStaysOnTheImage() {
        Viewport fit = Viewport.fit(4000, 3000);
        Viewport zoomed = fit.zoomAt(4, 1000, 500, 4000, 3000);

        assertEquals(4, zoomed.magnification());
        // The pointer's image point is as far from the centre on screen as before, in screen pixels.
        double before = (1000 - fit.centreX()) * fit.screenPerImage(800, 600, 4000, 3000);
        double after = (1000 - zoomed.centreX()) * zoomed.screenPerImage(800, 600, 4000, 3000);
        assertEquals(before, after, 1e-9);
        Viewport panned = zoomed.pan(-10_000, 0, 4000, 3000);
        assertEquals(500, panned.centreX(), "a quarter of the width is shown: the centre stops half of it from the edge");
        assertEquals(2000, fit.pan(300, 0, 4000, 3000).centreX(), "the whole image shown: nothing to pan");
        assertEquals(1, fit.zoomAt(0.1, 0, 0, 4000, 3000).magnification(), "never smaller than the whole image");
    }

    private static List<Integer> widths(ImagePyramid p) {
        List<Integer> w = new ArrayList<>();
        for (int k = 0; k < p.levels(); k++) {
            w.add(p.level(k).getWidth());
        }
        return w;
    }
}
