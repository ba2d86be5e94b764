package tessera.study;

import ai.djl.Device;
import tessera.data.DataSplits;
import tessera.ensemble.Ensemble;
import tessera.ensemble.EnsembleInfo;
import tessera.evaluate.ClassificationMetrics;
import tessera.fusion.FusedPredictions;
import tessera.fusion.MemberWeights;
import tessera.fusion.StackingCombiner;
import tessera.model.ModelBundle;
import tessera.model.ModelInfo;
import tessera.util.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ensemble folder made of already trained teachers (the study trains the largest ensemble of a
 * cell once and takes its first T members for each smaller T), with the same weights and stacking
 * combiner as {@code tessera ensemble} derives, scored on the test split under every fusion method.
 */
public final class EnsembleFolder {

    private EnsembleFolder() {
    }

    /** Writes {@code folder}: member bundles copied, weights from validation accuracy, a stacking combiner learned on validation. */
    public static void assemble(List<Path> memberBundles, List<String> memberRuns, Path folder, DataSplits data,
                                long seed, Device device) throws IOException {
        EnsembleInfo info = new EnsembleInfo();
        info.name = folder.getFileName().toString();
        info.dataset = data.source().toString();
        info.memberRuns = List.copyOf(memberRuns);
        info.createdAt = Instant.now().toString();
        Files.createDirectories(folder);
        for (int k = 0; k < memberBundles.size(); k++) {
            String name = "member-" + (k + 1);
            Path to = folder.resolve(name);
            Files.createDirectories(to);
            for (String f : List.of(ModelBundle.INFO_FILE, ModelBundle.PARAMS_FILE)) {
                Files.copy(memberBundles.get(k).resolve(f), to.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            info.members.add(name);
        }
        ModelInfo first = ModelBundle.readInfo(folder.resolve(info.members.get(0)));
        info.classNames = first.classNames;
        info.inputShape = first.inputShape;
        Json.write(folder.resolve(EnsembleInfo.FILE), info);
        if (data.validation().size() == 0) {
            return;
        }
        try (Ensemble ensemble = Ensemble.load(folder, device)) {
            double[][][] val = ensemble.memberProbabilities(data.validation(), 256);
            double[] accuracy = new double[val.length];
            for (int t = 0; t < val.length; t++) {
                accuracy[t] = ClassificationMetrics.of(val[t], data.validation().labels()).accuracy();
            }
            info.weights = MemberWeights.fromAccuracy(accuracy);
            info.weightSource = "validation-accuracy";
            // Learned on held-out data: on the training split the members are overconfident.
            StackingCombiner.train(val, data.validation().labels(), seed).save(folder.resolve("stacking.json"));
            info.stacking = "stacking.json";
        }
        Json.write(folder.resolve(EnsembleInfo.FILE), info);
    }

    /** Test figures of the ensemble under every fusion method it offers (the rules, and stacking when trained). */
    public static Map<String, StudyState.Measured> score(Path folder, DataSplits data, Device device, double trainSeconds)
            throws IOException {
        Map<String, StudyState.Measured> out = new LinkedHashMap<>();
        try (Ensemble ensemble = Ensemble.load(folder, device)) {
            long macs = 0;
            for (var member : ensemble.members()) {
                macs += member.info().macsPerSample;
            }
            double[][][] p = ensemble.memberProbabilities(data.test(), 256);
            for (String method : ensemble.fusionMethods()) {
                FusedPredictions fused = ensemble.fuse(method, p);
                ClassificationMetrics m = ClassificationMetrics.of(fused.scores(), fused.predictions(), data.test().labels());
                out.put(method, new StudyState.Measured(m.accuracy(), m.macroF1(), m.nll(), m.ece(), macs, trainSeconds));
            }
        }
        return out;
    }
}
