package tessera.cli;

import ai.djl.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tessera.data.DataSplits;
import tessera.data.DatasetLoader;
import tessera.data.DatasetOptions;
import tessera.evaluate.ModelEvaluation;
import tessera.evaluate.ModelReport;
import tessera.model.Devices;
import tessera.util.Json;
import tessera.util.OfflineEngine;
import tessera.util.TesseraException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code tessera evaluate}: accuracy, macro-F1, NLL, ECE, confusion and latency of models on a test split. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate model bundles on a data set's test split: accuracy, macro-F1, NLL, ECE, confusion matrix, latency.")
public final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--dataset", required = true, paramLabel = "D", description = "Data set folder.")
    Path dataset;

    @Option(names = "--format", description = "Data set format if not detected.")
    String format;

    @Option(names = "--model", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Model bundle folder(s), or run folders/ids whose bundle is evaluated.")
    List<String> models = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the results as JSON.")
    Path out;

    @Option(names = "--no-latency", description = "Skip the latency measurement.")
    boolean noLatency;

    @Override
    public Integer call() throws Exception {
        OfflineEngine.threads(common.threads());
        if (!Files.exists(dataset)) {
            throw new TesseraException(dataset + ": no such data set folder");
        }
        List<Path> bundles = new ArrayList<>();
        for (String m : models) {
            Path bundle = ModelPaths.bundle(m, common.workspace());
            // A damaged bundle is refused before the data set is read, not minutes later.
            tessera.model.ModelBundle.verify(bundle);
            bundles.add(bundle);
        }
        Device device = Devices.resolve(common.device());
        DataSplits data = DatasetLoader.load(dataset, new DatasetOptions(format, 0, common.seed(), 0));
        if (data.test().size() == 0) {
            throw new TesseraException(dataset + ": has no test split to evaluate on");
        }
        List<ModelReport> reports = new ArrayList<>();
        for (Path bundle : bundles) {
            reports.add(ModelEvaluation.evaluate(bundle, data.test(), device, !noLatency));
        }
        print(reports, data);
        if (out != null) {
            Json.write(out, new ModelEvaluation.Results(dataset.toAbsolutePath().toString(), data.test().size(),
                    Devices.describe(device), reports));
            System.out.println("results written to " + out);
        }
        return 0;
    }

    private void print(List<ModelReport> reports, DataSplits data) {
        System.out.println(Devices.announce(Devices.resolve(common.device())));
        System.out.printf(Locale.ROOT, "test split of %s: %d samples%n", dataset, data.test().size());
        String header = String.format(Locale.ROOT, "%-34s %9s %9s %8s %8s %10s %12s %11s %11s",
                "model", "accuracy", "macro-F1", "NLL", "ECE", "params", "MACs", "ms/img b1", "ms/img b64");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        for (ModelReport r : reports) {
            System.out.printf(Locale.ROOT, "%-34s %8.2f%% %9.4f %8.4f %8.4f %10d %12d %11.3f %11.3f%n",
                    abbreviate(r.name(), 34), 100 * r.accuracy(), r.macroF1(), r.nll(), r.ece(), r.parameters(),
                    r.macsPerSample(), r.latencyMsBatch1(), r.latencyMsBatch64());
        }
        for (ModelReport r : reports) {
            System.out.println();
            System.out.println("confusion matrix of " + r.name() + " (rows: true class, columns: predicted)");
            System.out.print(ConfusionTable.format(r.confusion(), r.classNames()));
        }
    }

    static String abbreviate(String s, int width) {
        return s.length() <= width ? s : "…" + s.substring(s.length() - width + 1);
    }
}
