package tessera.app.inspect;

import tessera.imaging.LoadedImage;
import tessera.inspect.InspectionResult;
import tessera.report.ModelRef;

import java.util.List;
import java.util.Optional;

/**
 * One opened image: the decoded picture, its pyramid and SHA-256, and (once the models ran) the
 * inspection result with the models that made it.
 *
 * @param models every teacher then the student, with names, SHA-256 and parameter counts; empty without a result
 */
public record Inspection(LoadedImage image, ImagePyramid pyramid, String sha256, Optional<InspectionResult> result,
                         List<ModelRef> models) {

    public Inspection {
        models = List.copyOf(models);
    }

    public Inspection withResult(InspectionResult r, List<ModelRef> refs) {
        return new Inspection(image, pyramid, sha256, Optional.of(r), refs);
    }

    /** Parameters of all teachers together. */
    public long ensembleParameters() {
        return models.stream().filter(m -> m.role().startsWith("teacher")).mapToLong(ModelRef::parameters).sum();
    }

    public long studentParameters() {
        return models.stream().filter(m -> m.role().equals("student")).mapToLong(ModelRef::parameters).sum();
    }
}
