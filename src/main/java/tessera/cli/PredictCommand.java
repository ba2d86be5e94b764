package tessera.cli;

import ai.djl.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tessera.data.DataSplits;
import tessera.data.DatasetLoader;
import tessera.data.DatasetOptions;
import tessera.data.ImageSet;
import tessera.evaluate.ModelEvaluation;
import tessera.fusion.Fusion;
import tessera.fusion.FusionMethod;
import tessera.fusion.PredictionsCsv;
import tessera.model.Classifier;
import tessera.model.Devices;
import tessera.model.ModelBundle;
import tessera.util.OfflineEngine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tessera predict}: class probabilities of a model on a data set's test split, as a predictions CSV. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Export a model's class probabilities on the test split in the predictions CSV format.")
public final class PredictCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--dataset", required = true, paramLabel = "D", description = "Data set folder.")
    Path dataset;

    @Option(names = "--format", description = "Data set format if not detected.")
    String format;

    @Option(names = "--split", description = "test, validation or train (default: ${DEFAULT-VALUE}).")
    String split = "test";

    @Option(names = "--model", required = true, paramLabel = "PATH", description = "Model bundle folder or run id.")
    String model;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The predictions CSV to write.")
    Path out;

    @Override
    public Integer call() throws Exception {
        OfflineEngine.threads(common.threads());
        Path bundle = ModelPaths.bundle(model, common.workspace());
        Device device = Devices.resolve(common.device());
        DataSplits data = DatasetLoader.load(dataset, new DatasetOptions(format, 0.1, common.seed(), 0));
        ImageSet set = switch (split) {
            case "test" -> data.test();
            case "validation" -> data.validation();
            case "train" -> data.train();
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--split must be test, validation or train");
        };
        try (Classifier classifier = ModelBundle.load(bundle, device)) {
            ModelEvaluation.checkClasses(bundle, classifier.info(), set);
            double[][][] heads = classifier.probabilities(set, 256);
            double[][] p = heads.length == 1 ? heads[0]
                    : Fusion.fuse(FusionMethod.parse(classifier.info().headFusion), heads, null).scores();
            List<String> ids = new ArrayList<>();
            String[] labels = new String[set.size()];
            for (int i = 0; i < set.size(); i++) {
                ids.add(split + "-" + i);
                labels[i] = set.classNames().get(set.label(i));
            }
            PredictionsCsv.write(out, new PredictionsCsv.Predictions(ids, set.classNames(), labels, p, null));
            System.out.println(set.size() + " predictions written to " + out);
        }
        return 0;
    }
}
