package tessera.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/** Brings any decoded picture to TYPE_INT_RGB with 8 bits per channel. */
final class RgbImages {

    private RgbImages() {
    }

    static BufferedImage toIntRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        int bands = raster.getNumBands();
        boolean grey = !(cm instanceof IndexColorModel) && bands <= 2
                && cm.getColorSpace().getNumComponents() == 1;
        int[] row = new int[w];
        if (grey) {
            // Raw sample values: the JDK's grey colour space is linear and would brighten the picture.
            int bits = raster.getSampleModel().getSampleSize(0);
            int[] samples = new int[w];
            for (int y = 0; y < h; y++) {
                raster.getSamples(0, y, w, 1, 0, samples);
                for (int x = 0; x < w; x++) {
                    int v = to8Bit(samples[x], bits, raster.getTransferType());
                    row[x] = v << 16 | v << 8 | v;
                }
                out.setRGB(0, y, w, 1, row, 0, w);
            }
        } else {
            for (int y = 0; y < h; y++) {
                image.getRGB(0, y, w, 1, row, 0, w);
                out.setRGB(0, y, w, 1, row, 0, w);
            }
        }
        return out;
    }

    private static int to8Bit(int sample, int bits, int transferType) {
        if (bits == 8) {
            return sample & 0xFF;
        }
        if (transferType == DataBuffer.TYPE_FLOAT || transferType == DataBuffer.TYPE_DOUBLE) {
            return Math.max(0, Math.min(255, sample));
        }
        long max = (1L << bits) - 1;
        long v = sample & max;
        return (int) ((v * 255 + max / 2) / max);
    }
}
