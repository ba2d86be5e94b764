package tessera.imaging;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.ImageInputStream;
import org.apache.commons.imaging.FormatCompliance;
import org.apache.commons.imaging.Imaging;
import org.apache.commons.imaging.ImagingException;
import org.apache.commons.imaging.bytesource.ByteSource;
import org.apache.commons.imaging.formats.jpeg.JpegImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffContents;
import org.apache.commons.imaging.formats.tiff.TiffDirectory;
import org.apache.commons.imaging.formats.tiff.TiffField;
import org.apache.commons.imaging.formats.tiff.TiffImageMetadata;
import org.apache.commons.imaging.formats.tiff.TiffImageParser;
import org.apache.commons.imaging.formats.tiff.TiffImagingParameters;
import org.apache.commons.imaging.formats.tiff.TiffReader;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.taginfos.TagInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tessera.util.TesseraException;

/**
 * Reads fuselage photographs: JPEG, PNG, BMP and GIF through the JDK's ImageIO, TIFF (8 or 16
 * bit, grey or RGB, uncompressed, LZW, Deflate or PackBits) through Commons Imaging. The header
 * is read first, and an image whose header declares more pixels than the cap is refused before
 * any pixel is decoded. Every failure is a {@link TesseraException} whose one-line message
 * names the file and the reason.
 */
public final class ImageLoader {

    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    /** System property read once by Commons Imaging's Allocator: the largest array (bytes) it may allocate. */
    static final String ALLOCATION_LIMIT_PROPERTY = "org.apache.commons.imaging.common.Allocator";

    /** Bytes per pixel of the widest layout we decode (16-bit RGBA), so a capped image always fits. */
    static final int MAX_BYTES_PER_PIXEL = 8;

    private static final Logger LOG = LoggerFactory.getLogger(ImageLoader.class);

    /** TIFF compressions Commons Imaging decodes: none, CCITT 1D/T4/T6, LZW, PackBits, Deflate (Adobe and old). */
    private static final int[] TIFF_COMPRESSIONS = {1, 2, 3, 4, 5, 32773, 8, 32946};

    static {
        // The Allocator reads its limit once, when first used: set it to the cap before that happens.
        if (System.getProperty(ALLOCATION_LIMIT_PROPERTY) == null) {
            long bytes = Math.min(Integer.MAX_VALUE - 8L, DEFAULT_MAX_PIXELS * MAX_BYTES_PER_PIXEL);
            System.setProperty(ALLOCATION_LIMIT_PROPERTY, Long.toString(bytes));
        }
    }

    private ImageLoader() {
    }

    /** Decodes the image with the default cap of {@value #DEFAULT_MAX_PIXELS} pixels. */
    public static LoadedImage load(Path file) {
        return load(file, DEFAULT_MAX_PIXELS);
    }

