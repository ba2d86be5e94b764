package tessera.ensemble;

import tessera.train.TrainingSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * An ensemble declared whole: N members from one base recipe, each with its own seed, the
 * architectures cycled, each trained on its own random subset of the training data.
 */
public final class EnsembleSettings {

    public TrainingSettings base = new TrainingSettings();
    public int members = 5;
    public List<String> architectures = new ArrayList<>();
    /** The ensemble folder written at the end. */
    public String out;
    public String defaultFusion = "mean";

    /** The recipe of member k (0-based): seed base+k·1000, architecture k cycled. */
    public TrainingSettings member(int k) {
        TrainingSettings s = base.copy();
        s.seed = base.seed + 1000L * k;
        if (!architectures.isEmpty()) {
            s.architecture = architectures.get(k % architectures.size());
        }
        return s;
    }
}
