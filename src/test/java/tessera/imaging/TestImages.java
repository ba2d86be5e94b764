package tessera.imaging;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.apache.commons.imaging.mylzw.MyLzwCompressor;

/** Real image files for the loader tests, written the way cameras and scanners write them. */
final class TestImages {

    static final int WIDTH = 40;
    static final int HEIGHT = 30;

    private TestImages() {
    }

    /** A colour pattern with distinct channels, so a swapped channel or a flip shows. */
    static int rgb(int x, int y) {
        int r = x * 6;
        int g = y * 8;
        int b = (x + 2 * y) % 256;
        return r << 16 | g << 8 | b;
    }

    static BufferedImage pattern() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image.setRGB(x, y, rgb(x, y));
            }
        }
        return image;
    }

    /** Four flat quadrants, which a GIF palette holds exactly and JPEG keeps recognisable. */
    static BufferedImage quadrants() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                image.setRGB(x, y, quadrantColour(x, y));
            }
        }
        return image;
    }

    static int quadrantColour(int x, int y) {
        boolean right = x >= WIDTH / 2;
        boolean bottom = y >= HEIGHT / 2;
        if (!right && !bottom) {
            return 0xE02020;
        }
        if (right && !bottom) {
            return 0x20C020;
        }
        return bottom && !right ? 0x2020E0 : 0xF0F0F0;
    }

    /** 16-bit grey value of the grey test pattern at (x, y). */
    static int grey16(int x, int y) {
        return (x * 1500 + y * 300) & 0xFFFF;
    }

    // ---- hand-made TIFF files: little-endian, one strip, as scanners and microscopes write them ----

    record Tag(int id, int type, long[] values) {
        static Tag shorts(int id, long... values) {
            return new Tag(id, 3, values);
        }

        static Tag longs(int id, long... values) {
            return new Tag(id, 4, values);
        }
    }

    /** A TIFF of {@code samples} per pixel (1 grey, 3 RGB) at {@code bits} per sample. */
    static byte[] tiff(int width, int height, int samples, int bits, int compression, int orientation,
                       int[] pixelSamples) throws IOException {
        return tiff(width, height, samples, bits, compression, orientation, pixelSamples, false);
    }

    /** With {@code predictor}, samples are stored as differences from their left neighbour (TIFF predictor 2). */
    static byte[] tiff(int width, int height, int samples, int bits, int compression, int orientation,
                       int[] pixelSamples, boolean predictor) throws IOException {
        int bytesPerSample = bits / 8;
        int[] stored = pixelSamples;
        if (predictor) {
            stored = pixelSamples.clone();
            int row = width * samples;
            for (int i = stored.length - 1; i >= 0; i--) {
                if (i % row >= samples) {
                    stored[i] = (pixelSamples[i] - pixelSamples[i - samples]) & (bits == 16 ? 0xFFFF : 0xFF);
                }
            }
        }
        ByteBuffer raw = ByteBuffer.allocate(width * height * samples * bytesPerSample).order(ByteOrder.LITTLE_ENDIAN);
        for (int s : stored) {
            if (bytesPerSample == 2) {
                raw.putShort((short) s);
            } else {
                raw.put((byte) s);
            }
        }
        byte[] strip = compress(raw.array(), compression);
        List<Tag> tags = new ArrayList<>();
        tags.add(Tag.longs(256, width));
        tags.add(Tag.longs(257, height));
        long[] bitsValues = new long[samples];
        java.util.Arrays.fill(bitsValues, bits);
        tags.add(Tag.shorts(258, bitsValues));
        tags.add(Tag.shorts(259, compression));
        tags.add(Tag.shorts(262, samples == 1 ? 1 : 2));
        tags.add(Tag.longs(273, 0)); // strip offset, patched below
        if (orientation != 1) {
            tags.add(Tag.shorts(274, orientation));
        }
        tags.add(Tag.shorts(277, samples));
        tags.add(Tag.longs(278, height));
        tags.add(Tag.longs(279, strip.length));
        tags.add(Tag.shorts(284, 1));
        if (predictor) {
            tags.add(Tag.shorts(317, 2));
        }
        return assemble(tags, strip);
    }

    /** A TIFF whose header declares {@code width} x {@code height} but holds only a few bytes of data. */
    static byte[] tiffHeaderOnly(long width, long height, int compression) throws IOException {
        List<Tag> tags = List.of(Tag.longs(256, width), Tag.longs(257, height), Tag.shorts(258, 8, 8, 8),
                Tag.shorts(259, compression), Tag.shorts(262, 2), Tag.longs(273, 0), Tag.shorts(277, 3),
                Tag.longs(278, height), Tag.longs(279, width * height * 3 & 0xFFFFFFFFL), Tag.shorts(284, 1));
        return assemble(tags, new byte[16]);
    }

    private static byte[] compress(byte[] raw, int compression) throws IOException {
        switch (compression) {
            case 1:
                return raw;
            case 5:
                return new MyLzwCompressor(8, ByteOrder.BIG_ENDIAN, true).compress(raw);
            case 8: {
                Deflater deflater = new Deflater();
                deflater.setInput(raw);
                deflater.finish();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
                deflater.end();
                return out.toByteArray();
            }
            default:
                return raw; // declared compression the loader must refuse; the bytes do not matter
        }
    }

    /** Header, the IFD, its out-of-line values, then the strip last (so cutting the file cuts the pixels). */
    private static byte[] assemble(List<Tag> tags, byte[] strip) {
        int ifdOffset = 8;
        int ifdSize = 2 + 12 * tags.size() + 4;
        int extraOffset = ifdOffset + ifdSize;
        int extraSize = 0;
        for (Tag tag : tags) {
            int bytes = (tag.type() == 3 ? 2 : 4) * tag.values().length;
            extraSize += bytes > 4 ? bytes : 0;
        }
        int stripOffset = extraOffset + extraSize;
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        ByteBuffer ifd = ByteBuffer.allocate(ifdSize).order(ByteOrder.LITTLE_ENDIAN);
        ifd.putShort((short) tags.size());
        for (Tag tag : tags) {
            long[] values = tag.id() == 273 ? new long[] {stripOffset} : tag.values();
            int size = tag.type() == 3 ? 2 : 4;
            ifd.putShort((short) tag.id()).putShort((short) tag.type()).putInt(values.length);
            ByteBuffer data = ByteBuffer.allocate(Math.max(4, size * values.length)).order(ByteOrder.LITTLE_ENDIAN);
            for (long v : values) {
                if (size == 2) {
                    data.putShort((short) v);
                } else {
                    data.putInt((int) v);
                }
            }
            if (size * values.length <= 4) {
                ifd.put(data.array(), 0, 4);
            } else {
                ifd.putInt(extraOffset + extra.size());
                extra.write(data.array(), 0, size * values.length);
            }
        }
        ifd.putInt(0);
        ByteBuffer file = ByteBuffer.allocate(stripOffset + strip.length).order(ByteOrder.LITTLE_ENDIAN);
        file.put(new byte[] {'I', 'I', 42, 0}).putInt(ifdOffset);
        file.put(ifd.array());
        file.put(extra.toByteArray());
        file.put(strip);
        return file.array();
    }

    /** A PNG that consists of a valid signature and IHDR declaring the size, and nothing else. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13);
        ihdr.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteBuffer png = ByteBuffer.allocate(8 + 12 + 13);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        png.putInt(13).put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put(ihdr.array());
        CRC32 crc = new CRC32();
        crc.update("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        crc.update(ihdr.array());
        png.putInt((int) crc.getValue());
        return png.array();
    }

    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }
}
