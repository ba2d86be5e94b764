package tessera.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tessera.util.TesseraException;

/**
 * A folder with one sub-folder of images per class (class index = position in name order),
 * either directly or under {@code train/}, {@code test/} and optionally {@code val/} or
 * {@code validation/}. Images are resized to a common size and share one channel count: 3 when
 * any image has a pixel with differing red, green and blue (judged on content, because PNG
 * writers often store grey pictures as RGB), else 1.
 */
final class ImageFolderReader {

    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderReader.class);

    /** One split's images, kept as RGB planes until every split is read and the channel count is known. */
    private record Decoded(List<byte[]> samples, List<Integer> labels) {
    }

    private final int imageSize;
    private final List<String> warnings = new ArrayList<>();
    private int height;
    private int width;
    private boolean colour;

    private ImageFolderReader(int imageSize) {
        this.imageSize = imageSize;
        this.height = imageSize;
        this.width = imageSize;
    }

    /**
     * Reads the folder. Without a {@code test/} split, the test set is carved from the training
     * images (same fraction as validation, or {@link DatasetLoader#DEFAULT_TEST_FRACTION} when
     * the validation fraction is 0, since evaluation always needs a test set).
     */
    static LoadedSplits read(Path dir, DatasetOptions options) throws IOException {
        return new ImageFolderReader(options.imageSize()).readSplits(dir, options);
    }

    private LoadedSplits readSplits(Path dir, DatasetOptions options) throws IOException {
        Path trainDir = dir.resolve("train");
        boolean split = Files.isDirectory(trainDir);
        Path testDir = split ? existing(dir.resolve("test")) : null;
        Path validationDir = split ? existing(dir.resolve("val"), dir.resolve("validation")) : null;

        List<String> classNames = classNames(split ? Stream.of(trainDir, testDir, validationDir) : Stream.of(dir));
        if (classNames.isEmpty()) {
            throw new TesseraException("Image folder " + (split ? trainDir : dir)
                    + " has no class folders: expected one sub-folder of images per class");
        }
        Decoded train = decode(split ? trainDir : dir, classNames);
        Decoded test = testDir == null ? null : decode(testDir, classNames);
        Decoded validation = validationDir == null ? null : decode(validationDir, classNames);

        int channels = colour ? 3 : 1;
        ImageSet trainSet = toImageSet(train, channels, classNames);
        ImageSet testSet;
        if (test != null) {
            testSet = toImageSet(test, channels, classNames);
        } else {
            double fraction = options.validationFraction() > 0
                    ? options.validationFraction() : DatasetLoader.DEFAULT_TEST_FRACTION;
            ImageSet[] parts = DatasetLoader.holdOut(trainSet, fraction, options.seed());
            trainSet = parts[0];
            testSet = parts[1];
        }
        ImageSet validationSet = validation == null ? null : toImageSet(validation, channels, classNames);
        return new LoadedSplits(trainSet, validationSet, testSet, warnings);
    }

    private static Path existing(Path... candidates) {
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The union over splits, so a class missing from one split keeps the same index everywhere. */
    private static List<String> classNames(Stream<Path> splitDirs) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        for (Path splitDir : (Iterable<Path>) splitDirs::iterator) {
            if (splitDir == null) {
                continue;
            }
            for (Path child : sortedChildren(splitDir)) {
                if (Files.isDirectory(child)) {
                    names.add(child.getFileName().toString());
                }
            }
        }
        return List.copyOf(names);
    }

    private Decoded decode(Path splitDir, List<String> classNames) throws IOException {
        Decoded decoded = new Decoded(new ArrayList<>(), new ArrayList<>());
        for (int label = 0; label < classNames.size(); label++) {
            Path classDir = splitDir.resolve(classNames.get(label));
            if (!Files.isDirectory(classDir)) {
                continue;
            }
            int before = decoded.samples().size();
            for (Path file : sortedChildren(classDir)) {
                byte[] sample = decodeImage(file);
                if (sample != null) {
                    decoded.samples().add(sample);
                    decoded.labels().add(label);
                }
            }
            if (decoded.samples().size() == before) {
                throw new TesseraException("Class folder " + classDir + " has no readable images");
            }
        }
        return decoded;
    }

    /** Hidden files (.DS_Store, editor backups) are skipped silently, anything else unreadable with a warning. */
    private static List<Path> sortedChildren(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    /** RGB planes at the common size, or null (with a warning) when the file is not a readable image. */
    private byte[] decodeImage(Path file) {
        BufferedImage image;
        try {
            image = Files.isRegularFile(file) ? ImageIO.read(file.toFile()) : null;
        } catch (IOException | RuntimeException e) {
            warn(file, "cannot be decoded (" + e.getMessage() + ")");
            return null;
        }
        if (image == null) {
            warn(file, "is not an image file");
            return null;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        if (height == 0) {
            // Natural size: the first image sets it, the rest follow.
            height = h;
            width = w;
        }
        int plane = h * w;
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] rgb = new byte[3 * plane];
        for (int p = 0; p < plane; p++) {
            int r = argb[p] >> 16 & 0xFF;
            int g = argb[p] >> 8 & 0xFF;
            int b = argb[p] & 0xFF;
            colour |= r != g || g != b;
            rgb[p] = (byte) r;
            rgb[plane + p] = (byte) g;
            rgb[2 * plane + p] = (byte) b;
        }
        return Resampling.resize(rgb, 3, h, w, height, width);
    }

    private void warn(Path file, String problem) {
        String message = "Skipped " + file + ": " + problem;
        LOG.warn(message);
        warnings.add(message);
    }

    private ImageSet toImageSet(Decoded decoded, int channels, List<String> classNames) {
        int plane = height * width;
        int length = channels * plane;
        byte[] pixels = new byte[decoded.samples().size() * length];
        int[] labels = new int[decoded.samples().size()];
        for (int i = 0; i < labels.length; i++) {
            // Grey images have equal planes, so the first plane is the image.
            System.arraycopy(decoded.samples().get(i), 0, pixels, i * length, length);
            labels[i] = decoded.labels().get(i);
        }
        return new ImageSet(channels, height, width, pixels, labels, classNames);
    }
}
