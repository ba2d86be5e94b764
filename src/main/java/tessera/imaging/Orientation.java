package tessera.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** Turns a stored picture the way EXIF orientation 1-8 says it is meant to be seen. */
final class Orientation {

    private Orientation() {
    }

    /**
     * A new TYPE_INT_RGB image (or {@code image} itself for orientation 1 or an unknown value).
     * {@code image} must be a whole TYPE_INT_RGB image, as {@link RgbImages#toIntRgb} makes.
     */
    static BufferedImage apply(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] src = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        boolean transposed = orientation >= 5;
        int outW = transposed ? h : w;
        int outH = transposed ? w : h;
        BufferedImage out = new BufferedImage(outW, outH, BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> { tx = w - 1 - x; ty = y; }           // mirrored left-right
                    case 3 -> { tx = w - 1 - x; ty = h - 1 - y; }   // rotated 180
                    case 4 -> { tx = x; ty = h - 1 - y; }           // mirrored top-bottom
                    case 5 -> { tx = y; ty = x; }                   // transposed
                    case 6 -> { tx = h - 1 - y; ty = x; }           // rotate 90 clockwise to view
                    case 7 -> { tx = h - 1 - y; ty = w - 1 - x; }   // transverse
                    default -> { tx = y; ty = w - 1 - x; }          // 8: rotate 90 counter-clockwise to view
                }
                dst[ty * outW + tx] = src[y * w + x];
            }
        }
        return out;
    }
}
