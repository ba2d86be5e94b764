package tessera.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.common.AllocationRequestException;
import org.apache.commons.imaging.common.Allocator;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.TiffImagingParameters;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputDirectory;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.util.TesseraException;

class ImageLoaderTest {

    static {
        // The loader sets Commons Imaging's allocation limit; it must run before any TIFF is written here.
        try {
            Class.forName(ImageLoader.class.getName());
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @TempDir
    Path dir;

    // ---- formats ----

    @Test
    void pngIsReadExactlyAsRgb() throws IOException {
        Path file = dir.resolve("skin.png");
        ImageIO.write(TestImages.pattern(), "png", file.toFile());

        LoadedImage loaded = ImageLoader.load(file);

        assertEquals(BufferedImage.TYPE_INT_RGB, loaded.image().getType());
        assertEquals("png", loaded.metadata().format());
        assertEquals(8, loaded.metadata().bitsPerSample());
        assertEquals(1, loaded.metadata().orientation());
        assertPattern(loaded.image(), 0);
    }

    @Test
    void pngWithAnAlphaChannelKeepsItsColours() throws IOException {
        BufferedImage argb = new BufferedImage(TestImages.WIDTH, TestImages.HEIGHT, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < TestImages.HEIGHT; y++) {
            for (int x = 0; x < TestImages.WIDTH; x++) {
                argb.setRGB(x, y, 0xFF000000 | TestImages.rgb(x, y));
            }
        }
        Path file = dir.resolve("alpha.png");
        ImageIO.write(argb, "png", file.toFile());

        LoadedImage loaded = ImageLoader.load(file);

        assertEquals(BufferedImage.TYPE_INT_RGB, loaded.image().getType());
        assertPattern(loaded.image(), 0);
    }

    @Test
    void sixteenBitGreyPngIsScaledToEightBits() throws IOException {
        BufferedImage grey = new BufferedImage(TestImages.WIDTH, TestImages.HEIGHT, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < TestImages.HEIGHT; y++) {
            for (int x = 0; x < TestImages.WIDTH; x++) {
                grey.getRaster().setSample(x, y, 0, TestImages.grey16(x, y));
            }
        }
        Path file = dir.resolve("grey16.png");
        ImageIO.write(grey, "png", file.toFile());

        LoadedImage loaded = ImageLoader.load(file);

        assertEquals(16, loaded.metadata().bitsPerSample());
        assertGrey16(loaded.image());
    }

    @Test
    void jpegIsReadWithinCompressionError() throws IOException {
        Path file = dir.resolve("skin.jpg");
        ImageIO.write(TestImages.quadrants(), "jpeg", file.toFile());

        LoadedImage loaded = ImageLoader.load(file);

        assertEquals("jpeg", loaded.metadata().format());
        assertEquals(TestImages.WIDTH, loaded.width());
        assertEquals(TestImages.HEIGHT, loaded.height());
        // Quadrant centres survive JPEG compression to within a few levels.
        assertNear(TestImages.quadrantColour(5, 5), loaded.image().getRGB(5, 5), 12);
        assertNear(TestImages.quadrantColour(35, 25), loaded.image().getRGB(35, 25), 12);
    }

    @Test
    void bmpAndGifAreReadExactly() throws IOException {
        Path bmp = dir.resolve("skin.bmp");
        ImageIO.write(TestImages.pattern(), "bmp", bmp.toFile());
        Path gif = dir.resolve("skin.gif");
        ImageIO.write(TestImages.quadrants(), "gif", gif.toFile());

        LoadedImage fromBmp = ImageLoader.load(bmp);
        LoadedImage fromGif = ImageLoader.load(gif);

        assertEquals("bmp", fromBmp.metadata().format());
        assertPattern(fromBmp.image(), 0);
        assertEquals("gif", fromGif.metadata().format());
        assertEquals(BufferedImage.TYPE_INT_RGB, fromGif.image().getType());
        for (int y = 0; y < TestImages.HEIGHT; y++) {
            for (int x = 0; x < TestImages.WIDTH; x++) {
                assertEquals(TestImages.quadrantColour(x, y), fromGif.image().getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @Test
    void eightBitRgbTiffWrittenByCommonsImagingIsReadExactlyWithLzwAndDeflate() throws IOException {
        for (int compression : new int[] {TiffConstants.COMPRESSION_LZW, TiffConstants.COMPRESSION_DEFLATE_ADOBE,
                TiffConstants.COMPRESSION_UNCOMPRESSED}) {
            Path file = dir.resolve("skin-" + compression + ".tif");
            TiffImagingParameters params = new TiffImagingParameters();
            params.setCompression(compression);
            try (var out = Files.newOutputStream(file)) {
                new TiffImageWriterLossy().writeImage(TestImages.pattern(), out, params);
            }

            LoadedImage loaded = ImageLoader.load(file);

            assertEquals("tiff", loaded.metadata().format());
            assertEquals(8, loaded.metadata().bitsPerSample());
            assertPattern(loaded.image(), 0);
        }
    }

    @Test
    void greyTiffsOfEightAndSixteenBitsAreReadWithEveryCompression() throws IOException {
        int w = TestImages.WIDTH;
        int h = TestImages.HEIGHT;
        int[] grey8 = new int[w * h];
        int[] grey16 = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                grey8[y * w + x] = TestImages.grey16(x, y) >> 8;
                grey16[y * w + x] = TestImages.grey16(x, y);
            }
        }
        for (int compression : new int[] {1, 5, 8}) {
            Path eight = TestImages.write(dir, "g8-" + compression + ".tif",
                    TestImages.tiff(w, h, 1, 8, compression, 1, grey8));
            Path sixteen = TestImages.write(dir, "g16-" + compression + ".tif",
                    TestImages.tiff(w, h, 1, 16, compression, 1, grey16));

            LoadedImage loaded8 = ImageLoader.load(eight);
            LoadedImage loaded16 = ImageLoader.load(sixteen);

            assertEquals(8, loaded8.metadata().bitsPerSample());
            assertEquals(16, loaded16.metadata().bitsPerSample());
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int v = grey8[y * w + x];
                    assertEquals(v << 16 | v << 8 | v, loaded8.image().getRGB(x, y) & 0xFFFFFF, "8-bit grey at " + x + "," + y);
                }
            }
            assertGrey16(loaded16.image());
        }
    }

    @Test
    void sixteenBitRgbTiffIsReadWithLzwAndDeflate() throws IOException {
        int w = TestImages.WIDTH;
        int h = TestImages.HEIGHT;
        int[] samples = new int[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = TestImages.rgb(x, y);
                int i = 3 * (y * w + x);
                // 16-bit samples whose top byte is the 8-bit pattern.
                samples[i] = (c >> 16 & 0xFF) * 257;
                samples[i + 1] = (c >> 8 & 0xFF) * 257;
                samples[i + 2] = (c & 0xFF) * 257;
            }
        }
        for (int compression : new int[] {5, 8}) {
            Path file = TestImages.write(dir, "rgb16-" + compression + ".tif",
                    TestImages.tiff(w, h, 3, 16, compression, 1, samples));

            LoadedImage loaded = ImageLoader.load(file);

            assertEquals(16, loaded.metadata().bitsPerSample());
            assertEquals(BufferedImage.TYPE_INT_RGB, loaded.image().getType());
            assertPattern(loaded.image(), 1);
        }
    }

    /** Commons Imaging alpha6 gets these wrong (it undoes the predictor byte by byte): the loader must not. */
    @Test
    void sixteenBitTiffsWithAHorizontalPredictorAreReadExactly() throws IOException {
        int w = TestImages.WIDTH;
        int h = TestImages.HEIGHT;
        int[] grey16 = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                grey16[y * w + x] = TestImages.grey16(x, y);
            }
        }
        int[] rgb16 = new int[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = TestImages.rgb(x, y);
                int i = 3 * (y * w + x);
                rgb16[i] = (c >> 16 & 0xFF) * 257;
                rgb16[i + 1] = (c >> 8 & 0xFF) * 257;
                rgb16[i + 2] = (c & 0xFF) * 257;
            }
        }
        for (int compression : new int[] {1, 5, 8}) {
            Path grey = TestImages.write(dir, "grey-pred-" + compression + ".tif",
                    TestImages.tiff(w, h, 1, 16, compression, 1, grey16, true));
            Path colour = TestImages.write(dir, "rgb-pred-" + compression + ".tif",
                    TestImages.tiff(w, h, 3, 16, compression, 1, rgb16, true));

            assertGrey16(ImageLoader.load(grey).image());
            assertPattern(ImageLoader.load(colour).image(), 0);
        }
        // 8-bit samples with the predictor stay with Commons Imaging, which handles them right.
        int[] rgb8 = Arrays.stream(rgb16).map(v -> v >> 8).toArray();
        Path eight = TestImages.write(dir, "rgb8-pred.tif", TestImages.tiff(w, h, 3, 8, 5, 1, rgb8, true));
        assertPattern(ImageLoader.load(eight).image(), 0);
    }

    @Test
    void bigTiffIsNamedAsUnsupported() throws IOException {
        byte[] bigTiff = {'I', 'I', 43, 0, 8, 0, 0, 0, 16, 0, 0, 0, 0, 0, 0, 0};
        Path file = TestImages.write(dir, "big.tif", bigTiff);

        TesseraException e = assertThrows(TesseraException.class, () -> ImageLoader.load(file));

        assertOneLineNaming(file, e);
        assertTrue(e.getMessage().contains("BigTIFF"), e.getMessage());
    }

    // ---- orientation and metadata ----

    @Test
    void exifOrientationOfAJpegTurnsThePictureUpright() throws IOException {
        Path plain = dir.resolve("plain.jpg");
        ImageIO.write(TestImages.quadrants(), "jpeg", plain.toFile());
        TiffOutputSet exif = new TiffOutputSet();
        TiffOutputDirectory root = exif.getOrCreateRootDirectory();
        root.add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) 6);
        root.add(TiffTagConstants.TIFF_TAG_MAKE, "Olympus");
        root.add(TiffTagConstants.TIFF_TAG_MODEL, "TG-6");
        exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL, "2024:05:17 10:42:07");
        exif.setGpsInDegrees(8.5608, 47.4502);
        Path rotated = dir.resolve("rotated.jpg");
        try (var out = Files.newOutputStream(rotated)) {
            new ExifRewriter().updateExifMetadataLossless(plain.toFile(), out, exif);
        }

        LoadedImage loaded = ImageLoader.load(rotated);

        ImageMetadata m = loaded.metadata();
        assertEquals(6, m.orientation());
        assertEquals(TestImages.WIDTH, m.width());
        assertEquals("Olympus TG-6", m.camera());
        assertEquals("2024:05:17 10:42:07", m.dateTime());
        assertEquals(47.4502, m.latitude(), 1e-4);
        assertEquals(8.5608, m.longitude(), 1e-4);
        // Orientation 6: the stored top-left (red) quadrant is seen at the top right.
        assertEquals(TestImages.HEIGHT, loaded.width());
        assertEquals(TestImages.WIDTH, loaded.height());
        assertNear(TestImages.quadrantColour(5, 5), loaded.image().getRGB(loaded.width() - 6, 5), 12);
        assertNear(TestImages.quadrantColour(5, 25), loaded.image().getRGB(5, 5), 12);
    }

    @Test
    void everyOrientationMapsCornersAsExifDefines() throws IOException {
        int w = 3;
        int h = 2;
        int[] stored = {1, 2, 3, 4, 5, 6}; // grey values, row-major 3x2
        // Expected rows as seen after applying the orientation.
        int[][][] seen = {
                {{1, 2, 3}, {4, 5, 6}},
                {{3, 2, 1}, {6, 5, 4}},
                {{6, 5, 4}, {3, 2, 1}},
                {{4, 5, 6}, {1, 2, 3}},
                {{1, 4}, {2, 5}, {3, 6}},
                {{4, 1}, {5, 2}, {6, 3}},
                {{6, 3}, {5, 2}, {4, 1}},
                {{3, 6}, {2, 5}, {1, 4}},
        };
        for (int orientation = 1; orientation <= 8; orientation++) {
            Path file = TestImages.write(dir, "o" + orientation + ".tif",
                    TestImages.tiff(w, h, 1, 8, 1, orientation, stored));

            LoadedImage loaded = ImageLoader.load(file);

            int[][] expected = seen[orientation - 1];
            assertEquals(orientation, loaded.metadata().orientation());
            assertEquals(expected.length, loaded.height(), "height for orientation " + orientation);
            for (int y = 0; y < expected.length; y++) {
                for (int x = 0; x < expected[y].length; x++) {
                    assertEquals(expected[y][x], loaded.image().getRGB(x, y) & 0xFF,
                            "orientation " + orientation + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void aPictureWithoutExifHasNoCameraTimeOrPlace() throws IOException {
        Path file = dir.resolve("plain.jpg");
        ImageIO.write(TestImages.pattern(), "jpeg", file.toFile());

        ImageMetadata m = ImageLoader.readHeader(file);

        assertEquals(new ImageMetadata("jpeg", TestImages.WIDTH, TestImages.HEIGHT, 8, 1, null, null, null, null), m);
    }

    // ---- the pixel cap ----

    @Test
    void aPngHeaderDeclaringTenGigapixelsIsRefusedFastWithoutDecoding() throws IOException {
        Path file = TestImages.write(dir, "huge.png", TestImages.pngHeaderOnly(100_000, 100_000));

        long start = System.nanoTime();
        TesseraException e = assertThrows(TesseraException.class, () -> ImageLoader.load(file));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(millis < 1000, "refused in " + millis + " ms");
        assertOneLineNaming(file, e);
        assertTrue(e.getMessage().contains("100000 x 100000"), e.getMessage());
        assertTrue(e.getMessage().contains("(10000 megapixels), above the limit of 100 megapixels"), e.getMessage());
        assertEquals(100_000, ImageLoader.readHeader(file).width());
    }

    @Test
    void aTiffHeaderDeclaringAnEnormousImageIsRefusedFast() throws IOException {
        Path file = TestImages.write(dir, "huge.tif", TestImages.tiffHeaderOnly(100_000, 100_000, 1));
        Path beyondInt = TestImages.write(dir, "beyond.tif", TestImages.tiffHeaderOnly(4_000_000_000L, 3, 1));

        long start = System.nanoTime();
        TesseraException e = assertThrows(TesseraException.class, () -> ImageLoader.load(file));
        TesseraException e2 = assertThrows(TesseraException.class, () -> ImageLoader.load(beyondInt));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(millis < 1000, "refused in " + millis + " ms");
        assertOneLineNaming(file, e);
        assertTrue(e.getMessage().contains("above the limit"), e.getMessage());
        assertOneLineNaming(beyondInt, e2);
        assertTrue(e2.getMessage().contains("4000000000 x 3"), e2.getMessage());
    }

    @Test
    void theCapIsConfigurable() throws IOException {
        Path file = dir.resolve("skin.png");
        ImageIO.write(TestImages.pattern(), "png", file.toFile());

        TesseraException e = assertThrows(TesseraException.class, () -> ImageLoader.load(file, 1000));

        assertOneLineNaming(file, e);
        assertTrue(e.getMessage().contains("declares 40 x 30 pixels (1200 pixels), above the limit of 1000 pixels"),
                e.getMessage());
        assertEquals(TestImages.WIDTH, ImageLoader.load(file, TestImages.WIDTH * TestImages.HEIGHT).width());
    }

    @Test
    void commonsImagingAllocationLimitMatchesTheCap() {
        int limit = (int) (ImageLoader.DEFAULT_MAX_PIXELS * ImageLoader.MAX_BYTES_PER_PIXEL);

        assertEquals(String.valueOf(limit), System.getProperty(ImageLoader.ALLOCATION_LIMIT_PROPERTY));
        assertEquals(limit, Allocator.check(limit));
        assertThrows(AllocationRequestException.class, () -> Allocator.check(limit + 1));
    }

    // ---- bad files ----

    @Test
    void anEmptyFileIsNamedAsEmpty() throws IOException {
        Path file = TestImages.write(dir, "empty.jpg", new byte[0]);

        TesseraException e = assertThrows(TesseraException.class, () -> ImageLoader.load(file));

        assertOneLineNaming(file, e);
        assertTrue(e.getMessage().endsWith("empty file"), e.getMessage());
    }

    @Test
    void aTextFileIsNotAnImage() throws IOException {
        Path file = TestImages.write(dir, "notes.png", "Panel 4, rivet row B: check again".getBytes());

        TesseraException e = assertThrows(TesseraException.class, () -> ImageLoader.readHeader(file));

        assertOneLineNaming(file, e);
        assertTrue(e.getMessage().contains("not an image"), e.getMessage());
    }

    @Test
    void truncatedFilesOfEveryFormatAreReportedAsTruncated() throws IOException {
        BufferedImage noisy = noisy(200, 150);
        for (String format : new String[] {"png", "jpeg", "bmp", "gif"}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageIO.write(noisy, format, bytes);
            byte[] whole = bytes.toByteArray();
            Path file = TestImages.write(dir, "cut." + format, Arrays.copyOf(whole, whole.length / 2));

            TesseraException e = assertThrows(TesseraException.class, () -> ImageLoader.load(file), format);

            assertOneLineNaming(file, e);
            assertTrue(e.getMessage().contains("truncated"), format + ": " + e.getMessage());
        }
        int[] samples = new int[200 * 150 * 3];
        Arrays.fill(samples, 77);
        byte[] tiff = TestImages.tiff(200, 150, 3, 8, 1, 1, samples);
        Path tiffFile = TestImages.write(dir, "cut.tif", Arrays.copyOf(tiff, tiff.length / 2));
        TesseraException e = assertThrows(TesseraException.class, () -> ImageLoader.load(tiffFile));
        assertOneLineNaming(tiffFile, e);
        assertTrue(e.getMessage().contains("truncated"), "tiff: " + e.getMessage());
    }

    @Test
    void corruptDataIsReportedAsCorrupt() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(noisy(200, 150), "png", bytes);
        byte[] png = bytes.toByteArray();
        for (int i = 60; i < png.length - 40; i += 7) {
            png[i] = (byte) (png[i] ^ 0x5A);
        }
        Path file = TestImages.write(dir, "garbled.png", png);

        TesseraException e = assertThrows(TesseraException.class, () -> ImageLoader.load(file));

        assertOneLineNaming(file, e);
        assertTrue(e.getMessage().contains("corrupt") || e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void anUnsupportedTiffCompressionIsNamed() throws IOException {
        Path file = TestImages.write(dir, "jpeg-in.tif", TestImages.tiffHeaderOnly(64, 64, 7));

        TesseraException e = assertThrows(TesseraException.class, () -> ImageLoader.load(file));

        assertOneLineNaming(file, e);
        assertTrue(e.getMessage().contains("unsupported TIFF compression 7 (JPEG)"), e.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        Path file = dir.resolve("absent.tif");

        TesseraException e = assertThrows(TesseraException.class, () -> ImageLoader.load(file));

        assertOneLineNaming(file, e);
    }

    // ---- helpers ----

    private static BufferedImage noisy(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private static void assertPattern(BufferedImage image, int tolerance) {
        assertEquals(TestImages.WIDTH, image.getWidth());
        assertEquals(TestImages.HEIGHT, image.getHeight());
        for (int y = 0; y < TestImages.HEIGHT; y++) {
            for (int x = 0; x < TestImages.WIDTH; x++) {
                assertNear(TestImages.rgb(x, y), image.getRGB(x, y), tolerance);
            }
        }
    }

    private static void assertGrey16(BufferedImage image) {
        for (int y = 0; y < TestImages.HEIGHT; y++) {
            for (int x = 0; x < TestImages.WIDTH; x++) {
                int expected = Math.round(TestImages.grey16(x, y) / 257f);
                assertNear(expected << 16 | expected << 8 | expected, image.getRGB(x, y), 1);
            }
        }
    }

    private static void assertNear(int expectedRgb, int actualRgb, int tolerance) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int e = expectedRgb >> shift & 0xFF;
            int a = actualRgb >> shift & 0xFF;
            assertTrue(Math.abs(e - a) <= tolerance, String.format("expected #%06X, got #%06X",
                    expectedRgb & 0xFFFFFF, actualRgb & 0xFFFFFF));
        }
    }

    private static void assertOneLineNaming(Path file, TesseraException e) {
        assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
