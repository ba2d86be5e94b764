package tessera.evaluate;

import ai.djl.Device;
import tessera.data.ImageSet;
import tessera.model.Classifier;
import tessera.model.Latency;
import tessera.model.ModelBundle;
import tessera.model.ModelInfo;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Evaluates model bundles on a labelled image set: the metrics of {@link ClassificationMetrics} plus cost and latency. */
public final class ModelEvaluation {

    /** What {@code evaluate --out} writes. */
    public record Results(String dataset, int samples, String device, List<ModelReport> models,
                          List<Agreement> agreement) {
    }

    private ModelEvaluation() {
    }

    public static ModelReport evaluate(Path bundle, ImageSet test, Device device, boolean measureLatency) throws IOException {
        try (Classifier classifier = ModelBundle.load(bundle, device)) {
            ModelInfo info = classifier.info();
            checkClasses(bundle, info, test);
            double[][][] heads = classifier.probabilities(test, 256);
            double[][] p = meanOverHeads(heads);
            ClassificationMetrics m = ClassificationMetrics.of(p, test.labels());
            double b1 = measureLatency ? Latency.msPerSample(classifier, test, 1) : Double.NaN;
            double b64 = measureLatency ? Latency.msPerSample(classifier, test, 64) : Double.NaN;
            return new ModelReport(info.name == null ? bundle.getFileName().toString() : info.name, bundle.toString(),
                    info.trainedBy, m.accuracy(), m.macroF1(), m.nll(), m.ece(), info.parameterCount, info.macsPerSample,
                    b1, b64, info.classNames, m.confusion());
        }
    }

    /** A model of another class set than the data would give meaningless figures: refuse it. */
    public static void checkClasses(Path bundle, ModelInfo info, ImageSet data) {
        if (!info.classNames.equals(data.classNames())) {
            throw new TesseraException(bundle + ": model classes " + info.classNames + " differ from the data set's "
                    + data.classNames());
        }
    }

    static double[][] meanOverHeads(double[][][] heads) {
        if (heads.length == 1) {
            return heads[0];
        }
        int n = heads[0].length;
        int c = heads[0][0].length;
        double[][] mean = new double[n][c];
        for (double[][] h : heads) {
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < c; k++) {
                    mean[i][k] += h[i][k] / heads.length;
                }
            }
        }
        return mean;
    }
}
