package tessera.app.inspect;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;

import java.util.List;

/** The map rasters as JavaFX images, converted once per change and shared by every panel. */
record LayerImages(Image student, Image ensemble, List<Image> teachers, Image votes, Image disagreement) {

    static LayerImages of(MapRasters r) {
        if (r == null) {
            return null;
        }
        return new LayerImages(fx(r.student()), fx(r.ensemble()),
                r.teachers().stream().map(LayerImages::fx).toList(), fx(r.votes()), fx(r.disagreement()));
    }

    /** Null stays null: a student preview has no ensemble, vote or disagreement map yet. */
    private static Image fx(java.awt.image.BufferedImage image) {
        return image == null ? null : SwingFXUtils.toFXImage(image, null);
    }
}
