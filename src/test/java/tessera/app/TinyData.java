package tessera.app;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Tiny real data sets that tests write: image folders a small CNN learns in an epoch or two. */
public final class TinyData {

    private TinyData() {
    }

    /**
     * Two classes of 16×16 grey PNGs, {@code perClass} each, with train/ and test/ splits: "dark"
     * has a dark left half, "light" a dark right half, both with noise.
     */
    public static Path twoClassImages(Path dir, int perClass) throws IOException {
        Random random = new Random(7);
        for (String split : new String[] {"train", "test"}) {
            int count = split.equals("train") ? perClass : Math.max(4, perClass / 4);
            for (int c = 0; c < 2; c++) {
                String name = c == 0 ? "left" : "right";
                for (int k = 0; k < count; k++) {
                    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
                    for (int y = 0; y < 16; y++) {
                        for (int x = 0; x < 16; x++) {
                            boolean dark = c == 0 ? x < 8 : x >= 8;
                            int v = Math.max(0, Math.min(255, (dark ? 50 : 200) + (int) (random.nextGaussian() * 30)));
                            image.setRGB(x, y, 0xFF000000 | v << 16 | v << 8 | v);
                        }
                    }
                    Path file = dir.resolve(split).resolve(name).resolve(String.format("img%03d.png", k));
                    Files.createDirectories(file.getParent());
                    ImageIO.write(image, "png", file.toFile());
                }
            }
        }
        return dir;
    }
}
