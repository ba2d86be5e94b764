package tessera.benchmark;

import ai.djl.Device;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.imaging.ImageMetadata;
import tessera.inspect.InferenceMethod;
import tessera.inspect.InspectionResult;
import tessera.inspect.InspectionSettings;
import tessera.inspect.InspectionTestModels;
import tessera.inspect.Inspector;
import tessera.util.OfflineEngine;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Student versus ensemble on a 4000 × 3000 image with 64 px tiles at stride 32, tiled and fully
 * convolutional: times, their ratio, how far the two paths' maps differ, and peak memory. Uses the
 * shipped demo models when present (else seeded random cnn-small models of the same shape). Run:
 * {@code mvn -B -o -q -Dtessera.skipAppImage -DskipTests package test-compile} then
 * {@code java -Xmx4g -Dai.djl.offline=true -DOPT_OUT_TRACKING=true -DDJL_CACHE_DIR=target/djl-cache
 * -cp 'target/classes:target/test-classes:target/lib/*' tessera.benchmark.InspectionBenchmark}
 * (system properties {@code bench.threads} (2), {@code bench.width} (4000), {@code bench.height} (3000));
 * or as a JUnit test of the group "benchmark", which the normal build excludes.
 */
@Tag("benchmark")
class InspectionBenchmark {

    @TempDir
    Path dir;

    public static void main(String[] args) throws Exception {
        InspectionBenchmark b = new InspectionBenchmark();
        b.dir = Files.createTempDirectory("tessera-bench");
        b.studentVersusEnsembleOnATwelveMegapixelImage();
    }

    @Test
    void studentVersusEnsembleOnATwelveMegapixelImage() throws Exception {
        int threads = Integer.getInteger("bench.threads", 2);
        int width = Integer.getInteger("bench.width", 4000);
        int height = Integer.getInteger("bench.height", 3000);
        OfflineEngine.threads(threads);
        Path ensemble = Path.of("assets/models/ensemble");
        Path student = Path.of("assets/models/student");
        String models = "shipped demo models";
        if (!Files.isRegularFile(ensemble.resolve("ensemble.json")) || !Files.isRegularFile(student.resolve("model.json"))) {
            ensemble = InspectionTestModels.ensemble(dir.resolve("ensemble"), 5);
            student = InspectionTestModels.bundle(dir.resolve("student"), "student", 5, 9);
            models = "random cnn-small models (5 teachers, 5-head student)";
        }
        BufferedImage image = InspectionTestModels.picture(width, height, 1);
        ImageMetadata meta = new ImageMetadata("png", width, height, 8, 1, null, null, null, null);
        StringBuilder report = new StringBuilder();
        report.append(String.format(Locale.ROOT, "inspection benchmark: %dx%d image, 64 px tiles at stride 32, %d threads, %s%n",
                width, height, threads, models));
        InspectionResult[] results = new InspectionResult[2];
        InferenceMethod[] methods = {InferenceMethod.FULLY_CONVOLUTIONAL, InferenceMethod.TILED};
        for (int m = 0; m < 2; m++) {
            try (Inspector inspector = Inspector.open(ensemble, student,
                    InspectionSettings.defaults().withMethod(methods[m]), Device.cpu())) {
                BufferedImage warm = InspectionTestModels.picture(256, 256, 2);
                inspector.inspect(Path.of("warmup.png"), warm,
                        new ImageMetadata("png", 256, 256, 8, 1, null, null, null, null), null, null);
                long cpu0 = processCpuMillis();
                long wall0 = System.nanoTime();
                InspectionResult r = inspector.inspect(Path.of("bench.png"), image, meta, null, null);
                long cpu = processCpuMillis() - cpu0;
                long wall = (System.nanoTime() - wall0) / 1_000_000;
                results[m] = r;
                report.append(String.format(Locale.ROOT,
                        "%-20s tiles %d: student %6d ms, ensemble (%d teachers) %6d ms, ratio %.2f, resampling %d ms"
                                + " (process CPU %d ms over %d ms wall, load average %.1f)%n",
                        r.method().id(), r.tiles(), r.studentMillis(), r.teacherCount(), r.ensembleMillis(), r.speedup(),
                        r.prepareMillis(), cpu, wall, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            }
        }
        report.append(agreement("student map", results[0].student(), results[1].student(), results[0].studentThreshold()));
        report.append(agreement("ensemble map", results[0].ensemble(), results[1].ensemble(), results[0].ensembleThreshold()));
        report.append(String.format(Locale.ROOT, "tiled / fully convolutional student time: %.2f%n",
                (double) results[1].studentMillis() / Math.max(1, results[0].studentMillis())));
        report.append(String.format(Locale.ROOT, "peak memory: Java heap %d MB, process resident %s%n", peakHeapMb(), residentPeak()));
        System.out.print(report);
        Path out = Path.of("target", "inspection-benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    /** How far the fully convolutional map is from the tiled one: max, mean, 99th percentile, decisions flipped. */
    static String agreement(String what, float[] dense, float[] tiled, double threshold) {
        double[] d = new double[dense.length];
        double sum = 0;
        int flipped = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(dense[i] - tiled[i]);
            sum += d[i];
            if ((dense[i] >= threshold) != (tiled[i] >= threshold)) {
                flipped++;
            }
        }
        java.util.Arrays.sort(d);
        return String.format(Locale.ROOT, "%s, fully convolutional vs tiled: max |diff| %.4f, mean %.4f, 99th percentile %.4f,"
                        + " %d of %d tiles (%.2f%%) on the other side of the threshold %.2f%n", what, d[d.length - 1],
                sum / d.length, d[(int) Math.floor(0.99 * (d.length - 1))], flipped, d.length, 100.0 * flipped / d.length, threshold);
    }

    /** CPU time of the whole process, libtorch's threads included: a figure that contention does not inflate. */
    private static long processCpuMillis() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    /** VmHWM of /proc/self/status: the process's peak resident set, native memory (libtorch) included. */
    private static String residentPeak() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "n/a";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("n/a");
    }
}
