package tessera.evaluate;

import ai.djl.Device;
import tessera.data.ImageSet;
import tessera.ensemble.Ensemble;
import tessera.fusion.FusedPredictions;
import tessera.fusion.Fusion;
import tessera.fusion.FusionMethod;
import tessera.model.Classifier;
import tessera.model.Latency;
import tessera.model.ModelBundle;
import tessera.model.ModelInfo;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The trade-off table of an ensemble and its students on one test set: every member, the ensemble
 * under every fusion method (its cost the sum of its members' plus the fusion), every student,
 * and for a multi-head student each head and the heads under every fusion method (its cost one
 * network). Also the members' (or heads') pairwise agreement.
 */
public final class TradeOffEvaluation {

    /** Rows and agreement statistics of one evaluated ensemble or model. */
    public record Part(List<ModelReport> rows, Agreement agreement, int headline) {

        /** The row that stands for the whole: the ensemble's default fusion, the student's own head fusion. */
        public ModelReport headlineRow() {
            return rows.get(headline);
        }
    }

    private static final int BATCH = 256;

    private TradeOffEvaluation() {
    }

    /** An ensemble folder or a model bundle. */
    public static Part evaluate(Path path, ImageSet test, Device device, boolean measureLatency) throws IOException {
        return Ensemble.isEnsemble(path) ? ensemble(path, test, device, measureLatency)
                : model(path, test, device, measureLatency);
    }

    public static Part ensemble(Path dir, ImageSet test, Device device, boolean measureLatency) throws IOException {
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        try (Ensemble ensemble = Ensemble.load(dir, device)) {
            if (!ensemble.classNames().equals(test.classNames())) {
                throw new TesseraException(dir + ": ensemble classes " + ensemble.classNames()
                        + " differ from the data set's " + test.classNames());
            }
            double[][][] p = ensemble.memberProbabilities(test, BATCH);
            List<ModelReport> rows = new ArrayList<>();
            List<String> memberNames = new ArrayList<>();
            int[][] predicted = new int[p.length][];
            long params = 0;
            long macs = 0;
            double b1 = 0;
            double b64 = 0;
            for (int t = 0; t < p.length; t++) {
                Classifier member = ensemble.members().get(t);
                ModelInfo info = member.info();
                String memberName = name + "/" + ensemble.info().members.get(t);
                memberNames.add(ensemble.info().members.get(t));
                double[] latency = latency(member, test, measureLatency);
                ClassificationMetrics m = ClassificationMetrics.of(p[t], test.labels());
                predicted[t] = argMax(p[t]);
                rows.add(report(memberName, dir.resolve(ensemble.info().members.get(t)), "member", m,
                        info.parameterCount, info.macsPerSample, latency, test));
                params += info.parameterCount;
                macs += info.macsPerSample;
                b1 += latency[0];
                b64 += latency[1];
            }
            int headline = rows.size();
            for (String method : ensemble.fusionMethods()) {
                if (method.equals(ensemble.info().defaultFusion)) {
                    headline = rows.size();
                }
                long start = System.nanoTime();
                FusedPredictions fused = ensemble.fuse(method, p);
                double fusionMs = (System.nanoTime() - start) / 1e6 / test.size();
                ClassificationMetrics m = ClassificationMetrics.of(fused.scores(), fused.predictions(), test.labels());
                // The members run one after another, then the fusion: the ensemble's cost is their sum.
                double[] latency = {b1 + fusionMs, b64 + fusionMs};
                rows.add(report(name + " [" + method + "]", dir, "ensemble", m, params, macs,
                        measureLatency ? latency : new double[] {Double.NaN, Double.NaN}, test));
            }
            return new Part(rows, Agreement.of(name, memberNames, predicted, test.labels()), headline);
        }
    }

    /** A single model; a multi-head student also gives one row per head and per fusion of its heads. */
    public static Part model(Path bundle, ImageSet test, Device device, boolean measureLatency) throws IOException {
        try (Classifier classifier = ModelBundle.load(bundle, device)) {
            ModelInfo info = classifier.info();
            ModelEvaluation.checkClasses(bundle, info, test);
            // A bundle inside a run is always called "model": name it by its run there, else by its folder.
            String folder = bundle.toAbsolutePath().normalize().getFileName().toString();
            String name = "model".equals(folder) && info.name != null ? info.name : folder;
            double[][][] heads = classifier.probabilities(test, BATCH);
            double[] latency = latency(classifier, test, measureLatency);
            List<ModelReport> rows = new ArrayList<>();
            if (heads.length == 1) {
                ClassificationMetrics m = ClassificationMetrics.of(heads[0], test.labels());
                rows.add(report(name, bundle, info.trainedBy, m, info.parameterCount, info.macsPerSample, latency, test));
                return new Part(rows, null, 0);
            }
            FusionMethod own = FusionMethod.parse(info.headFusion);
            List<FusionMethod> methods = new ArrayList<>(List.of(own));
            for (FusionMethod m : FusionMethod.values()) {
                if (m != own && !m.usesWeights()) {
                    methods.add(m); // a student's heads have no weights: the weighted rules equal the plain ones
                }
            }
            for (FusionMethod method : methods) {
                long start = System.nanoTime();
                FusedPredictions fused = Fusion.fuse(method, heads, null);
                double fusionMs = (System.nanoTime() - start) / 1e6 / test.size();
                ClassificationMetrics m = ClassificationMetrics.of(fused.scores(), fused.predictions(), test.labels());
                String rowName = method == own ? name : name + " heads [" + method.id() + "]";
                rows.add(report(rowName, bundle, method == own ? info.trainedBy : "student-heads", m, info.parameterCount,
                        info.macsPerSample, new double[] {latency[0] + fusionMs, latency[1] + fusionMs}, test));
            }
            List<String> headNames = new ArrayList<>();
            int[][] predicted = new int[heads.length][];
            for (int h = 0; h < heads.length; h++) {
                ClassificationMetrics m = ClassificationMetrics.of(heads[h], test.labels());
                // One forward pass computes every head: a head costs the whole network.
                rows.add(1 + h,
                        report(name + " head " + (h + 1), bundle, "student-head", m, info.parameterCount,
                                info.macsPerSample, latency, test));
                headNames.add("head " + (h + 1));
                predicted[h] = argMax(heads[h]);
            }
            return new Part(rows, Agreement.of(name, headNames, predicted, test.labels()), 0);
        }
    }

    private static double[] latency(Classifier c, ImageSet test, boolean measure) {
        if (!measure) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return new double[] {Latency.msPerSample(c, test, 1), Latency.msPerSample(c, test, 64)};
    }

    private static ModelReport report(String name, Path path, String kind, ClassificationMetrics m, long params, long macs,
                                      double[] latency, ImageSet test) {
        return new ModelReport(name, path.toString(), kind, m.accuracy(), m.macroF1(), m.nll(), m.ece(), params, macs,
                latency[0], latency[1], test.classNames(), m.confusion());
    }

    private static int[] argMax(double[][] p) {
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = ClassificationMetrics.argMax(p[i]);
        }
        return out;
    }
}
