package tessera.model;

import java.util.List;
import java.util.Map;

/**
 * The contents of a bundle's {@code model.json} (formats.md, "Model bundle"). Plain fields so that
 * Gson writes them as they are documented; unknown fields of newer files are ignored on read.
 */
public final class ModelInfo {

    public static final int FORMAT_VERSION = 1;

    public int formatVersion = FORMAT_VERSION;
    public String name;
    public String architecture;
    public Map<String, Integer> architectureParams;
    /** Channels, height, width of one input sample. */
    public int[] inputShape;
    /** Per-channel mean and standard deviation on the pixel/255 scale. */
    public float[] normalizationMean;
    public float[] normalizationStd;
    public List<String> classNames;
    public int heads = 1;
    /** How the heads of a multi-head student are fused at inference (a fusion method id). */
    public String headFusion = "mean";
    /** What trained it: "labels", a distillation mode, or "teacher". */
    public String trainedBy = "labels";
    public String runId;
    public String dataset;
    public String paramsSha256;
    public long parameterCount;
    public long macsPerSample;
    public String createdAt;
    public String tesseraVersion;

    public NetworkSpec networkSpec() {
        return new NetworkSpec(architecture, architectureParams, inputShape, classNames.size(), heads);
    }
}
