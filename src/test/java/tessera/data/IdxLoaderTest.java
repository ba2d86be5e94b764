package tessera.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tessera.util.TesseraException;

class IdxLoaderTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void roundTripsPlainAndGzippedFiles(boolean gzip) throws IOException {
        Path dir = Fixtures.idxDataset(tmp.resolve("digits"), gzip);
        DataSplits splits = DatasetLoader.load(dir, DatasetOptions.defaults().withValidationFraction(0));
        assertEquals("idx", splits.format());
        ImageSet test = splits.test();
        assertEquals(10, test.size());
        assertEquals(1, test.channels());
        assertEquals(4, test.height());
        assertEquals(5, test.width());
        assertEquals(IdxReader.DIGIT_NAMES, test.classNames());
        for (int i = 0; i < 10; i++) {
            assertEquals(i, test.label(i));
            for (int p = 0; p < 20; p++) {
                assertEquals(Fixtures.pixel(i, p / 5, p % 5), test.pixels()[i * 20 + p] & 0xFF);
            }
        }
        assertEquals(20, splits.train().size());
        assertEquals(0, splits.validation().size());
        assertTrue(splits.warnings().isEmpty());
    }

    @Test
    void carvesASeededValidationSplitFromTrain() throws IOException {
        Path dir = Fixtures.idxDataset(tmp.resolve("digits"), false);
        DatasetOptions options = DatasetOptions.defaults().withValidationFraction(0.25).withSeed(5);
        DataSplits a = DatasetLoader.load(dir, options);
        assertEquals(15, a.train().size());
        assertEquals(5, a.validation().size());
        assertEquals(Arrays.toString(a.validation().pixels()),
                Arrays.toString(DatasetLoader.load(dir, options).validation().pixels()));
        // Together the two parts hold every training image exactly once.
        int[] seen = new int[20];
        for (ImageSet part : List.of(a.train(), a.validation())) {
            for (int i = 0; i < part.size(); i++) {
                seen[indexOfImage(part, i)]++;
            }
        }
        for (int count : seen) {
            assertEquals(1, count);
        }
    }

    /** Image i's first pixel is (31*i) mod 256, unique for i < 20. */
    private static int indexOfImage(ImageSet set, int sample) {
        int first = set.pixels()[sample * set.sampleLength()] & 0xFF;
        for (int i = 0; i < 20; i++) {
            if (Fixtures.pixel(i, 0, 0) == first) {
                return i;
            }
        }
        throw new AssertionError("unknown image");
    }

    @Test
    void classNamesFollowFolderNameOrClassesFile() throws IOException {
        Path fashion = Fixtures.idxDataset(tmp.resolve("Fashion-MNIST"), true);
        assertEquals(IdxReader.FASHION_NAMES, DatasetLoader.load(fashion, DatasetOptions.defaults()).train().classNames());

        Path named = Fixtures.idxDataset(tmp.resolve("named"), false);
        List<String> names = List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine");
        Files.write(named.resolve("classes.txt"), names);
        assertEquals(names, DatasetLoader.load(named, DatasetOptions.defaults()).test().classNames());
    }

    @Test
    void imageSizeResizesEverySplit() throws IOException {
        Path dir = Fixtures.idxDataset(tmp.resolve("digits"), false);
        DataSplits splits = DatasetLoader.load(dir, DatasetOptions.defaults().withImageSize(8));
        for (ImageSet set : List.of(splits.train(), splits.validation(), splits.test())) {
            assertEquals(8, set.height());
            assertEquals(8, set.width());
            assertEquals(1, set.channels());
        }
    }

    @Test
    void wrongMagicNumberIsNamed() throws IOException {
        Path dir = Fixtures.idxDataset(tmp.resolve("digits"), false);
        // Labels where images belong: magic 0x801 instead of 0x803.
        Fixtures.write(dir, IdxReader.TRAIN_IMAGES, Fixtures.idxLabels(20, 10), false);
        TesseraException e = assertThrows(TesseraException.class,
                () -> DatasetLoader.load(dir, DatasetOptions.defaults()));
        assertMessage(e, IdxReader.TRAIN_IMAGES, "0x00000801", "0x00000803");
    }

    @Test
    void truncatedFileIsNamed() throws IOException {
        Path dir = Fixtures.idxDataset(tmp.resolve("digits"), true);
        byte[] images = Fixtures.idxImages(10, 4, 5);
        Fixtures.write(dir, IdxReader.TEST_IMAGES, Arrays.copyOf(images, images.length - 7), true);
        TesseraException e = assertThrows(TesseraException.class,
                () -> DatasetLoader.load(dir, DatasetOptions.defaults()));
        assertMessage(e, IdxReader.TEST_IMAGES + ".gz", "truncated", String.valueOf(images.length),
                String.valueOf(images.length - 7));
    }

    @Test
    void countMismatchIsNamed() throws IOException {
        Path dir = Fixtures.idxDataset(tmp.resolve("digits"), false);
        Fixtures.write(dir, IdxReader.TRAIN_LABELS, Fixtures.idxLabels(19, 10), false);
        TesseraException e = assertThrows(TesseraException.class,
                () -> DatasetLoader.load(dir, DatasetOptions.defaults()));
        assertMessage(e, IdxReader.TRAIN_IMAGES, IdxReader.TRAIN_LABELS, "20", "19");
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Path dir = Fixtures.idxDataset(tmp.resolve("digits"), false);
        Files.delete(dir.resolve(IdxReader.TEST_LABELS));
        TesseraException e = assertThrows(TesseraException.class,
                () -> DatasetLoader.load(dir, DatasetOptions.defaults()));
        assertMessage(e, IdxReader.TEST_LABELS);
    }

    @Test
    void labelBeyondClassNamesIsNamed() throws IOException {
        Path dir = Fixtures.idxDataset(tmp.resolve("digits"), false);
        Files.write(dir.resolve("classes.txt"), List.of("a", "b", "c"));
        TesseraException e = assertThrows(TesseraException.class,
                () -> DatasetLoader.load(dir, DatasetOptions.defaults()));
        assertMessage(e, IdxReader.TRAIN_LABELS, "label 3");
    }

    static void assertMessage(Exception e, String... parts) {
        String message = e.getMessage();
        assertTrue(!message.contains("\n"), "one line: " + message);
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + message + "' should mention " + part);
        }
    }
}
