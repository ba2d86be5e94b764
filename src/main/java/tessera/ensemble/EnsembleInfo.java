package tessera.ensemble;

import java.util.ArrayList;
import java.util.List;

/**
 * The contents of an ensemble folder's {@code ensemble.json} (formats.md, "Model bundle"): its
 * member bundles, the default fusion method, member weights and the learned combiner.
 */
public final class EnsembleInfo {

    public static final String FILE = "ensemble.json";

    public int formatVersion = 1;
    public String name;
    /** Member bundle folders, relative to the ensemble folder, in member order. */
    public List<String> members = new ArrayList<>();
    public String defaultFusion = "mean";
    /** Member weights for the weighted methods; null means all 1. */
    public double[] weights;
    /** Where the weights come from: "uniform", "validation-accuracy", "validation-loss" or "given". */
    public String weightSource = "uniform";
    /** The learned stacking combiner's file, relative to the folder; null when none was trained. */
    public String stacking;
    public List<String> classNames;
    public int[] inputShape;
    public String dataset;
    public List<String> memberRuns = new ArrayList<>();
    public String runId;
    public String createdAt;
}
