package tessera.app.inspect;

import tessera.app.ActiveModels;
import tessera.imaging.ImageLoader;
import tessera.imaging.LoadedImage;
import tessera.inspect.InspectionProgress;
import tessera.inspect.InspectionResult;
import tessera.inspect.InspectionSettings;
import tessera.inspect.Inspector;
import tessera.inspect.StudentPreview;
import tessera.model.Devices;
import tessera.report.ModelRef;
import tessera.train.CancellationToken;
import tessera.util.Hashing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Inspect view does in the background, without JavaFX: decode an image, hash it, build its
 * pyramid, and run the active ensemble and student over it. Keeps the loaded models between images
 * (reloaded when the active models change). One thread at a time; close it to free the models.
 */
public final class InspectionWork implements AutoCloseable {

    /** What the work reports while it runs (on the working thread). */
    public interface Listener {
        Listener NONE = new Listener() {
        };

        /** The picture is decoded: a view can show it before the models have run. */
        default void imageReady(Inspection loaded) {
        }

        default void progress(String message, double fraction) {
        }

        /** The student's map is ready; the teachers still run (on the working thread). */
        default void studentReady(StudentPreview preview) {
        }
    }

    private final String deviceChoice;
    private final InspectionSettings settings;
    private Inspector inspector;
    private ActiveModels loadedModels;

    public InspectionWork(String deviceChoice, InspectionSettings settings) {
        this.deviceChoice = deviceChoice;
        this.settings = settings;
    }

    /** Why these models cannot inspect, or empty when they can. */
    public static Optional<String> missing(ActiveModels models) {
        if (models.ensemble().isEmpty() && models.student().isEmpty()) {
            return Optional.of("No models are active: open the samples (Help menu) or make an ensemble and a student active in the Train view.");
        }
        if (models.ensemble().isEmpty()) {
            return Optional.of("No teacher ensemble is active: make one active in the Train view.");
        }
        if (models.student().isEmpty()) {
            return Optional.of("No student is active: make one active in the Train view.");
        }
        return Optional.empty();
    }

    public Inspection run(Path file, ActiveModels models, CancellationToken cancel, Listener listener) throws IOException {
        listener.progress("Reading " + file.getFileName(), 0);
        LoadedImage image = ImageLoader.load(file, settings.maxPixels());
        String sha = Hashing.sha256(file);
        Inspection loaded = new Inspection(image, ImagePyramid.of(image.image()), sha, Optional.empty(), List.of());
        listener.imageReady(loaded);
        if (missing(models).isPresent() || cancel.isCancelled()) {
            return loaded;
        }
        listener.progress("Loading the models", 0.05);
        Inspector in = inspector(models);
        int teachers = in.ensemble().size();
        // Progress weighted by the number of networks: the student is one of teachers + 1.
        double studentShare = 1.0 / (teachers + 1);
        InspectionProgress progress = new InspectionProgress() {
            @Override
            public void update(String phase, long done, long total) {
                double f = total == 0 ? 1 : (double) done / total;
                boolean student = "student".equals(phase);
                double overall = 0.1 + 0.9 * (student ? f * studentShare : studentShare + f * (1 - studentShare));
                listener.progress((student ? "Student" : "Ensemble of " + teachers) + ": " + done + " of " + total, overall);
            }

            @Override
            public void studentReady(StudentPreview preview) {
                listener.studentReady(preview);
            }
        };
        InspectionResult result = in.inspect(image, cancel, progress);
        listener.progress("Done", 1);
        return loaded.withResult(result, refs(in));
    }

    private Inspector inspector(ActiveModels models) throws IOException {
        if (inspector != null && Objects.equals(models, loadedModels)) {
            return inspector;
        }
        close();
        inspector = Inspector.open(models.ensemble().orElseThrow(), models.student().orElseThrow(), settings,
                Devices.resolve(deviceChoice));
        loadedModels = models;
        return inspector;
    }

    private static List<ModelRef> refs(Inspector in) {
        List<ModelRef> refs = new ArrayList<>();
        for (int t = 0; t < in.ensemble().size(); t++) {
            var info = in.ensemble().members().get(t).info();
            refs.add(new ModelRef("teacher " + (t + 1), in.ensemble().info().members.get(t), info.paramsSha256,
                    info.parameterCount));
        }
        var s = in.student().info();
        refs.add(new ModelRef("student", s.name, s.paramsSha256, s.parameterCount));
        return refs;
    }

    @Override
    public void close() {
        if (inspector != null) {
            Inspector closing = inspector;
            inspector = null;
            loadedModels = null;
            closing.close();
        }
    }
}
