package tessera.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tessera.fusion.FusedPredictions;
import tessera.fusion.Fusion;
import tessera.fusion.FusionMethod;
import tessera.fusion.MemberWeights;
import tessera.fusion.PredictionsCsv;
import tessera.fusion.PredictionsCsv.Predictions;
import tessera.util.TesseraException;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tessera fuse}: decision fusion of predictions CSV files exported by any framework, one file
 * per member. No model and no engine: the files are the whole input.
 */
@Command(name = "fuse", mixinStandardHelpOptions = true,
        description = "Fuse predictions CSV files (one per ensemble member) with a decision-fusion method.")
public final class FuseCommand implements Callable<Integer> {

    /** The --method value that runs every method, one output file each. */
    static final String ALL = "all";

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--method", required = true, paramLabel = "M",
            description = "A fusion method (mean, weighted-mean, product, max, min, median, plurality, weighted-vote, "
                    + "borda, dowdall, copeland, simpson, baldwin, nanson, bucklin, stv), or 'all'.")
    String method;

    @Option(names = "--predictions", required = true, arity = "1..*", paramLabel = "FILE",
            description = "Predictions CSV files, one per member, listing the same ids in the same order and the same classes.")
    List<Path> predictions = new ArrayList<>();

    @Option(names = "--weights", paramLabel = "w1,w2,..",
            description = "Member weights for weighted-mean and weighted-vote, one per file, non-negative (default: all 1).")
    String weights;

    @Option(names = "--weights-from", paramLabel = "accuracy|loss",
            description = "Derive the weights from each member's accuracy or NLL on the labelled --validation files.")
    String weightsFrom;

    @Option(names = "--validation", arity = "1..*", paramLabel = "FILE",
            description = "Each member's predictions on held-out validation data, in --predictions order (for --weights-from).")
    List<Path> validation = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE|DIR",
            description = "The fused predictions CSV; with --method all, a folder that receives <method>.csv for each method.")
    Path out;

    @Override
    public Integer call() throws IOException {
        PrintWriter console = spec.commandLine().getOut();
        List<FusionMethod> methods = methods();
        List<Predictions> members = read(predictions);
        PredictionsCsv.checkCompatible(predictions, members);
        double[] w = weights(members.size());
        double[][][] p = new double[members.size()][][];
        for (int t = 0; t < p.length; t++) {
            p[t] = members.get(t).probabilities();
        }
        Predictions first = members.get(0);
        String[] labels = PredictionsCsv.mergedLabels(members);
        boolean labelled = Arrays.stream(labels).anyMatch(l -> l != null);
        boolean all = methods.size() > 1;
        if (all) {
            Files.createDirectories(out);
        }
        console.printf(Locale.ROOT, "%d members, %d samples, %d classes%s%n", members.size(), first.size(),
                first.classNames().size(), labelled ? "" : " (no labels: accuracy not computed)");
        for (FusionMethod m : methods) {
            FusedPredictions fused = Fusion.fuse(m, p, m.usesWeights() ? w : null);
            Path file = all ? out.resolve(m.id() + ".csv") : out;
            PredictionsCsv.write(file, new Predictions(first.ids(), first.classNames(), labels, fused.scores(),
                    fused.predictions()));
            String accuracy = labelled ? String.format(Locale.ROOT, "accuracy %6.2f%%",
                    100 * PredictionsCsv.accuracy(fused.predictions(), labels, first.classNames())) : "";
            console.printf(Locale.ROOT, "%-14s %s  -> %s%n", m.id(), accuracy, file);
        }
        console.flush();
        return 0;
    }

    private List<FusionMethod> methods() {
        if (ALL.equalsIgnoreCase(method.strip())) {
            return List.of(FusionMethod.values());
        }
        try {
            return List.of(FusionMethod.parse(method));
        } catch (TesseraException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--method: " + e.getMessage() + ", or all");
        }
    }

    private static List<Predictions> read(List<Path> files) throws IOException {
        List<Predictions> list = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new TesseraException(f + ": no such predictions file");
            }
            list.add(PredictionsCsv.read(f));
        }
        return list;
    }

    /** Given weights, weights derived from validation predictions, or null (all 1). */
    private double[] weights(int members) throws IOException {
        if (weights != null && weightsFrom != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --weights or --weights-from, not both");
        }
        if (weights != null) {
            return MemberWeights.parse(weights, members);
        }
        if (weightsFrom == null) {
            if (!validation.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--validation needs --weights-from accuracy|loss");
            }
            return null;
        }
        if (validation.size() != members) {
            throw new TesseraException("--weights-from needs one --validation file per member: "
                    + members + " members, " + validation.size() + " validation files");
        }
        List<Predictions> val = read(validation);
        PredictionsCsv.checkCompatible(validation, val);
        String[] labels = PredictionsCsv.mergedLabels(val);
        if (Arrays.stream(labels).anyMatch(l -> l == null)) {
            throw new TesseraException(validation.get(0) + ": --weights-from needs a label on every validation row");
        }
        double[] score = new double[members];
        for (int t = 0; t < members; t++) {
            Predictions v = val.get(t);
            score[t] = switch (weightsFrom) {
                case "accuracy" -> PredictionsCsv.accuracy(argMax(v.probabilities()), labels, v.classNames());
                case "loss" -> nll(v, labels);
                default -> throw new CommandLine.ParameterException(spec.commandLine(),
                        "--weights-from must be accuracy or loss, not '" + weightsFrom + "'");
            };
        }
        return "accuracy".equals(weightsFrom) ? MemberWeights.fromAccuracy(score) : MemberWeights.fromLoss(score);
    }

    private static int[] argMax(double[][] p) {
        int[] best = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            best[i] = tessera.evaluate.ClassificationMetrics.argMax(p[i]);
        }
        return best;
    }

    private static double nll(Predictions v, String[] labels) {
        double sum = 0;
        for (int i = 0; i < labels.length; i++) {
            sum -= Math.log(Math.max(1e-12, v.probabilities()[i][v.classNames().indexOf(labels[i])]));
        }
        return sum / labels.length;
    }
}
