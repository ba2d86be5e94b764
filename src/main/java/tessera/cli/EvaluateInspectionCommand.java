package tessera.cli;

import ai.djl.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tessera.inspect.DetectionProfile;
import tessera.inspect.InspectionEvaluation;
import tessera.inspect.InspectionSettings;
import tessera.inspect.Inspector;
import tessera.inspect.MapScore;
import tessera.model.Devices;
import tessera.train.CancellationToken;
import tessera.util.Json;
import tessera.util.OfflineEngine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tessera evaluate-inspection}: the student's, the fused ensemble's and every teacher's maps
 * scored against ground-truth masks in one table; with {@code --calibrate}, the thresholds that
 * maximise pixel F1 on these (validation) images are stored beside the models.
 */
@Command(name = "evaluate-inspection", mixinStandardHelpOptions = true,
        description = "Score inspection maps against ground-truth masks: pixel IoU/F1, tile ROC-AUC/AP, finding precision/recall.")
public final class EvaluateInspectionCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    InspectionModelOptions models;

    @Option(names = "--images", required = true, paramLabel = "DIR", description = "Folder of images.")
    Path images;

    @Option(names = "--masks", required = true, paramLabel = "DIR", description = "Folder of masks (same base names; non-zero = positive).")
    Path masks;

    @Option(names = "--limit", paramLabel = "N", description = "Evaluate only the first N images (default: all).")
    int limit = 0;

    @Option(names = "--min-region", paramLabel = "PX", description = "Ground-truth regions smaller than this are not counted for recall (default: ${DEFAULT-VALUE}).")
    long minRegion = 256;

    @Option(names = "--tile-positive", paramLabel = "FRACTION", description = "Share of positive pixels that makes a positive tile; tiles in between are left out (default: ${DEFAULT-VALUE}).")
    double tilePositive = 0.1;

    @Option(names = "--calibrate", description = "Store the thresholds maximising pixel F1 on these images beside the student and the ensemble.")
    boolean calibrate;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the table as JSON.")
    Path out;

    @Override
    public Integer call() throws Exception {
        OfflineEngine.threads(common.threads());
        InspectionSettings settings = models.settings();
        Path ensembleDir = models.ensembleDir();
        Path studentDir = models.studentDir(common.workspace());
        List<InspectionEvaluation.Sample> samples = InspectionEvaluation.samples(images, masks);
        if (limit > 0 && samples.size() > limit) {
            samples = samples.subList(0, limit);
        }
        Device device = Devices.resolve(common.device());
        CancellationToken cancel = new CancellationToken();
        Thread hook = CancelOnInterrupt.install(cancel);
        InspectionEvaluation.Result result;
        try (Inspector inspector = Inspector.open(ensembleDir, studentDir, settings, device)) {
            result = InspectionEvaluation.evaluate(inspector, samples, minRegion, tilePositive, cancel, System.out::println);
            if (calibrate) {
                double[] s = result.maps().get(0).bestPixelF1Threshold();
                double[] e = result.maps().get(1).bestPixelF1Threshold();
                String source = "evaluate-inspection --calibrate on " + result.images() + " images of " + images;
                List<String> positives = inspector.studentProfile().positiveClasses();
                DetectionProfile.writeThreshold(studentDir, s[0], positives, source, "max pixel F1", s[1]);
                DetectionProfile.writeThreshold(ensembleDir, e[0], positives, source, "max pixel F1", e[1]);
                System.out.printf(Locale.ROOT, "calibrated thresholds (max pixel F1): student %.2f (F1 %.4f) -> %s, ensemble %.2f (F1 %.4f) -> %s%n",
                        s[0], s[1], studentDir.resolve(DetectionProfile.FILE), e[0], e[1], ensembleDir.resolve(DetectionProfile.FILE));
            }
        } finally {
            CancelOnInterrupt.remove(hook);
        }
        print(result);
        if (out != null) {
            Json.write(out, json(result));
            System.out.println("written " + out);
        }
        if (!result.failures().isEmpty()) {
            System.err.println("tessera evaluate-inspection: " + result.failures().size() + " image(s) failed:");
            result.failures().forEach(f -> System.err.println("  " + f));
            return 1;
        }
        return 0;
    }

    private static void print(InspectionEvaluation.Result r) {
        System.out.printf(Locale.ROOT, "%d images, %s inference, thresholds %.2f (student) %.2f (ensemble and teachers); "
                        + "student %d ms, ensemble %d ms per image%n", r.images(), r.method(), r.studentThreshold(),
                r.ensembleThreshold(), r.studentMillis() / Math.max(1, r.images()), r.ensembleMillis() / Math.max(1, r.images()));
        System.out.printf(Locale.ROOT, "%-20s %9s %9s %9s %9s %10s %9s %9s%n", "map", "pixel IoU", "pixel F1", "tile AUC",
                "tile AP", "precision", "recall", "findings");
        for (MapScore m : r.maps()) {
            System.out.printf(Locale.ROOT, "%-20s %9.4f %9.4f %9.4f %9.4f %10.4f %9.4f %9d%n", m.name(), m.pixelIou(),
                    m.pixelF1(), m.tileRocAuc(), m.tileAveragePrecision(), m.findingPrecision(), m.findingRecall(), m.findings());
        }
        System.out.printf(Locale.ROOT, "(%d ground-truth regions; %d tiles scored)%n", r.maps().get(0).regions(), r.maps().get(0).tiles());
    }

    private static Map<String, Object> json(InspectionEvaluation.Result r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("images", r.images());
        root.put("method", r.method());
        root.put("studentThreshold", r.studentThreshold());
        root.put("ensembleThreshold", r.ensembleThreshold());
        root.put("studentMillisPerImage", r.studentMillis() / Math.max(1, r.images()));
        root.put("ensembleMillisPerImage", r.ensembleMillis() / Math.max(1, r.images()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (MapScore m : r.maps()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("map", m.name());
            row.put("pixelIou", m.pixelIou());
            row.put("pixelF1", m.pixelF1());
            row.put("tileRocAuc", m.tileRocAuc());
            row.put("tileAveragePrecision", m.tileAveragePrecision());
            row.put("findingPrecision", m.findingPrecision());
            row.put("findingRecall", m.findingRecall());
            row.put("findings", m.findings());
            row.put("groundTruthRegions", m.regions());
            row.put("tiles", m.tiles());
            rows.add(row);
        }
        root.put("maps", rows);
        root.put("failures", r.failures());
        return root;
    }
}
