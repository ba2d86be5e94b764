package tessera.imaging;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/**
 * A decoded picture, ready for tiling and display.
 *
 * @param file     the file it came from
 * @param image    TYPE_INT_RGB, 8 bits per channel, EXIF orientation already applied
 * @param metadata what the header said (stored size, before orientation)
 */
public record LoadedImage(Path file, BufferedImage image, ImageMetadata metadata) {

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }
}
