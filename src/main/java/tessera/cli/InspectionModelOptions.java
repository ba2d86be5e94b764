package tessera.cli;

import picocli.CommandLine.Option;
import tessera.inspect.InferenceMethod;
import tessera.inspect.InspectionSettings;
import tessera.util.Assets;

import java.nio.file.Path;

/**
 * The options {@code inspect} and {@code evaluate-inspection} share: which models look at the
 * photographs and how the tiles are cut and scored, so that both commands read a photograph alike.
 */
public final class InspectionModelOptions {

    @Option(names = "--ensemble", paramLabel = "DIR", description = "Teacher ensemble folder (default: the shipped demo ensemble).")
    Path ensemble;

    @Option(names = "--student", paramLabel = "PATH", description = "Student bundle, run folder or run id (default: the shipped demo student).")
    String student;

    @Option(names = "--method", paramLabel = "M", description = "Fusion method of the ensemble map (default: the ensemble's own).")
    String method;

    @Option(names = "--threshold", paramLabel = "t", description = "Detection threshold for every map (default: calibrated with the models).")
    Double threshold;

    @Option(names = "--tile", paramLabel = "PX", description = "Tile size in image pixels (default: ${DEFAULT-VALUE}).")
    int tile = InspectionSettings.DEFAULT_TILE;

    @Option(names = "--stride", paramLabel = "PX", description = "Distance between tiles in image pixels (default: ${DEFAULT-VALUE}).")
    int stride = InspectionSettings.DEFAULT_STRIDE;

    @Option(names = "--inference", paramLabel = "auto|tiled|fully-convolutional",
            description = "How tiles are computed (default: ${DEFAULT-VALUE}: fully convolutional where the network allows).")
    String inference = "auto";

    /** The settings these options choose, before a command adds its own. */
    InspectionSettings settings() {
        return InspectionSettings.defaults().withTile(tile, stride).withThreshold(threshold)
                .withFusionMethod(method).withMethod(InferenceMethod.parse(inference));
    }

    Path ensembleDir() {
        return ensemble != null ? ensemble : Assets.resolve("models/ensemble");
    }

    Path studentDir(Path workspace) {
        return student != null ? ModelPaths.bundle(student, workspace) : Assets.resolve("models/student");
    }

    int tile() {
        return tile;
    }

    int stride() {
        return stride;
    }
}
