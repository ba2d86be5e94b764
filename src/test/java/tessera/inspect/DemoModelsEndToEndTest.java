package tessera.inspect;

import ai.djl.Device;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.imaging.ImageLoader;
import tessera.imaging.LoadedImage;
import tessera.synth.CorrosionRegion;
import tessera.synth.FuselageGenerator;
import tessera.synth.SynthImage;
import tessera.util.Assets;

import javax.imageio.ImageIO;
import java.nio.file.Path;
import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped demo models on a fuselage photograph they never saw (a seed not used for training):
 * the largest corroded region must be found by the student, and its map must overlap the truth
 * far better than chance.
 */
class DemoModelsEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void theStudentFindsTheCorrosionOfAGeneratedPhotograph() throws Exception {
        // given a generated 1024 x 768 photograph (seed 77) written as PNG, and its ground truth
        SynthImage picture = new FuselageGenerator(1024, 768, 77, 0.06).generate(0);
        Path file = dir.resolve(picture.name() + ".png");
        ImageIO.write(picture.image(), "png", file.toFile());
        boolean[] mask = new boolean[picture.mask().length];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = picture.mask()[i] != 0;
        }
        GroundTruth truth = new GroundTruth(1024, 768, mask);
        CorrosionRegion largest = picture.regions().stream().max(Comparator.comparingLong(CorrosionRegion::pixelArea)).orElseThrow();

        // when the shipped ensemble and student inspect it
        LoadedImage image = ImageLoader.load(file);
        InspectionResult r;
        try (Inspector inspector = Inspector.open(Assets.resolve("models/ensemble"), Assets.resolve("models/student"),
                InspectionSettings.defaults(), Device.cpu())) {
            r = inspector.inspect(image, null, null);
        }

        // then a student finding covers the largest region, and the student map beats chance by far
        Findings findings = r.studentFindings(null);
        boolean found = false;
        for (int y = largest.y(); y < largest.y() + largest.height() && !found; y++) {
            for (int x = largest.x(); x < largest.x() + largest.width() && !found; x++) {
                found = truth.positive(x, y) && findings.findingAt(x, y) > 0;
            }
        }
        assertTrue(found, "largest region " + largest + " not found; findings " + findings.list());
        MapScore score = new MapScore("student");
        score.add(r.grid(), r.student(), r.studentThreshold(), truth, 256, 0.1);
        double prevalence = (double) truth.positives() / (1024 * 768);
        assertTrue(score.pixelIou() > 3 * prevalence, "pixel IoU " + score.pixelIou() + " vs prevalence " + prevalence);
        assertTrue(score.tileRocAuc() > 0.85, "tile AUC " + score.tileRocAuc());
    }
}
