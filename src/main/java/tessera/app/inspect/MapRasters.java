package tessera.app.inspect;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The maps of one inspection drawn as translucent ARGB rasters at display resolution, ready to be
 * laid over the photograph; redrawn whenever the method, threshold or style changes.
 */
public record MapRasters(BufferedImage student, BufferedImage ensemble, List<BufferedImage> teachers,
                         BufferedImage votes, BufferedImage disagreement) {

    public MapRasters {
        teachers = List.copyOf(teachers);
    }
}
