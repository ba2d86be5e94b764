package tessera.train;

import tessera.data.Augmentation;
import tessera.data.DatasetOptions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One training run, declared whole: stored as the run's config so the run can be resumed or
 * repeated exactly. Public fields so the JSON file reads as the documentation says.
 */
public final class TrainingSettings {

    public String dataset;
    public String format;
    public int imageSize;
    public double validationFraction = 0.1;
    public String architecture = "cnn-medium";
    public Map<String, Integer> architectureParams = new LinkedHashMap<>();
    public int heads = 1;
    public int epochs = 10;
    public int batchSize = 64;
    /** "adam" or "sgd" (SGD with momentum). */
    public String optimizer = "adam";
    public double learningRate = 1e-3;
    public double momentum = 0.9;
    public double weightDecay = 0;
    /** "cosine", "step" or "constant". */
    public String schedule = "cosine";
    public int stepEpochs = 10;
    public double stepGamma = 0.1;
    /** Epochs without validation improvement before stopping; 0 never stops early. */
    public int patience = 0;
    public int cropPadding = 0;
    public boolean horizontalFlip = false;
    /** Fraction of the training split used, drawn without replacement (ensemble diversity). */
    public double subset = 1.0;
    public long seed = 42;
    public String device = "auto";
    public int threads = 0;
    /** "labels" for ordinary training; distillation sets its mode here. */
    public String objective = "labels";
    /** Distillation: the teacher ensemble folder, temperature T, weight alpha of the KD term, fusion of the heads. */
    public String teachers;
    public double temperature = 4.0;
    public double alpha = 0.9;
    public String headFusion = "mean";

    public Augmentation augmentation() {
        return new Augmentation(cropPadding, horizontalFlip);
    }

    public DatasetOptions datasetOptions() {
        return new DatasetOptions(format, validationFraction, seed, imageSize);
    }

    public TrainingSettings copy() {
        return tessera.util.Json.GSON.fromJson(tessera.util.Json.GSON.toJson(this), TrainingSettings.class);
    }
}
