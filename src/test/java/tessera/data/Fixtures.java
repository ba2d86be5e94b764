package tessera.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;

/** Writes small real data-set files for the loader tests. */
final class Fixtures {

    private Fixtures() {
    }

    /** Pixel value of image i at (y,x): distinct per image and position, so mix-ups show. */
    static int pixel(int i, int y, int x) {
        return (i * 31 + y * 7 + x * 3) & 0xFF;
    }

    static byte[] idxImages(int count, int rows, int cols) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x803);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(cols);
        for (int i = 0; i < count; i++) {
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    out.writeByte(pixel(i, y, x));
                }
            }
        }
        return bytes.toByteArray();
    }

    static byte[] idxLabels(int count, int classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x801);
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeByte(i % classes);
        }
        return bytes.toByteArray();
    }

    /** An MNIST-like folder: 20 train and 10 test images of 4x5 pixels, labels i % 10. */
    static Path idxDataset(Path dir, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        write(dir, IdxReader.TRAIN_IMAGES, idxImages(20, 4, 5), gzip);
        write(dir, IdxReader.TRAIN_LABELS, idxLabels(20, 10), gzip);
        write(dir, IdxReader.TEST_IMAGES, idxImages(10, 4, 5), gzip);
        write(dir, IdxReader.TEST_LABELS, idxLabels(10, 10), gzip);
        return dir;
    }

    static Path write(Path dir, String name, byte[] content, boolean gzip) throws IOException {
        Path file = dir.resolve(gzip ? name + ".gz" : name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    /** A grey PNG whose pixels follow {@link #pixel}. */
    static void greyPng(Path file, int i, int height, int width) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int v = pixel(i, y, x);
                image.setRGB(x, y, 0xFF000000 | v << 16 | v << 8 | v);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    static void colourPng(Path file, int rgb, int height, int width) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    /** {@code perClass} grey 6x6 PNGs in each of the class folders under dir. */
    static void classFolders(Path dir, int perClass, String... classes) throws IOException {
        int i = 0;
        for (String name : classes) {
            for (int k = 0; k < perClass; k++, i++) {
                greyPng(dir.resolve(name).resolve(String.format("img%03d.png", k)), i, 6, 6);
            }
        }
    }

    /** CIFAR records: label bytes then 3072 pixel bytes where every byte of record i is i. */
    static byte[] cifarRecords(int count, int labelBytes, int classes) {
        int record = labelBytes + 3072;
        byte[] bytes = new byte[count * record];
        for (int i = 0; i < count; i++) {
            for (int b = 0; b < labelBytes; b++) {
                // Coarse label (first of two) differs from the fine one so a mix-up shows.
                bytes[i * record + b] = (byte) (b == labelBytes - 1 ? i % classes : 99);
            }
            java.util.Arrays.fill(bytes, i * record + labelBytes, (i + 1) * record, (byte) i);
        }
        return bytes;
    }
}
