package tessera.app.inspect;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;

/**
 * The shown image's pyramid levels as JavaFX textures, made on first use and shared by the panels.
 * A level too large for one texture is served as crops of the visible part (the last crop is kept).
 */
final class PhotoTextures {

    private ImagePyramid pyramid;
    private final Map<Integer, Image> levels = new HashMap<>();
    private Rectangle cropRect;
    private Image crop;

    void use(ImagePyramid next) {
        if (next != pyramid) {
            pyramid = next;
            levels.clear();
            cropRect = null;
            crop = null;
        }
    }

    ImagePyramid pyramid() {
        return pyramid;
    }

    /** Level k as one texture; only for levels that {@link ImagePyramid#fitsTexture fit}. */
    Image level(int k) {
        return levels.computeIfAbsent(k, i -> SwingFXUtils.toFXImage(pyramid.level(i), null));
    }

    /** The part {@code r} (in level-k pixels) of level k, for levels too large for one texture. */
    Image crop(int k, Rectangle r) {
        if (!r.equals(cropRect)) {
            BufferedImage level = pyramid.level(k);
            Rectangle inside = r.intersection(new Rectangle(0, 0, level.getWidth(), level.getHeight()));
            crop = SwingFXUtils.toFXImage(level.getSubimage(inside.x, inside.y, Math.max(1, inside.width),
                    Math.max(1, inside.height)), null);
            cropRect = r;
        }
        return crop;
    }
}
