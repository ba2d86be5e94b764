package tessera.ensemble;

import ai.djl.Device;
import com.google.gson.JsonObject;
import tessera.data.DataSplits;
import tessera.data.DatasetLoader;
import tessera.evaluate.ClassificationMetrics;
import tessera.experiment.Run;
import tessera.experiment.RunRecord;
import tessera.experiment.RunStatus;
import tessera.experiment.RunStore;
import tessera.fusion.MemberWeights;
import tessera.fusion.StackingCombiner;
import tessera.model.Devices;
import tessera.model.ModelBundle;
import tessera.train.CancellationToken;
import tessera.train.TrainingJob;
import tessera.train.TrainingListener;
import tessera.train.TrainingResult;
import tessera.util.Json;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Trains an ensemble: each member a run of its own (one after another, so each gets every core),
 * then the ensemble folder with weights from validation accuracy and a stacking combiner learned
 * on the validation split. Resumable: finished members are kept, an interrupted one resumes.
 */
public final class EnsembleJob {

    /** The outcome: the folder, and test accuracy under every fusion method. */
    public record Result(String runId, Path folder, boolean cancelled, Map<String, Double> testAccuracy,
                         List<Double> memberTestAccuracy) {
    }

    private EnsembleJob() {
    }

    public static Run create(RunStore store, EnsembleSettings settings) {
        return store.create("ensemble", Json.GSON.toJsonTree(settings).getAsJsonObject());
    }

    public static Result run(RunStore store, Run ensembleRun, EnsembleSettings settings,
                             IntFunction<TrainingListener> listeners, CancellationToken cancel) throws IOException {
        try {
            List<String> memberRuns = memberRuns(ensembleRun);
            List<Double> memberAccuracy = new ArrayList<>();
            for (int k = 0; k < settings.members; k++) {
                TrainingResult r;
                if (k < memberRuns.size()) {
                    Run member = store.open(memberRuns.get(k));
                    if (member.record().status() == RunStatus.FINISHED) {
                        memberAccuracy.add(summary(member.record(), "test_accuracy"));
                        continue;
                    }
                    r = TrainingJob.resume(store, member.id(), s -> TrainingJob.LABELS, listeners.apply(k), cancel);
                } else {
                    Run member = TrainingJob.create(store, "teacher", settings.member(k));
                    memberRuns.add(member.id());
                    recordMemberRuns(ensembleRun, memberRuns);
                    ensembleRun.log("member " + (k + 1) + "/" + settings.members + ": run " + member.id());
                    r = TrainingJob.run(member, settings.member(k), TrainingJob.LABELS, listeners.apply(k), cancel);
                }
                if (r.cancelled()) {
                    ensembleRun.markCancelled();
                    return new Result(ensembleRun.id(), null, true, Map.of(), memberAccuracy);
                }
                memberAccuracy.add(r.test() == null ? Double.NaN : r.test().accuracy());
            }
            Path folder = Path.of(settings.out);
            Map<String, Double> accuracy = assemble(store, ensembleRun, settings, memberRuns, folder);
            ensembleRun.markFinished();
            return new Result(ensembleRun.id(), folder, false, accuracy, memberAccuracy);
        } catch (IOException | RuntimeException e) {
            ensembleRun.markFailed(e.getMessage());
            throw e;
        }
    }

    public static Result resume(RunStore store, String runId, IntFunction<TrainingListener> listeners,
                                CancellationToken cancel) throws IOException {
        Run run = store.open(runId);
        if (!"ensemble".equals(run.record().kind())) {
            throw new TesseraException("run " + runId + " is a " + run.record().kind() + " run, not an ensemble");
        }
        EnsembleSettings settings = Json.GSON.fromJson(run.record().config(), EnsembleSettings.class);
        run.markRunning();
        return run(store, run, settings, listeners, cancel);
    }

    /** Copies the member bundles into the folder, derives weights and the combiner, and scores every fusion method. */
    private static Map<String, Double> assemble(RunStore store, Run ensembleRun, EnsembleSettings settings,
                                                List<String> memberRuns, Path folder) throws IOException {
        EnsembleInfo info = new EnsembleInfo();
        info.name = folder.getFileName().toString();
        info.defaultFusion = settings.defaultFusion;
        info.dataset = settings.base.dataset;
        info.memberRuns = new ArrayList<>(memberRuns);
        info.runId = ensembleRun.id();
        info.createdAt = Instant.now().toString();
        Files.createDirectories(folder);
        for (int k = 0; k < memberRuns.size(); k++) {
            String name = String.format("member-%d", k + 1);
            copyBundle(store.open(memberRuns.get(k)).bundleDir(), folder.resolve(name));
            info.members.add(name);
        }
        info.classNames = ModelBundle.readInfo(folder.resolve(info.members.get(0))).classNames;
        info.inputShape = ModelBundle.readInfo(folder.resolve(info.members.get(0))).inputShape;
        Json.write(folder.resolve(EnsembleInfo.FILE), info);

        Device device = Devices.resolve(settings.base.device);
        DataSplits data = DatasetLoader.load(Path.of(settings.base.dataset), settings.base.datasetOptions());
        Map<String, Double> accuracy = new LinkedHashMap<>();
        try (Ensemble ensemble = Ensemble.load(folder, device)) {
            if (data.validation().size() > 0) {
                double[][][] val = ensemble.memberProbabilities(data.validation(), 256);
                double[] valAccuracy = new double[val.length];
                for (int t = 0; t < val.length; t++) {
                    valAccuracy[t] = ClassificationMetrics.of(val[t], data.validation().labels()).accuracy();
                }
                info.weights = MemberWeights.fromAccuracy(valAccuracy);
                info.weightSource = "validation-accuracy";
                // The combiner learns on held-out data: on the training split the members are overconfident.
                StackingCombiner.train(val, data.validation().labels(), settings.base.seed).save(folder.resolve("stacking.json"));
                info.stacking = "stacking.json";
                Json.write(folder.resolve(EnsembleInfo.FILE), info);
            }
        }
        try (Ensemble ensemble = Ensemble.load(folder, device)) {
            if (data.test().size() > 0) {
                double[][][] test = ensemble.memberProbabilities(data.test(), 256);
                for (String method : ensemble.fusionMethods()) {
                    var fused = ensemble.fuse(method, test);
                    double acc = ClassificationMetrics.of(fused.scores(), fused.predictions(), data.test().labels()).accuracy();
                    accuracy.put(method, acc);
                    ensembleRun.putSummary("test_accuracy_" + method, acc);
                }
                ensembleRun.putSummary("test_accuracy", accuracy.get(settings.defaultFusion));
            }
        }
        ensembleRun.putSummary("folder", folder.toAbsolutePath().toString());
        ensembleRun.log("ensemble written to " + folder.toAbsolutePath());
        return accuracy;
    }

    private static void copyBundle(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String f : List.of(ModelBundle.INFO_FILE, ModelBundle.PARAMS_FILE)) {
            Files.copy(from.resolve(f), to.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<String> memberRuns(Run ensembleRun) {
        List<String> ids = new ArrayList<>();
        JsonObject summary = ensembleRun.record().summary();
        if (summary != null && summary.has("member_runs")) {
            for (String id : summary.get("member_runs").getAsString().split(",")) {
                if (!id.isBlank()) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static void recordMemberRuns(Run ensembleRun, List<String> ids) {
        ensembleRun.putSummary("member_runs", String.join(",", ids));
    }

    private static double summary(RunRecord record, String key) {
        JsonObject s = record.summary();
        return s != null && s.has(key) ? s.get(key).getAsDouble() : Double.NaN;
    }

}
