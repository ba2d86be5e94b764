package tessera.train;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A tiny, learnable data set written as real IDX files: 12×12 grey images of horizontal stripes,
 * vertical stripes or speckle noise (3 classes) at random phase and contrast, so that a small CNN
 * beats chance (1/3) within a couple of epochs in well under a second.
 */
public final class StripesDataset {

    public static final int SIZE = 12;
    public static final List<String> CLASSES = List.of("horizontal", "vertical", "speckle");

    private StripesDataset() {
    }

    /** Writes train (n) and test (n / 2) IDX files and classes.txt into dir; labels cycle 0,1,2. */
    public static Path write(Path dir, int n, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        Files.write(dir.resolve("train-images-idx3-ubyte"), images(n, random));
        Files.write(dir.resolve("train-labels-idx1-ubyte"), labels(n));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), images(n / 2, random));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte"), labels(n / 2));
        Files.write(dir.resolve("classes.txt"), CLASSES);
        return dir;
    }

    static byte[] images(int n, Random random) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x803);
        out.writeInt(n);
        out.writeInt(SIZE);
        out.writeInt(SIZE);
        for (int i = 0; i < n; i++) {
            int kind = i % 3;
            int phase = random.nextInt(4);
            int contrast = 120 + random.nextInt(100);
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    boolean on = switch (kind) {
                        case 0 -> (y + phase) % 4 < 2;
                        case 1 -> (x + phase) % 4 < 2;
                        default -> random.nextBoolean();
                    };
                    int noise = random.nextInt(30);
                    out.writeByte(Math.min(255, (on ? contrast : 20) + noise));
                }
            }
        }
        return bytes.toByteArray();
    }

    static byte[] labels(int n) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x801);
        out.writeInt(n);
        for (int i = 0; i < n; i++) {
            out.writeByte(i % 3);
        }
        return bytes.toByteArray();
    }

    /** Settings for a quick run on this data: cnn-small, batch 32, Adam at a brisk rate, on the CPU. */
    public static TrainingSettings settings(Path dir, int epochs) {
        TrainingSettings s = new TrainingSettings();
        s.dataset = dir.toString();
        s.architecture = "cnn-small";
        s.epochs = epochs;
        s.batchSize = 32;
        s.learningRate = 0.01;
        s.validationFraction = 0.2;
        s.device = "cpu";
        s.seed = 7;
        return s;
    }
}
