package tessera.app.inspect;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import tessera.app.UiTaskExecutor;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The shown image's pyramid levels as JavaFX textures, shared by the panels. The top level is made
 * at once; the others are converted in the background (a 12-megapixel level takes a moment) and
 * a panel draws from the nearest coarser level until its own is ready, so zooming never stalls. A
 * level too large for one texture is served as crops of the visible part (the last crop is kept).
 */
final class PhotoTextures {

    /** A daemon thread: it idles between images and never keeps the application alive. */
    private final ExecutorService converter = Executors.newSingleThreadExecutor(UiTaskExecutor.daemonThreads("tessera-textures"));
    private final Map<Integer, Image> levels = new HashMap<>();
    private final ReadOnlyIntegerWrapper ready = new ReadOnlyIntegerWrapper();
    private ImagePyramid pyramid;
    private Rectangle cropRect;
    private Image crop;

    /** Switches to another image (FX thread); starts converting its levels, coarse to fine. */
    void use(ImagePyramid next) {
        if (next == pyramid) {
            return;
        }
        pyramid = next;
        levels.clear();
        cropRect = null;
        crop = null;
        int top = next.levels() - 1;
        levels.put(top, SwingFXUtils.toFXImage(next.level(top), null));
        for (int k = top - 1; k >= 0; k--) {
            if (!next.fitsTexture(k)) {
                continue;
            }
            int level = k;
            converter.execute(() -> {
                if (pyramid != next) {
                    return;
                }
                Image image = SwingFXUtils.toFXImage(next.level(level), null);
                Platform.runLater(() -> {
                    if (pyramid == next) {
                        levels.put(level, image);
                        ready.set(ready.get() + 1);
                    }
                });
            });
        }
    }

    ImagePyramid pyramid() {
        return pyramid;
    }

    /** Moves whenever a level becomes ready: panels redraw on it. */
    ReadOnlyIntegerProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** The finest texture at or above level k (k itself once converted). */
    int available(int k) {
        for (int i = k; i < pyramid.levels(); i++) {
            if (levels.containsKey(i)) {
                return i;
            }
        }
        return pyramid.levels() - 1;
    }

    Image level(int k) {
        return levels.get(k);
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
