package tessera.app.train;

import com.google.gson.JsonElement;
import tessera.experiment.RunRecord;
import tessera.model.ModelBundle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A run of the store as the Train view lists it: resumable, or finished with a model to inspect with. */
public record StoredRun(String id, String kind, String status, Optional<Path> model, double testAccuracy) {

    private static final Set<String> OWN_KINDS = Set.of("ensemble", "distill", "train");
    private static final Set<String> RESUMABLE = Set.of("INTERRUPTED", "CANCELLED", "FAILED");

    public static StoredRun of(RunRecord r) {
        return new StoredRun(r.id(), r.kind(), r.displayStatus(), model(r), r.summaryNumber("test_accuracy").orElse(Double.NaN));
    }

    /** Runs that can be taken up again; ensemble members are resumed through their ensemble. */
    public static List<StoredRun> resumable(List<RunRecord> runs) {
        return runs.stream().filter(r -> !r.broken() && OWN_KINDS.contains(r.kind()) && RESUMABLE.contains(r.displayStatus()))
                .map(StoredRun::of).toList();
    }

    /** Finished runs whose ensemble folder or model bundle is on disk. */
    public static List<StoredRun> withModels(List<RunRecord> runs) {
        return runs.stream().filter(r -> !r.broken() && OWN_KINDS.contains(r.kind()) && "FINISHED".equals(r.displayStatus()))
                .map(StoredRun::of).filter(r -> r.model().isPresent()).toList();
    }

    public boolean isEnsemble() {
        return "ensemble".equals(kind);
    }

    private static Optional<Path> model(RunRecord r) {
        if ("ensemble".equals(r.kind())) {
            JsonElement folder = r.summary().get("folder");
            return folder == null || !folder.isJsonPrimitive() ? Optional.empty()
                    : Optional.of(Path.of(folder.getAsString())).filter(Files::isDirectory);
        }
        Path bundle = r.dir().resolve("model");
        return ModelBundle.isBundle(bundle) ? Optional.of(bundle.toAbsolutePath()) : Optional.empty();
    }

    /** "20261204-081500-distill-1a2b · distill · 87.1 %" */
    @Override
    public String toString() {
        String accuracy = Double.isNaN(testAccuracy) ? "" : String.format(Locale.ROOT, " · %.1f %%", 100 * testAccuracy);
        String state = "FINISHED".equals(status) ? "" : " · " + status;
        return id + " · " + kind + state + accuracy;
    }
}
