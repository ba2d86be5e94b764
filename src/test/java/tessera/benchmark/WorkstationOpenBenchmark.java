package tessera.benchmark;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tessera.app.DemoAssets;
import tessera.app.FxThread;
import tessera.app.WorkstationOptions;
import tessera.app.WorkstationShell;
import tessera.app.inspect.Inspection;
import tessera.app.inspect.InspectViewModel;
import tessera.app.inspect.MapRasters;
import tessera.inspect.InspectionResult;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The workstation, end to end: the time from opening a 12-megapixel photograph to the student's
 * corrosion map on screen, beside its peer measured in the same opening, the teachers' maps on screen
 * (what an inspector would wait for without a distilled student). The real window and view models
 * (WorkstationShell) with the shipped demo models; an opening counts as "on screen" at the first scene
 * pulse after the view model published the picture or the map, when the layer's image is in the scene
 * graph that the pulse then renders. Each round opens a photograph other than the one shown (the sample
 * and a mirrored copy in turn), as an inspector stepping through pictures; the first opening also loads
 * the models and is reported apart.
 * <p>
 * Run in a real window under Xvfb with {@code benchmarks/workstation-open.sh}, or headless (Monocle)
 * as a JUnit test of the group "benchmark":
 * {@code mvn -B -o test -Dgroups=benchmark -Dtessera.excludedGroups=none -Dtest=WorkstationOpenBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. System properties: {@code bench.threads} (2),
 * {@code bench.rounds} (4), {@code bench.image} (the 4000 × 3000 sample).
 */
@Tag("benchmark")
class WorkstationOpenBenchmark {

    private static final Path SAMPLE = Path.of("assets/samples/fuselage-04-large-4000x3000.jpg");

    public static void main(String[] args) throws Exception {
        try {
            run();
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    @Test
    void openingATwelveMegapixelPhotographShowsTheStudentsMapFirst() throws Exception {
        Report report = run();
        assertTrue(report.studentMedian() < report.ensembleMedian(), "the student's map came after the teachers' maps");
    }

    /** Times of one opening, in ms from the call to open(), each taken at a scene pulse. */
    record Opening(Path file, long photo, long studentMap, long ensembleMaps, long studentMillis, long ensembleMillis) {
        double ratio() {
            return (double) ensembleMaps / Math.max(1, studentMap);
        }
    }

    record Report(List<Opening> rounds) {
        long studentMedian() {
            return median(rounds.stream().mapToLong(Opening::studentMap).toArray());
        }

        long ensembleMedian() {
            return median(rounds.stream().mapToLong(Opening::ensembleMaps).toArray());
        }
    }

    static Report run() throws Exception {
        int threads = Integer.getInteger("bench.threads", 2);
        int rounds = Integer.getInteger("bench.rounds", 4);
        Path image = Path.of(System.getProperty("bench.image", SAMPLE.toString()));
        DemoAssets demo = DemoAssets.find();
        if (demo.ensemble().isEmpty() || demo.student().isEmpty()) {
            throw new IllegalStateException("the demo models are not in assets/models: nothing to open the photograph with");
        }
        Path dir = Files.createTempDirectory("tessera-open-bench");
        Path mirrored = dir.resolve("mirrored-" + image.getFileName().toString().replaceAll("\\.[^.]+$", "") + ".jpg");
        BufferedImage picture = ImageIO.read(image.toFile());
        BufferedImage flipped = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flipped.createGraphics();
        g.drawImage(picture, picture.getWidth(), 0, -picture.getWidth(), picture.getHeight(), null);
        g.dispose();
        ImageIO.write(flipped, "jpg", mirrored.toFile());

        startToolkit();
        WorkstationShell shell = onFx(() -> {
            WorkstationShell s = WorkstationShell.open(new Stage(),
                    new WorkstationOptions(Optional.of(dir.resolve("workspace")), threads, "cpu"));
            s.inspectModel().useDemoModels(demo);
            return s;
        });
        InspectViewModel model = shell.inspectModel();
        Scene scene = shell.stage().getScene();
        PulseClock clock = onFx(() -> PulseClock.on(scene, model));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "workstation open benchmark: %s (%d×%d), demo models (%s), %d threads, %s, %d cores,"
                        + " load average %.1f at start%n", image.getFileName(), picture.getWidth(), picture.getHeight(),
                describe(demo), threads, System.getProperty("glass.platform", "desktop window"),
                Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        try {
            Opening first = clock.open(image);
            out.append(line("first opening (loads the models)", first));
            List<Opening> timed = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                Opening o = clock.open(r % 2 == 0 ? mirrored : image);
                timed.add(o);
                out.append(line("round " + (r + 1), o));
            }
            Report report = new Report(timed);
            long student = report.studentMedian();
            long ensemble = report.ensembleMedian();
            out.append(String.format(Locale.ROOT, "median of %d rounds: photograph %,d ms, student map on screen %,d ms, "
                            + "teachers' maps on screen %,d ms; the student's map comes %.2f× sooner (%d teachers); target < 3,000 ms: %s%n",
                    rounds, median(timed.stream().mapToLong(Opening::photo).toArray()), student, ensemble,
                    (double) ensemble / Math.max(1, student), clock.teachers(), student < 3000 ? "met" : "not met"));
            out.append(String.format(Locale.ROOT, "load average at end %.1f%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            System.out.print(out);
            Path file = Path.of("target", "workstation-open-benchmark.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString());
            return report;
        } finally {
            onFx(() -> {
                shell.stage().close();
                shell.close();
                return null;
            });
        }
    }

    private static String describe(DemoAssets demo) {
        return demo.ensemble().get().getFileName() + " + " + demo.student().get().getFileName();
    }

    private static String line(String what, Opening o) {
        return String.format(Locale.ROOT, "%-34s photograph %,6d ms · student map on screen %,6d ms (student inference %,d ms)"
                        + " · teachers' maps on screen %,6d ms (ensemble inference %,d ms) · %.2f×  [%s]%n", what, o.photo(),
                o.studentMap(), o.studentMillis(), o.ensembleMaps(), o.ensembleMillis(), o.ratio(), o.file().getFileName());
    }

    /**
     * Watches the view model and stamps, at the first scene pulse after each change, when the opened
     * picture, the student's map and the teachers' maps reached the scene.
     */
    private static final class PulseClock {
        private final InspectViewModel model;
        private Path file;
        private long start;
        private boolean photoPending;
        private boolean studentPending;
        private boolean ensemblePending;
        private long photo;
        private long student;
        private long ensemble;
        private int teachers;

        private PulseClock(InspectViewModel model) {
            this.model = model;
        }

        static PulseClock on(Scene scene, InspectViewModel model) {
            PulseClock c = new PulseClock(model);
            model.inspectionProperty().addListener((o, was, now) -> {
                if (now != null && now.image().file().equals(c.file) && c.photo == 0) {
                    c.photoPending = true;
                    Platform.requestNextPulse();
                }
            });
            model.rastersProperty().addListener((o, was, now) -> c.rasters(now));
            scene.addPostLayoutPulseListener(c::pulse);
            return c;
        }

        private void rasters(MapRasters now) {
            Inspection shown = model.inspectionProperty().get();
            if (now == null || shown == null || !shown.image().file().equals(file)) {
                return;
            }
            if (now.student() != null && student == 0) {
                studentPending = true;
            }
            if (now.ensemble() != null && ensemble == 0) {
                ensemblePending = true;
            }
            Platform.requestNextPulse();
        }

        private void pulse() {
            long t = (System.nanoTime() - start) / 1_000_000;
            if (photoPending) {
                photo = t;
                photoPending = false;
            }
            if (studentPending) {
                student = t;
                studentPending = false;
            }
            if (ensemblePending) {
                ensemble = t;
                ensemblePending = false;
            }
        }

        int teachers() {
            return teachers;
        }

        /** Opens one photograph and waits until the teachers' maps and the findings are on screen. */
        Opening open(Path next) throws Exception {
            onFx(() -> {
                file = next;
                photo = 0;
                student = 0;
                ensemble = 0;
                start = System.nanoTime();
                model.open(List.of(next));
                return null;
            });
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (!onFx(() -> ensemble > 0 && !model.busyProperty().get())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("no maps for " + next + " after 10 minutes: " + onFx(() ->
                            model.messageProperty().get()));
                }
                Thread.sleep(20);
            }
            return onFx(() -> {
                InspectionResult r = model.inspectionProperty().get().result().orElseThrow();
                teachers = r.teacherCount();
                return new Opening(next, photo, student, ensemble, r.studentMillis(), r.ensembleMillis());
            });
        }
    }

    private static void startToolkit() throws InterruptedException {
        CompletableFuture<Void> started = new CompletableFuture<>();
        try {
            Platform.startup(() -> started.complete(null));
        } catch (IllegalStateException alreadyRunning) {
            started.complete(null);
        }
        Platform.setImplicitExit(false);
        started.join();
    }

    private static <T> T onFx(Callable<T> call) throws Exception {
        return FxThread.call(call);
    }

    static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length == 0 ? 0 : v[v.length / 2];
    }
}
