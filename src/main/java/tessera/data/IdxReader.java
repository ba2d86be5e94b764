package tessera.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import tessera.util.TesseraException;

/** MNIST-style IDX files (LeCun's format: big-endian header, then unsigned bytes). */
final class IdxReader {

    private static final int IMAGES_MAGIC = 0x00000803;
    private static final int LABELS_MAGIC = 0x00000801;
    static final String TRAIN_IMAGES = "train-images-idx3-ubyte";
    static final String TRAIN_LABELS = "train-labels-idx1-ubyte";
    static final String TEST_IMAGES = "t10k-images-idx3-ubyte";
    static final String TEST_LABELS = "t10k-labels-idx1-ubyte";
    static final List<String> FASHION_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    static final List<String> DIGIT_NAMES = IntStream.range(0, 10).mapToObj(Integer::toString).toList();

    private IdxReader() {
    }

    static boolean recognises(Path dir) {
        return DataFiles.find(dir, TRAIN_IMAGES).isPresent();
    }

    static LoadedSplits read(Path dir) throws IOException {
        List<String> names = classNames(dir);
        return new LoadedSplits(
                readPair(dir, TRAIN_IMAGES, TRAIN_LABELS, names),
                readPair(dir, TEST_IMAGES, TEST_LABELS, names));
    }

    /** classes.txt wins; otherwise the folder name tells Fashion-MNIST from digit sets. */
    private static List<String> classNames(Path dir) throws IOException {
        Path classes = dir.resolve("classes.txt");
        if (Files.isRegularFile(classes)) {
            List<String> names = DataFiles.readNames(classes);
            if (names.isEmpty()) {
                throw new TesseraException(classes + " lists no class names");
            }
            return names;
        }
        Path name = dir.toAbsolutePath().normalize().getFileName();
        boolean fashion = name != null && name.toString().toLowerCase(Locale.ROOT).contains("fashion");
        return fashion ? FASHION_NAMES : DIGIT_NAMES;
    }

    private static ImageSet readPair(Path dir, String imagesName, String labelsName, List<String> names)
            throws IOException {
        Path imagesFile = require(dir, imagesName);
        Path labelsFile = require(dir, labelsName);

        byte[] images = DataFiles.readAll(imagesFile);
        checkHeader(imagesFile, images, IMAGES_MAGIC, 16);
        int count = readInt(images, 4);
        int rows = readInt(images, 8);
        int cols = readInt(images, 12);
        checkLength(imagesFile, images, 16 + (long) count * rows * cols);

        byte[] labelBytes = DataFiles.readAll(labelsFile);
        checkHeader(labelsFile, labelBytes, LABELS_MAGIC, 8);
        int labelCount = readInt(labelBytes, 4);
        checkLength(labelsFile, labelBytes, 8 + (long) labelCount);
        if (labelCount != count) {
            throw new TesseraException(imagesFile + " holds " + count + " images but " + labelsFile.getFileName()
                    + " holds " + labelCount + " labels");
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = labelBytes[8 + i] & 0xFF;
        }
        DatasetLoader.checkLabels(labelsFile, labels, names.size());
        return new ImageSet(1, rows, cols, Arrays.copyOfRange(images, 16, images.length), labels, names);
    }

    private static Path require(Path dir, String name) {
        return DataFiles.find(dir, name).orElseThrow(() ->
                new TesseraException("IDX data set " + dir + " lacks " + name + " (or " + name + ".gz)"));
    }

    private static void checkHeader(Path file, byte[] bytes, int magic, int headerLength) {
        if (bytes.length < headerLength) {
            throw new TesseraException(file + " is truncated: expected a " + headerLength + "-byte IDX header, found "
                    + bytes.length + " bytes");
        }
        int found = readInt(bytes, 0);
        if (found != magic) {
            throw new TesseraException(String.format("%s is not an IDX %s file: magic number is 0x%08X, expected 0x%08X",
                    file, magic == IMAGES_MAGIC ? "image" : "label", found, magic));
        }
    }

    private static void checkLength(Path file, byte[] bytes, long expected) {
        if (bytes.length < expected) {
            throw new TesseraException(file + " is truncated: expected " + expected + " bytes, found " + bytes.length);
        }
        if (bytes.length > expected) {
            throw new TesseraException(file + " has trailing data: expected " + expected + " bytes, found " + bytes.length);
        }
    }

    private static int readInt(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) << 24 | (bytes[offset + 1] & 0xFF) << 16
                | (bytes[offset + 2] & 0xFF) << 8 | bytes[offset + 3] & 0xFF;
    }
}
