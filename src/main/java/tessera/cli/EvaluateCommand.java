package tessera.cli;

import ai.djl.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tessera.data.DataSplits;
import tessera.data.DatasetLoader;
import tessera.data.DatasetOptions;
import tessera.ensemble.Ensemble;
import tessera.evaluate.Agreement;
import tessera.evaluate.AgreementHeatMap;
import tessera.evaluate.ModelEvaluation;
import tessera.evaluate.ModelReport;
import tessera.evaluate.TradeOffEvaluation;
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
        description = "Evaluate model bundles and ensemble folders on a data set's test split: accuracy, macro-F1, NLL, ECE, "
                + "parameters, MACs and latency of every member, every fusion method, every student and student head; "
                + "members' pairwise agreement.")
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

    @Option(names = "--agreement", paramLabel = "PREFIX",
            description = "Write each ensemble's (and multi-head student's) pairwise agreement as PREFIX-<name>.json and "
                    + "a heat map PREFIX-<name>.png (default with --out: next to it, <out>-agreement-<name>.*).")
    Path agreementPrefix;

    @Override
    public Integer call() throws Exception {
        OfflineEngine.threads(common.threads());
        if (!Files.exists(dataset)) {
            throw new TesseraException(dataset + ": no such data set folder");
        }
        List<Path> bundles = new ArrayList<>();
        for (String m : models) {
            Path path = Path.of(m);
            if (Ensemble.isEnsemble(path)) {
                bundles.add(path);
                continue;
            }
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
        List<TradeOffEvaluation.Part> parts = new ArrayList<>();
        for (Path bundle : bundles) {
            parts.add(TradeOffEvaluation.evaluate(bundle, data.test(), device, !noLatency));
        }
        List<ModelReport> reports = new ArrayList<>();
        List<Agreement> agreements = new ArrayList<>();
        for (TradeOffEvaluation.Part part : parts) {
            reports.addAll(part.rows());
            if (part.agreement() != null) {
                agreements.add(part.agreement());
            }
        }
        print(parts, data);
        Path prefix = agreementPrefix != null ? agreementPrefix
                : out == null ? null : out.resolveSibling(out.getFileName().toString().replaceFirst("\\.json$", "") + "-agreement");
        for (Agreement a : agreements) {
            printAgreement(a);
            if (prefix != null) {
                String base = prefix.getFileName() + "-" + a.of().replaceAll("[^A-Za-z0-9._-]", "_");
                Path json = prefix.resolveSibling(base + ".json");
                Path png = prefix.resolveSibling(base + ".png");
                Json.write(json, a);
                AgreementHeatMap.write(png, a);
                System.out.println("agreement of " + a.of() + " written to " + json + " and " + png);
            }
        }
        if (out != null) {
            Json.write(out, new ModelEvaluation.Results(dataset.toAbsolutePath().toString(), data.test().size(),
                    Devices.describe(device), reports, agreements));
            System.out.println("results written to " + out);
        }
        return 0;
    }

    private static void printAgreement(Agreement a) {
        System.out.println();
        System.out.println("pairwise agreement of " + a.of() + " (share of test samples with the same predicted class)");
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-12s", ""));
        for (String m : a.members()) {
            head.append(String.format(Locale.ROOT, " %9s", abbreviate(m, 9)));
        }
        System.out.println(head);
        for (int s = 0; s < a.members().size(); s++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-12s", abbreviate(a.members().get(s), 12)));
            for (int t = 0; t < a.members().size(); t++) {
                line.append(String.format(Locale.ROOT, " %8.2f%%", 100 * a.agreement()[s][t]));
            }
            System.out.println(line);
        }
        System.out.printf(Locale.ROOT, "mean pairwise disagreement %.2f%%, unanimous %.2f%%, mean member accuracy %.2f%%, "
                        + "oracle accuracy %.2f%%, all wrong and split %.2f%%%n", 100 * a.meanPairwiseDisagreement(),
                100 * a.unanimous(), 100 * a.meanMemberAccuracy(), 100 * a.oracleAccuracy(), 100 * a.allWrongSplit());
    }

    private void print(List<TradeOffEvaluation.Part> parts, DataSplits data) {
        System.out.println(Devices.announce(Devices.resolve(common.device())));
        System.out.printf(Locale.ROOT, "test split of %s: %d samples%n", dataset, data.test().size());
        String header = String.format(Locale.ROOT, "%-44s %9s %9s %8s %8s %10s %12s %11s %11s",
                "model", "accuracy", "macro-F1", "NLL", "ECE", "params", "MACs", "ms/img b1", "ms/img b64");
        System.out.println(header);
        System.out.println("-".repeat(header.length()));
        for (TradeOffEvaluation.Part part : parts) {
            for (ModelReport r : part.rows()) {
                System.out.printf(Locale.ROOT, "%-44s %8.2f%% %9.4f %8.4f %8.4f %10d %12d %11.3f %11.3f%n",
                        abbreviate(r.name(), 44), 100 * r.accuracy(), r.macroF1(), r.nll(), r.ece(), r.parameters(),
                        r.macsPerSample(), r.latencyMsBatch1(), r.latencyMsBatch64());
            }
        }
        for (TradeOffEvaluation.Part part : parts) {
            ModelReport r = part.headlineRow();
            System.out.println();
            System.out.println("confusion matrix of " + r.name() + " (rows: true class, columns: predicted)");
            System.out.print(ConfusionTable.format(r.confusion(), r.classNames()));
        }
    }

    static String abbreviate(String s, int width) {
        return s.length() <= width ? s : "…" + s.substring(s.length() - width + 1);
    }
}
