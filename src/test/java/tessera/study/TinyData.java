package tessera.study;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes a small learnable IDX data set: 3 classes of 12×12 grey images, a bright bar whose row band names the class. */
final class TinyData {

    static final int SIDE = 12;
    static final int CLASSES = 3;

    private TinyData() {
    }

    static Path write(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(5);
        pair(dir, "train", train, random);
        pair(dir, "t10k", test, random);
        Files.writeString(dir.resolve("classes.txt"), "top\nmiddle\nbottom\n");
        return dir;
    }

    private static void pair(Path dir, String prefix, int n, Random random) throws IOException {
        try (DataOutputStream images = new DataOutputStream(out(dir.resolve(prefix + "-images-idx3-ubyte")));
             DataOutputStream labels = new DataOutputStream(out(dir.resolve(prefix + "-labels-idx1-ubyte")))) {
            images.writeInt(0x803);
            images.writeInt(n);
            images.writeInt(SIDE);
            images.writeInt(SIDE);
            labels.writeInt(0x801);
            labels.writeInt(n);
            for (int i = 0; i < n; i++) {
                int c = i % CLASSES;
                labels.writeByte(c);
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        boolean bar = y / (SIDE / CLASSES) == c;
                        images.writeByte((bar ? 170 : 30) + random.nextInt(60));
                    }
                }
            }
        }
    }

    private static OutputStream out(Path file) throws IOException {
        return Files.newOutputStream(file);
    }
}
