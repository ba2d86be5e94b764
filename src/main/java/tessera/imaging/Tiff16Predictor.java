package tessera.imaging;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.formats.tiff.TiffDirectory;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfo;
import org.apache.commons.imaging.mylzw.MyLzwDecompressor;
import tessera.util.TesseraException;

/**
 * Decodes 16-bit TIFF strips stored with the horizontal-differencing predictor (Predictor 2),
 * as scientific cameras and photo editors write them: Commons Imaging 1.0.0-alpha6 undoes the
 * predictor byte by byte, which loses the carries between the bytes of a 16-bit sample and
 * returns wrong pixels without any error.
 */
final class Tiff16Predictor {

    private Tiff16Predictor() {
    }

    /** True for the files this class must decode in place of Commons Imaging. */
    static boolean applies(TiffDirectory dir) throws ImagingException {
        TiffField bits = dir.findField(TiffTagConstants.TIFF_TAG_BITS_PER_SAMPLE);
        TiffField predictor = dir.findField(TiffTagConstants.TIFF_TAG_PREDICTOR);
        return bits != null && bits.getIntArrayValue()[0] == 16 && predictor != null && predictor.getIntValue() == 2;
    }

    static BufferedImage decode(Path file, TiffDirectory dir) throws IOException {
        int width = intValue(dir, TiffTagConstants.TIFF_TAG_IMAGE_WIDTH, -1);
        int height = intValue(dir, TiffTagConstants.TIFF_TAG_IMAGE_LENGTH, -1);
        int samples = intValue(dir, TiffTagConstants.TIFF_TAG_SAMPLES_PER_PIXEL, 1);
        int photometric = intValue(dir, TiffTagConstants.TIFF_TAG_PHOTOMETRIC_INTERPRETATION, 1);
        int compression = intValue(dir, TiffTagConstants.TIFF_TAG_COMPRESSION, 1);
        int planar = intValue(dir, TiffTagConstants.TIFF_TAG_PLANAR_CONFIGURATION, 1);
        int rowsPerStrip = Math.min(height, intValue(dir, TiffTagConstants.TIFF_TAG_ROWS_PER_STRIP, height));
        TiffField offsetsField = dir.findField(TiffTagConstants.TIFF_TAG_STRIP_OFFSETS);
        TiffField countsField = dir.findField(TiffTagConstants.TIFF_TAG_STRIP_BYTE_COUNTS);
        if (offsetsField == null || countsField == null || planar != 1 || samples < 1 || samples > 4
                || !(photometric == 0 || photometric == 1 || photometric == 2) || rowsPerStrip < 1) {
            throw new TesseraException(file + ": unsupported 16-bit TIFF layout with predictor (tiles, separate planes"
                    + " or photometric " + photometric + ")");
        }
        if (photometric == 2 && samples < 3) {
            throw new TesseraException(file + ": corrupt TIFF: RGB with " + samples + " samples per pixel");
        }
        int[] offsets = offsetsField.getIntArrayValue();
        int[] counts = countsField.getIntArrayValue();
        int rowSamples = width * samples;
        int strips = (height + rowsPerStrip - 1) / rowsPerStrip;
        if (offsets.length < strips || counts.length < strips) {
            throw new TesseraException(file + ": corrupt TIFF: " + offsets.length + " strips for " + strips + " needed");
        }
        ByteOrder order = dir.getByteOrder();
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int[] row = new int[rowSamples];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int s = 0; s < strips; s++) {
                int rows = Math.min(rowsPerStrip, height - s * rowsPerStrip);
                int expected = rows * rowSamples * 2;
                byte[] stored = read(channel, Integer.toUnsignedLong(offsets[s]), counts[s], file);
                ByteBuffer data = ByteBuffer.wrap(decompress(stored, compression, expected, file)).order(order);
                for (int r = 0; r < rows; r++) {
                    for (int i = 0; i < rowSamples; i++) {
                        int v = data.getShort() & 0xFFFF;
                        row[i] = i < samples ? v : (v + row[i - samples]) & 0xFFFF;
                    }
                    int y = s * rowsPerStrip + r;
                    for (int x = 0; x < width; x++) {
                        int base = x * samples;
                        int red;
                        int green;
                        int blue;
                        if (photometric == 2) {
                            red = to8(row[base]);
                            green = to8(row[base + 1]);
                            blue = to8(row[base + 2]);
                        } else {
                            int grey = to8(row[base]);
                            red = green = blue = photometric == 0 ? 255 - grey : grey;
                        }
                        pixels[y * width + x] = red << 16 | green << 8 | blue;
                    }
                }
            }
        }
        return image;
    }

    private static int to8(int v) {
        return (v * 255 + 32767) / 65535;
    }

    private static byte[] read(FileChannel channel, long offset, int count, Path file) throws IOException {
        if (count < 0 || offset + count > channel.size()) {
            throw new TesseraException(file + ": truncated: a strip runs to byte " + (offset + Integer.toUnsignedLong(count))
                    + " but the file ends at byte " + channel.size());
        }
        ByteBuffer buffer = ByteBuffer.allocate(count);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, offset + buffer.position()) < 0) {
                throw new TesseraException(file + ": truncated inside a strip");
            }
        }
        return buffer.array();
    }

    private static byte[] decompress(byte[] stored, int compression, int expected, Path file) throws IOException {
        byte[] out = switch (compression) {
            case 1 -> stored;
            case 5 -> new MyLzwDecompressor(8, ByteOrder.BIG_ENDIAN, true)
                    .decompress(new ByteArrayInputStream(stored), expected);
            case 8, 32946 -> inflate(stored, expected, file);
            default -> throw new TesseraException(file + ": unsupported TIFF compression " + compression
                    + " for 16-bit samples with predictor; readable are none, LZW and Deflate");
        };
        if (out.length < expected) {
            throw new TesseraException(file + ": corrupt image data (a strip decodes to " + out.length + " of "
                    + expected + " bytes)");
        }
        return out;
    }

    private static byte[] inflate(byte[] stored, int expected, Path file) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored);
            ByteArrayOutputStream out = new ByteArrayOutputStream(expected);
            byte[] buffer = new byte[65536];
            while (!inflater.finished() && out.size() < expected) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new TesseraException(file + ": corrupt image data (Deflate: " + e.getMessage() + ")", e);
        } finally {
            inflater.end();
        }
    }

    private static int intValue(TiffDirectory dir, TagInfo tag, int absent) throws ImagingException {
        TiffField field = dir.findField(tag);
        return field == null ? absent : field.getIntValue();
    }
}
