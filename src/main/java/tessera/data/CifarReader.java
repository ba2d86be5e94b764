package tessera.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import tessera.util.TesseraException;

/**
 * The binary CIFAR batches: fixed-size records of label byte(s) followed by 32x32 pixels stored
 * as the red, green and blue planes, which is already our (C,H,W) layout.
 */
final class CifarReader {

    private static final int SIDE = 32;
    private static final int PIXELS = 3 * SIDE * SIDE;
    static final List<String> CIFAR10_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer",
            "dog", "frog", "horse", "ship", "truck");

    /** The two layouts differ in file names, label bytes and where the names live. */
    enum Variant {
        CIFAR10("cifar10", "cifar-10-batches-bin", 1, "batches.meta.txt"),
        CIFAR100("cifar100", "cifar-100-binary", 2, "fine_label_names.txt");

        final String format;
        final String folder;
        final int labelBytes;
        final String namesFile;

        Variant(String format, String folder, int labelBytes, String namesFile) {
            this.format = format;
            this.folder = folder;
            this.labelBytes = labelBytes;
            this.namesFile = namesFile;
        }

        private String firstTrainFile() {
            return this == CIFAR10 ? "data_batch_1.bin" : "train.bin";
        }

        private int recordLength() {
            return labelBytes + PIXELS;
        }
    }

    private CifarReader() {
    }

    /** The folder holding the batches: the given one, or the sub-folder the official archive unpacks to. */
    static Optional<Path> locate(Path dir, Variant variant) {
        for (Path candidate : List.of(dir, dir.resolve(variant.folder))) {
            if (Files.isRegularFile(candidate.resolve(variant.firstTrainFile()))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static LoadedSplits read(Path dir, Variant variant) throws IOException {
        Path root = locate(dir, variant).orElseThrow(() -> new TesseraException(
                "CIFAR data set " + dir + " lacks " + variant.firstTrainFile()));
        List<String> names = classNames(root, variant);
        List<Path> trainFiles = new ArrayList<>();
        if (variant == Variant.CIFAR10) {
            for (int b = 1; Files.isRegularFile(root.resolve("data_batch_" + b + ".bin")); b++) {
                trainFiles.add(root.resolve("data_batch_" + b + ".bin"));
            }
        } else {
            trainFiles.add(root.resolve("train.bin"));
        }
        String testName = variant == Variant.CIFAR10 ? "test_batch.bin" : "test.bin";
        Path testFile = root.resolve(testName);
        if (!Files.isRegularFile(testFile)) {
            throw new TesseraException("CIFAR data set " + root + " lacks " + testName);
        }
        return new LoadedSplits(readBatches(trainFiles, variant, names), readBatches(List.of(testFile), variant, names));
    }

    private static List<String> classNames(Path root, Variant variant) throws IOException {
        Path file = root.resolve(variant.namesFile);
        if (Files.isRegularFile(file)) {
            List<String> names = DataFiles.readNames(file);
            if (!names.isEmpty()) {
                return names;
            }
        }
        return variant == Variant.CIFAR10 ? CIFAR10_NAMES
                : IntStream.range(0, 100).mapToObj(Integer::toString).toList();
    }

    private static ImageSet readBatches(List<Path> files, Variant variant, List<String> names) throws IOException {
        int record = variant.recordLength();
        List<byte[]> contents = new ArrayList<>();
        int total = 0;
        for (Path file : files) {
            byte[] bytes = DataFiles.readAll(file);
            if (bytes.length == 0 || bytes.length % record != 0) {
                throw new TesseraException(file + " is " + bytes.length + " bytes, not a whole number of "
                        + record + "-byte " + variant.format + " records");
            }
            contents.add(bytes);
            total += bytes.length / record;
        }
        byte[] pixels = new byte[total * PIXELS];
        int[] labels = new int[total];
        int i = 0;
        for (int f = 0; f < files.size(); f++) {
            byte[] bytes = contents.get(f);
            int first = i;
            for (int offset = 0; offset < bytes.length; offset += record, i++) {
                // CIFAR-100 stores (coarse, fine); the fine label is the usual 100-class task.
                labels[i] = bytes[offset + variant.labelBytes - 1] & 0xFF;
                System.arraycopy(bytes, offset + variant.labelBytes, pixels, i * PIXELS, PIXELS);
            }
            DatasetLoader.checkLabels(files.get(f), Arrays.copyOfRange(labels, first, i), names.size());
        }
        return new ImageSet(3, SIDE, SIDE, pixels, labels, names);
    }
}
