package tessera.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import tessera.util.TesseraException;

/**
 * Loads a data set given as a path, detecting its format unless one is named:
 * <ul>
 *   <li>{@code idx}: MNIST-style {@code train-images-idx3-ubyte} etc., gzipped or not;</li>
 *   <li>{@code cifar10}: {@code data_batch_N.bin} and {@code test_batch.bin}, here or in {@code cifar-10-batches-bin/};</li>
 *   <li>{@code cifar100}: {@code train.bin} and {@code test.bin}, here or in {@code cifar-100-binary/};</li>
 *   <li>{@code synth}: a {@code tessera synth} folder, whose {@code tiles/} is read as an image folder;</li>
 *   <li>{@code folder}: anything else, see {@link ImageFolderReader}.</li>
 * </ul>
 * When the data set has no validation split, {@code validationFraction} of the training images
 * (a seeded random choice) becomes the validation set.
 */
public final class DatasetLoader {

    /** Test share carved from a single image folder when the validation fraction is 0. */
    static final double DEFAULT_TEST_FRACTION = 0.1;

    private DatasetLoader() {
    }

    public static DataSplits load(Path path, DatasetOptions options) throws IOException {
        if (!Files.exists(path)) {
            throw new TesseraException("Dataset not found: " + path);
        }
        if (!Files.isDirectory(path)) {
            throw new TesseraException("Dataset " + path + " is a file: expected a folder of IDX files, CIFAR batches,"
                    + " class folders of images or a tessera synth output");
        }
        String format = options.format() != null ? options.format() : detect(path);
        LoadedSplits loaded = switch (format) {
            case "idx" -> IdxReader.read(path);
            case "cifar10" -> CifarReader.read(path, CifarReader.Variant.CIFAR10);
            case "cifar100" -> CifarReader.read(path, CifarReader.Variant.CIFAR100);
            case "synth" -> ImageFolderReader.read(synthTiles(path), options);
            case "folder" -> ImageFolderReader.read(path, options);
            default -> throw new IllegalStateException("DatasetOptions admitted format " + format);
        };

        ImageSet train = loaded.train();
        ImageSet validation = loaded.validation();
        if (validation == null) {
            ImageSet[] parts = holdOut(train, options.validationFraction(), options.seed());
            train = parts[0];
            validation = parts[1];
        }
        ImageSet test = loaded.test();
        if (options.imageSize() > 0) {
            int size = options.imageSize();
            train = train.adaptedTo(train.channels(), size, size);
            validation = validation.adaptedTo(train.channels(), size, size);
            test = test.adaptedTo(train.channels(), size, size);
        }
        return new DataSplits(format, path, train, validation, test, loaded.warnings());
    }

    /** The format {@link #load} would use for this folder. */
    public static String detect(Path dir) {
        if (IdxReader.recognises(dir)) {
            return "idx";
        }
        if (CifarReader.locate(dir, CifarReader.Variant.CIFAR10).isPresent()) {
            return "cifar10";
        }
        if (CifarReader.locate(dir, CifarReader.Variant.CIFAR100).isPresent()) {
            return "cifar100";
        }
        if (Files.isDirectory(dir.resolve("tiles"))) {
            return "synth";
        }
        return "folder";
    }

    private static Path synthTiles(Path dir) {
        Path tiles = dir.resolve("tiles");
        if (!Files.isDirectory(tiles)) {
            throw new TesseraException("Synthetic data set " + dir + " lacks its tiles/ folder");
        }
        return tiles;
    }

    /**
     * Splits off round(fraction*n) seeded-random samples: {rest, heldOut}, each in original order
     * (the trainer shuffles per epoch; keeping order makes splits easy to inspect).
     */
    static ImageSet[] holdOut(ImageSet set, double fraction, long seed) {
        if (fraction <= 0 || set.size() == 0) {
            return new ImageSet[] {set, set.empty()};
        }
        int[] order = Batches.shuffledOrder(set.size(), seed);
        int held = (int) Math.round(fraction * set.size());
        int[] heldOut = Arrays.copyOfRange(order, 0, held);
        int[] rest = Arrays.copyOfRange(order, held, order.length);
        Arrays.sort(heldOut);
        Arrays.sort(rest);
        return new ImageSet[] {set.select(rest), set.select(heldOut)};
    }

    /** Labels beyond the class names would crash training much later; name the file now. */
    static void checkLabels(Path file, int[] labels, int numClasses) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] >= numClasses) {
                throw new TesseraException(file + ": label " + labels[i] + " of record " + i
                        + " is outside the " + numClasses + " class names");
            }
        }
    }
}
