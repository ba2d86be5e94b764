package tessera.benchmark;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.imaging.ImageMetadata;
import tessera.inspect.InspectionResult;
import tessera.inspect.InspectionSettings;
import tessera.inspect.InspectionTestModels;
import tessera.inspect.Inspector;
import tessera.util.OfflineEngine;

import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Not a unit test: 200 inspections in one process (one {@link Inspector}, as the workstation keeps
 * it), printing every 20 the resident set size, the Java heap after a GC and the number of live DJL
 * NDArrays; they must level off. Uses the shipped demo models when present, else seeded random
 * cnn-small models (5 teachers, 5-head student). Run with
 * {@code mvn -B -o test -Dgroups=benchmark -Dtessera.excludedGroups=none -Dtest=MemorySoakBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (system properties {@code bench.threads} (2), {@code bench.inspections} (200), {@code bench.width} (1600),
 * {@code bench.height} (1200)).
 */
@Tag("benchmark")
class MemorySoakBenchmark {

    @TempDir
    Path dir;

    @Test
    void twoHundredInspectionsInOneProcessLevelOff() throws Exception {
        int threads = Integer.getInteger("bench.threads", 2);
        int inspections = Integer.getInteger("bench.inspections", 200);
        int width = Integer.getInteger("bench.width", 1600);
        int height = Integer.getInteger("bench.height", 1200);
        OfflineEngine.configure();
        OfflineEngine.threads(threads);
        Path ensemble = Path.of("assets/models/ensemble");
        Path student = Path.of("assets/models/student");
        String models = "shipped demo models";
        if (!Files.isRegularFile(ensemble.resolve("ensemble.json")) || !Files.isRegularFile(student.resolve("model.json"))) {
            ensemble = InspectionTestModels.ensemble(dir.resolve("ensemble"), 5);
            student = InspectionTestModels.bundle(dir.resolve("student"), "student", 5, 9);
            models = "random cnn-small models (5 teachers, 5-head student)";
        }
        // A few different pictures, as an inspector sees different photographs.
        List<BufferedImage> pictures = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            pictures.add(InspectionTestModels.picture(width, height, 10 + k));
        }
        ImageMetadata meta = new ImageMetadata("png", width, height, 8, 1, null, null, null, null);
        System.out.printf(Locale.ROOT, "memory soak: %d inspections of %dx%d, %d threads, %s%n", inspections, width, height,
                threads, models);
        System.out.printf(Locale.ROOT, "%11s %10s %12s %13s %12s%n", "inspection", "RSS MB", "heap MB", "live NDArrays", "ms/inspection");
        List<long[]> samples = new ArrayList<>();
        try (Inspector inspector = Inspector.open(ensemble, student, InspectionSettings.defaults(), Device.cpu())) {
            long t0 = System.nanoTime();
            for (int i = 1; i <= inspections; i++) {
                InspectionResult r = inspector.inspect(Path.of("soak-" + i + ".png"), pictures.get(i % pictures.size()), meta, null, null);
                assertTrue(r.tiles() > 0);
                if (i % 20 == 0) {
                    long ms = (System.nanoTime() - t0) / 1_000_000 / 20;
                    t0 = System.nanoTime();
                    System.gc();
                    long rss = residentKb() / 1024;
                    long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
                    long arrays = liveNdArrays();
                    samples.add(new long[] {i, rss, heap, arrays});
                    System.out.printf(Locale.ROOT, "%11d %10d %12d %13d %12d%n", i, rss, heap, arrays, ms);
                }
            }
        }
        long[] early = samples.get(Math.min(1, samples.size() - 1));
        long[] last = samples.get(samples.size() - 1);
        System.out.printf(Locale.ROOT, "from inspection %d to %d: RSS %+d MB (%+.1f%%), live NDArrays %d -> %d%n",
                early[0], last[0], last[1] - early[1], 100.0 * (last[1] - early[1]) / early[1], early[3], last[3]);
        Path out = Path.of("target", "benchmarks", "memory-soak.csv");
        Files.createDirectories(out.getParent());
        StringBuilder csv = new StringBuilder("inspection,rss_mb,heap_mb,live_ndarrays\n");
        samples.forEach(s -> csv.append(s[0]).append(',').append(s[1]).append(',').append(s[2]).append(',').append(s[3]).append('\n'));
        Files.writeString(out, csv);
        assertTrue(last[3] <= early[3], "live NDArrays grew from " + early[3] + " to " + last[3] + ": a leak");
    }

    /** VmRSS of /proc/self/status in kB; -1 where there is no /proc. */
    private static long residentKb() throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
    }

    /** NDArrays attached anywhere under DJL's system manager: what is alive and not yet closed. */
    static long liveNdArrays() throws Exception {
        try (NDManager probe = Engine.getInstance().newBaseManager()) {
            return count(probe.getParentManager());
        }
    }

    private static long count(NDManager manager) throws Exception {
        if (!(manager instanceof BaseNDManager)) {
            return 0;
        }
        Field f = BaseNDManager.class.getDeclaredField("resources");
        f.setAccessible(true);
        @SuppressWarnings("unchecked")
        Map<String, AutoCloseable> resources = (Map<String, AutoCloseable>) f.get(manager);
        long n = 0;
        for (AutoCloseable r : List.copyOf(resources.values())) {
            if (r instanceof NDArray) {
                n++;
            } else if (r instanceof NDManager child) {
                n += count(child);
            }
        }
        return n;
    }
}