    /** Decodes the image, refusing it before decoding when its header declares more than {@code maxPixels}. */
    public static LoadedImage load(Path file, long maxPixels) {
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
        }
        Header header = header(file);
        ImageMetadata metadata = header.metadata();
        if (header.pixels() > maxPixels) {
            throw new TesseraException(String.format(Locale.ROOT,
                    "%s: the header declares %d x %d pixels (%s), above the limit of %s; refused without decoding",
                    file, header.width(), header.height(), pixelCount(header.pixels()), pixelCount(maxPixels)));
        }
        checkComplete(file, header);
        try {
            BufferedImage decoded = header.kind() == ImageKind.TIFF ? decodeTiff(file, header.tiffDirectory())
                    : decodeWithImageIo(file, header.kind());
            if (decoded.getWidth() != metadata.width() || decoded.getHeight() != metadata.height()) {
                throw new TesseraException(file + ": corrupt image: header declares " + metadata.width() + " x "
                        + metadata.height() + " but the data decode to " + decoded.getWidth() + " x "
                        + decoded.getHeight());
            }
            BufferedImage rgb = Orientation.apply(RgbImages.toIntRgb(decoded), metadata.orientation());
            return new LoadedImage(file, rgb, metadata);
        } catch (OutOfMemoryError e) {
            // The failed allocation is garbage now: the workstation can go on with smaller images.
            throw new TesseraException(String.format(Locale.ROOT,
                    "%s: not enough memory to decode %d x %d pixels (about %d MB needed, %d MB allowed); give Java"
                            + " more memory (-Xmx) or use a smaller image", file, header.width(), header.height(),
                    header.pixels() * 8 / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20)));
        }
    }

    private static String pixelCount(long pixels) {
        if (pixels < 1_000_000) {
            return pixels + " pixels";
        }
        return pixels % 1_000_000 == 0 ? pixels / 1_000_000 + " megapixels"
                : String.format(Locale.ROOT, "%.1f megapixels", pixels / 1e6);
    }

    /** A TIFF whose strips run past the end of the file was cut short: say so before decoding. */
    private static void checkComplete(Path file, Header header) {
        try {
            long size = Files.size(file);
            if (header.dataEnd() > size) {
                throw new TesseraException(file + ": truncated: the image data run to byte " + header.dataEnd()
                        + " but the file ends at byte " + size);
            }
        } catch (IOException e) {
            throw new TesseraException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The header only: format, size, sample depth, orientation and EXIF camera, time and GPS. */
    public static ImageMetadata readHeader(Path file) {
        return header(file).metadata();
    }

    /** The header with the declared size as unsigned values, which a hostile TIFF may push past int. */
    private record Header(ImageKind kind, ImageMetadata metadata, long width, long height, long dataEnd,
                          TiffDirectory tiffDirectory) {
        long pixels() {
            return width * height;
        }
    }

    private static Header header(Path file) {
        ImageKind kind = sniff(file);
        try {
            return kind == ImageKind.TIFF ? tiffHeader(file) : imageIoHeader(file, kind);
        } catch (TesseraException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw failure(file, kind, "header", e);
        }
    }

    private static ImageKind sniff(Path file) {
        if (!Files.exists(file)) {
            throw new TesseraException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new TesseraException(file + ": not a file");
        }
        byte[] head = new byte[ImageKind.SIGNATURE_LENGTH];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        } catch (NoSuchFileException e) {
            throw new TesseraException(file + ": no such file");
        } catch (IOException e) {
            throw new TesseraException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
        if (length == 0) {
            throw new TesseraException(file + ": empty file");
        }
        ImageKind kind = ImageKind.sniff(head, length);
        if (kind == null && length >= 4 && (head[0] == 'I' && head[1] == 'I' && head[2] == 43 && head[3] == 0
                || head[0] == 'M' && head[1] == 'M' && head[2] == 0 && head[3] == 43)) {
            throw new TesseraException(file + ": unsupported format BigTIFF (64-bit offsets); save it as a classic TIFF");
        }
        if (kind == null) {
            throw new TesseraException(file + ": not an image (content is none of JPEG, PNG, BMP, GIF, TIFF)");
        }
        return kind;
    }

    private static Header imageIoHeader(Path file, ImageKind kind) throws IOException {
        int width;
        int height;
        int bits;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(kind);
            try {
                reader.setInput(in, true, true);
                width = reader.getWidth(0);
                height = reader.getHeight(0);
                bits = bitsPerSample(reader);
            } finally {
                reader.dispose();
            }
        }
        if (width <= 0 || height <= 0) {
            throw new TesseraException(file + ": corrupt header: declares " + width + " x " + height + " pixels");
        }
        ExifFields exif = kind == ImageKind.JPEG ? jpegExif(file) : ExifFields.NONE;
        return new Header(kind, metadata(kind, width, height, bits, exif), width, height, 0, null);
    }

    private static ImageReader reader(ImageKind kind) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind.formatName);
        if (!readers.hasNext()) {
            throw new IllegalStateException("The JDK has no ImageIO reader for " + kind.formatName);
        }
        return readers.next();
    }

    private static int bitsPerSample(ImageReader reader) {
        try {
            ImageTypeSpecifier type = reader.getRawImageType(0);
            if (type == null) {
                Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
                type = types.hasNext() ? types.next() : null;
            }
            return type == null ? 8 : type.getSampleModel().getSampleSize(0);
        } catch (IOException | RuntimeException e) {
            return 8; // the depth is informative only; decoding reports a real problem
        }
    }

    /** EXIF from a JPEG's APP1 segment; a broken EXIF block costs the metadata, not the picture. */
    private static ExifFields jpegExif(Path file) {
        try {
            org.apache.commons.imaging.common.ImageMetadata metadata = Imaging.getMetadata(file.toFile());
            if (metadata instanceof JpegImageMetadata jpeg) {
                return ExifFields.of(jpeg.getExif());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: EXIF metadata unreadable, ignored ({})", file, e.getMessage());
        }
        return ExifFields.NONE;
    }

    private static Header tiffHeader(Path file) throws IOException {
        TiffContents contents = new TiffReader(false).readDirectories(ByteSource.path(file), false,
                FormatCompliance.getDefault());
        if (contents.directories.isEmpty()) {
            throw new TesseraException(file + ": corrupt TIFF: no image directory");
        }
        TiffDirectory first = contents.directories.get(0);
        long width = unsigned(file, first, TiffTagConstants.TIFF_TAG_IMAGE_WIDTH);
        long height = unsigned(file, first, TiffTagConstants.TIFF_TAG_IMAGE_LENGTH);
        if (width <= 0 || height <= 0) {
            throw new TesseraException(file + ": corrupt TIFF header: declares " + width + " x " + height + " pixels");
        }
        TiffField compressionField = first.findField(TiffTagConstants.TIFF_TAG_COMPRESSION);
        int compression = compressionField == null ? 1 : compressionField.getIntValue();
        if (!supportedCompression(compression)) {
            throw new TesseraException(file + ": unsupported TIFF compression " + compression + " ("
                    + compressionName(compression) + "); readable are none, LZW, Deflate, PackBits and CCITT");
        }
        TiffField bitsField = first.findField(TiffTagConstants.TIFF_TAG_BITS_PER_SAMPLE);
        int bits = bitsField == null ? 1 : bitsField.getIntArrayValue()[0];
        ExifFields exif = ExifFields.of(tiffMetadata(contents));
        int w = (int) Math.min(width, Integer.MAX_VALUE);
        int h = (int) Math.min(height, Integer.MAX_VALUE);
        long dataEnd = Math.max(dataEnd(first, TiffTagConstants.TIFF_TAG_STRIP_OFFSETS, TiffTagConstants.TIFF_TAG_STRIP_BYTE_COUNTS),
                dataEnd(first, TiffTagConstants.TIFF_TAG_TILE_OFFSETS, TiffTagConstants.TIFF_TAG_TILE_BYTE_COUNTS));
        return new Header(ImageKind.TIFF, metadata(ImageKind.TIFF, w, h, bits, exif), width, height, dataEnd, first);
    }

    /** The metadata view Commons Imaging's own getMetadata builds, made from the directories already read. */
    private static TiffImageMetadata tiffMetadata(TiffContents contents) {
        TiffImageMetadata metadata = new TiffImageMetadata(contents);
        for (TiffDirectory directory : contents.directories) {
            TiffImageMetadata.Directory item = new TiffImageMetadata.Directory(directory.getByteOrder(), directory);
            for (TiffField field : directory.getDirectoryEntries()) {
                item.add(field);
            }
            metadata.add(item);
        }
        return metadata;
    }

    /** The byte just past the last strip or tile, as the directory declares it (0 when absent). */
    private static long dataEnd(TiffDirectory dir, TagInfo offsetsTag, TagInfo countsTag) throws ImagingException {
        TiffField offsets = dir.findField(offsetsTag);
        TiffField counts = dir.findField(countsTag);
        if (offsets == null || counts == null) {
            return 0;
        }
        int[] o = offsets.getIntArrayValue();
        int[] c = counts.getIntArrayValue();
        long end = 0;
        for (int i = 0; i < Math.min(o.length, c.length); i++) {
            end = Math.max(end, Integer.toUnsignedLong(o[i]) + Integer.toUnsignedLong(c[i]));
        }
        return end;
    }

    private static long unsigned(Path file, TiffDirectory dir, TagInfo tag) throws ImagingException {
        TiffField field = dir.findField(tag);
        if (field == null) {
            throw new TesseraException(file + ": corrupt TIFF header: no " + tag.name + " tag");
        }
        return field.getLongValue() & 0xFFFF_FFFFL;
    }

    private static boolean supportedCompression(int compression) {
        for (int c : TIFF_COMPRESSIONS) {
            if (c == compression) {
                return true;
            }
        }
        return false;
    }

    private static String compressionName(int compression) {
        return switch (compression) {
            case 6, 7 -> "JPEG";
            case 34712 -> "JPEG 2000";
            case 34887, 34892 -> "lossy JPEG";
            case 50000 -> "Zstandard";
            case 34925 -> "LZMA";
            case 50001 -> "WebP";
            case 32809 -> "ThunderScan";
            default -> "unknown";
        };
    }

    private static ImageMetadata metadata(ImageKind kind, int width, int height, int bits, ExifFields exif) {
        return new ImageMetadata(kind.formatName, width, height, bits, exif.orientation(), exif.camera(),
                exif.dateTime(), exif.latitude(), exif.longitude());
    }

    private static BufferedImage decodeWithImageIo(Path file, ImageKind kind) {
        List<String> warnings = new ArrayList<>();
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = reader(kind);
            try {
                reader.setInput(in, true, true);
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw failure(file, kind, "data", e);
        }
        for (String warning : warnings) {
            if (isTruncation(warning)) {
                throw new TesseraException(file + ": truncated: " + oneLine(warning));
            }
            LOG.warn("{}: {}", file, oneLine(warning));
        }
        return image;
    }

    private static BufferedImage decodeTiff(Path file, TiffDirectory directory) {
        try {
            if (Tiff16Predictor.applies(directory)) {
                return Tiff16Predictor.decode(file, directory);
            }
            return new TiffImageParser().getBufferedImage(ByteSource.path(file), new TiffImagingParameters());
        } catch (TesseraException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw failure(file, ImageKind.TIFF, "data", e);
        }
    }

    /** A decoder's exception as one line: truncated when it ran out of bytes, corrupt otherwise. */
    private static TesseraException failure(Path file, ImageKind kind, String part, Throwable e) {
        String reason = describe(e);
        if (isTruncation(e) || !kind.endsWhole(file)) {
            return new TesseraException(file + ": truncated: the file ends inside the image " + part
                    + " (" + reason + ")", e);
        }
        if (e instanceof org.apache.commons.imaging.common.AllocationRequestException) {
            return new TesseraException(file + ": refused: decoding would exceed the allocation limit (" + reason + ")", e);
        }
        return new TesseraException(file + ": corrupt image " + part + " (" + reason + ")", e);
    }

    private static boolean isTruncation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EOFException || t.getMessage() != null && isTruncation(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTruncation(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("premature end") || m.contains("end of file") || m.contains("unexpected eof")
                || m.contains("eof") && !m.contains("eoi") || m.contains("truncated")
                || m.contains("could not read block") || m.contains("not enough data");
    }

    private static String describe(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        return message == null ? t.getClass().getSimpleName() : oneLine(message);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
