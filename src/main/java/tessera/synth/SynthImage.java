package tessera.synth;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One generated photograph with its ground truth.
 *
 * @param name    file name stem, e.g. {@code fuselage-0003}
 * @param image   the photograph, TYPE_INT_RGB
 * @param mask    one byte per pixel, row-major: 0 clean, 1-3 the corrosion severity
 * @param regions the corroded regions, whose pixels are exactly the non-zero mask pixels
 * @param surface "painted" or "bare"
 */
public record SynthImage(String name, BufferedImage image, byte[] mask, List<CorrosionRegion> regions, String surface) {

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }
}
