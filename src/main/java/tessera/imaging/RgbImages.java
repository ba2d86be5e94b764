package tessera.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;

/** Brings any decoded picture to TYPE_INT_RGB with 8 bits per channel. */
final class RgbImages {

    private RgbImages() {
    }

    static BufferedImage toIntRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB && isWholeIntRaster(image)) {
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
        if (copyInterleavedBytes(image, out) || copyIntArgb(image, out)) {
            return out;
        }
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

    /**
     * 8-bit sRGB samples interleaved in one byte array (what ImageIO decodes JPEG and PNG into):
     * copied directly, since the colour-model path costs most of the loading time of a large photograph.
     */
    private static boolean copyInterleavedBytes(BufferedImage image, BufferedImage out) {
        Raster raster = image.getRaster();
        ColorModel cm = image.getColorModel();
        if (!(cm instanceof ComponentColorModel) || !cm.getColorSpace().isCS_sRGB() || raster.getNumBands() < 3
                || !(raster.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getNumBanks() != 1
                || !(raster.getSampleModel() instanceof PixelInterleavedSampleModel model)
                || raster.getSampleModelTranslateX() != 0 || raster.getSampleModelTranslateY() != 0) {
            return false;
        }
        byte[] data = buffer.getData();
        int base = buffer.getOffset();
        int pixelStride = model.getPixelStride();
        int scanline = model.getScanlineStride();
        int[] offsets = model.getBandOffsets();
        int r = offsets[0];
        int g = offsets[1];
        int b = offsets[2];
        int w = image.getWidth();
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < image.getHeight(); y++) {
            int i = base + y * scanline;
            int o = y * w;
            for (int x = 0; x < w; x++, i += pixelStride) {
                pixels[o + x] = (data[i + r] & 0xFF) << 16 | (data[i + g] & 0xFF) << 8 | data[i + b] & 0xFF;
            }
        }
        return true;
    }

    /** ARGB ints (what Commons Imaging decodes TIFF into): the colour bits as they are. */
    private static boolean copyIntArgb(BufferedImage image, BufferedImage out) {
        if (image.getType() != BufferedImage.TYPE_INT_ARGB || !isWholeIntRaster(image)) {
            return false;
        }
        int[] in = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = in[i] & 0xFFFFFF;
        }
        return true;
    }

    /** One int per pixel, row after row from index 0: the layout the fast paths and the tilers rely on. */
    static boolean isWholeIntRaster(BufferedImage image) {
        Raster raster = image.getRaster();
        return raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == image.getWidth()
                && raster.getDataBuffer() instanceof DataBufferInt buffer
                && buffer.getNumBanks() == 1 && buffer.getOffset() == 0
                && raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0;
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
