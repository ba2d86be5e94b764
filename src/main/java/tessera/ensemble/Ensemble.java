package tessera.ensemble;

import ai.djl.Device;
import tessera.data.ImageSet;
import tessera.fusion.FusedPredictions;
import tessera.fusion.Fusion;
import tessera.fusion.FusionMethod;
import tessera.fusion.StackingCombiner;
import tessera.model.Classifier;
import tessera.model.ModelBundle;
import tessera.util.Json;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A loaded teacher ensemble: every member's classifier (each checked on load), the member weights
 * and the optional stacking combiner. Owns the members' native memory: close it.
 */
public final class Ensemble implements AutoCloseable {

    /** The pseudo fusion method id for the learned combiner. */
    public static final String STACKING = "stacking";

    private final Path dir;
    private final EnsembleInfo info;
    private final List<Classifier> members;
    private final StackingCombiner stacking;

    private Ensemble(Path dir, EnsembleInfo info, List<Classifier> members, StackingCombiner stacking) {
        this.dir = dir;
        this.info = info;
        this.members = members;
        this.stacking = stacking;
    }

    public static boolean isEnsemble(Path dir) {
        return Files.isRegularFile(dir.resolve(EnsembleInfo.FILE));
    }

    public static EnsembleInfo readInfo(Path dir) throws IOException {
        if (!isEnsemble(dir)) {
            throw new TesseraException(dir + ": not an ensemble folder (no " + EnsembleInfo.FILE + ")");
        }
        EnsembleInfo info = Json.read(dir.resolve(EnsembleInfo.FILE), EnsembleInfo.class);
        if (info.members == null || info.members.isEmpty()) {
            throw new TesseraException(dir.resolve(EnsembleInfo.FILE) + ": lists no members");
        }
        return info;
    }

    public static Ensemble load(Path dir, Device device) throws IOException {
        EnsembleInfo info = readInfo(dir);
        List<Classifier> members = new ArrayList<>();
        try {
            for (String m : info.members) {
                Classifier c = ModelBundle.load(dir.resolve(m), device);
                members.add(c);
                Classifier first = members.get(0);
                if (!c.info().classNames.equals(first.info().classNames)
                        || !Arrays.equals(c.info().inputShape, first.info().inputShape)) {
                    throw new TesseraException(dir.resolve(m) + ": member classes or input shape differ from member "
                            + info.members.get(0));
                }
            }
            StackingCombiner combiner = info.stacking == null ? null : StackingCombiner.load(dir.resolve(info.stacking));
            if (info.weights != null && info.weights.length != members.size()) {
                throw new TesseraException(dir.resolve(EnsembleInfo.FILE) + ": " + info.weights.length
                        + " weights for " + members.size() + " members");
            }
            return new Ensemble(dir, info, members, combiner);
        } catch (IOException | RuntimeException e) {
            members.forEach(Classifier::close);
            throw e;
        }
    }

    public Path dir() {
        return dir;
    }

    public EnsembleInfo info() {
        return info;
    }

    public List<Classifier> members() {
        return members;
    }

    public int size() {
        return members.size();
    }

    public List<String> classNames() {
        return members.get(0).info().classNames;
    }

    public int[] inputShape() {
        return members.get(0).info().inputShape;
    }

    public double[] weights() {
        return info.weights;
    }

    public boolean hasStacking() {
        return stacking != null;
    }

    /** Every member's class probabilities, {@code [member][sample][class]} (fused heads of multi-head members). */
    public double[][][] memberProbabilities(ImageSet set, int batchSize) {
        double[][][] p = new double[members.size()][][];
        for (int t = 0; t < members.size(); t++) {
            double[][][] heads = members.get(t).probabilities(set, batchSize);
            p[t] = heads.length == 1 ? heads[0] : Fusion.fuse(FusionMethod.MEAN, heads, null).scores();
        }
        return p;
    }

    /** The ensemble's decision under a fusion method id, or {@value #STACKING} for the learned combiner. */
    public FusedPredictions fuse(String method, double[][][] p) {
        if (STACKING.equals(method)) {
            if (stacking == null) {
                throw new TesseraException(dir + ": this ensemble has no trained stacking combiner");
            }
            double[][] scores = stacking.predictProba(p);
            int[] predictions = new int[scores.length];
            for (int i = 0; i < scores.length; i++) {
                predictions[i] = tessera.evaluate.ClassificationMetrics.argMax(scores[i]);
            }
            return new FusedPredictions(scores, predictions);
        }
        FusionMethod m = FusionMethod.parse(method);
        return Fusion.fuse(m, p, m.usesWeights() ? info.weights : null);
    }

    /** All method ids this ensemble can fuse with: every rule, plus stacking when trained. */
    public List<String> fusionMethods() {
        List<String> ids = new ArrayList<>();
        for (FusionMethod m : FusionMethod.values()) {
            ids.add(m.id());
        }
        if (stacking != null) {
            ids.add(STACKING);
        }
        return ids;
    }

    public StackingCombiner stacking() {
        return stacking;
    }

    @Override
    public void close() {
        members.forEach(Classifier::close);
    }
}
