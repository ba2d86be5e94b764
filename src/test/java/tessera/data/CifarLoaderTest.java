package tessera.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static tessera.data.IdxLoaderTest.assertMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.util.TesseraException;

class CifarLoaderTest {

    @TempDir
    Path tmp;

    private Path cifar10(Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("cifar-10-batches-bin"));
        Files.write(dir.resolve("data_batch_1.bin"), Fixtures.cifarRecords(6, 1, 10));
        Files.write(dir.resolve("data_batch_2.bin"), Fixtures.cifarRecords(4, 1, 10));
        Files.write(dir.resolve("test_batch.bin"), Fixtures.cifarRecords(3, 1, 10));
        return dir;
    }

    @Test
    void readsCifar10BatchesFromTheArchiveFolder() throws IOException {
        Path dir = cifar10(tmp);
        List<String> names = List.of("a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9");
        Files.write(dir.resolve("batches.meta.txt"), names);
        DataSplits splits = DatasetLoader.load(tmp, DatasetOptions.defaults().withValidationFraction(0));
        assertEquals("cifar10", splits.format());
        assertEquals(10, splits.train().size());
        assertEquals(3, splits.test().size());
        assertEquals(names, splits.test().classNames());
        ImageSet train = splits.train();
        assertEquals(3, train.channels());
        assertEquals(32, train.height());
        // Record 2 of the second batch is sample 6+2: label 2, every pixel byte 2.
        assertEquals(2, train.label(8));
        byte[] sample = Arrays.copyOfRange(train.pixels(), 8 * 3072, 9 * 3072);
        byte[] expected = new byte[3072];
        Arrays.fill(expected, (byte) 2);
        assertEquals(Arrays.toString(expected), Arrays.toString(sample));
    }

    @Test
    void defaultCifar10NamesWithoutMetaFile() throws IOException {
        cifar10(tmp);
        assertEquals(CifarReader.CIFAR10_NAMES, DatasetLoader.load(tmp, DatasetOptions.defaults()).train().classNames());
    }

    @Test
    void cifar100UsesTheFineLabel() throws IOException {
        Files.write(tmp.resolve("train.bin"), Fixtures.cifarRecords(5, 2, 100));
        Files.write(tmp.resolve("test.bin"), Fixtures.cifarRecords(2, 2, 100));
        DataSplits splits = DatasetLoader.load(tmp, DatasetOptions.defaults().withValidationFraction(0));
        assertEquals("cifar100", splits.format());
        assertEquals(100, splits.train().numClasses());
        assertEquals(4, splits.train().label(4));
        assertEquals(4, splits.train().pixels()[4 * 3072] & 0xFF);
    }

    @Test
    void wrongLengthIsNamed() throws IOException {
        Path dir = cifar10(tmp);
        Files.write(dir.resolve("test_batch.bin"), Arrays.copyOf(Fixtures.cifarRecords(3, 1, 10), 3 * 3073 - 1));
        TesseraException e = assertThrows(TesseraException.class,
                () -> DatasetLoader.load(tmp, DatasetOptions.defaults()));
        assertMessage(e, "test_batch.bin", String.valueOf(3 * 3073 - 1), "3073");
    }
}
