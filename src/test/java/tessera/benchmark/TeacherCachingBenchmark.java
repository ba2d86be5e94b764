package tessera.benchmark;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tessera.distill.Distillation;
import tessera.ensemble.Ensemble;
import tessera.ensemble.EnsembleJob;
import tessera.ensemble.EnsembleSettings;
import tessera.experiment.Run;
import tessera.experiment.RunStore;
import tessera.study.StudyData;
import tessera.study.StudyPlan;
import tessera.train.CancellationToken;
import tessera.train.EpochSummary;
import tessera.train.TrainingJob;
import tessera.train.TrainingListener;
import tessera.train.TrainingResult;
import tessera.train.TrainingSettings;
import tessera.util.OfflineEngine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a unit test: the same distillation (mean-teacher, 3 cnn-medium teachers, a cnn-small student,
 * Fashion-MNIST draw) with the teachers' outputs cached once before training against the teachers
 * run on every batch, time per epoch and the ratio. The product recomputes teacher outputs only
 * when augmentation is on (an augmented batch is new every epoch), so the live variant runs with
 * augmentation; a labels-only pair with and without augmentation measures what augmentation alone
 * costs, so that it is not mistaken for teacher cost. Run with
 * {@code mvn -B -o test -Dgroups=benchmark -Dtessera.excludedGroups=none -Dtest=TeacherCachingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (system properties {@code bench.threads} (2), {@code bench.images} (3000), {@code bench.teachers} (3),
 * {@code bench.repeats} (2), {@code bench.dataset} (/usr/share/datasets/fashion-mnist)).
 */
@Tag("benchmark")
class TeacherCachingBenchmark {

    private static final Pattern CACHED = Pattern.compile("teacher outputs cached once for (\\d+) samples in ([0-9.]+) s");

    @Test
    void cachedTeacherOutputsAgainstRecomputingThem() throws Exception {
        int threads = Integer.getInteger("bench.threads", 2);
        int images = Integer.getInteger("bench.images", 3000);
        int teachers = Integer.getInteger("bench.teachers", 3);
        int repeats = Integer.getInteger("bench.repeats", 2);
        Path dataset = Path.of(System.getProperty("bench.dataset", "/usr/share/datasets/fashion-mnist"));
        Assumptions.assumeTrue(Files.isDirectory(dataset), dataset + " missing (Debian package dataset-fashion-mnist)");
        OfflineEngine.configure();
        OfflineEngine.threads(threads);

        Path work = Path.of("target", "benchmarks", "teacher-caching").toAbsolutePath();
        StudyPlan draw = StudyPlan.quick();
        draw.dataset = dataset.toAbsolutePath().toString();
        draw.trainLimit = images;
        String data = StudyData.prepare(draw, work).toString();
        RunStore store = new RunStore(work);
        Path ensembleDir = work.resolve("teachers-" + teachers);
        if (!Ensemble.isEnsemble(ensembleDir)) {
            EnsembleSettings e = new EnsembleSettings();
            e.base = base(data, "cnn-medium", threads);
            e.architectures = List.of("cnn-medium");
            e.members = teachers;
            e.out = ensembleDir.toString();
            Run run = EnsembleJob.create(store, e);
            EnsembleJob.run(store, run, e, k -> TrainingListener.NONE, new CancellationToken());
        }

        List<double[]> rows = new ArrayList<>();
        for (int r = 0; r < repeats; r++) {
            double[] cached = distil(store, data, ensembleDir, false, "mean-teacher", threads);
            double[] live = distil(store, data, ensembleDir, true, "mean-teacher", threads);
            double[] plain = distil(store, data, ensembleDir, false, "labels", threads);
            double[] augmented = distil(store, data, ensembleDir, true, "labels", threads);
            rows.add(new double[] {cached[0], cached[1], live[0], plain[0], augmented[0]});
            System.out.printf(Locale.ROOT, "[benchmark] repeat %d: cached %.2f s/epoch (+ %.2f s caching once), live %.2f s/epoch;"
                    + " labels only %.2f s/epoch, with augmentation %.2f s/epoch%n", r + 1, cached[0], cached[1], live[0], plain[0], augmented[0]);
        }
        double cachedEpoch = median(rows, 0);
        double cacheOnce = median(rows, 1);
        double liveEpoch = median(rows, 2);
        double plainEpoch = median(rows, 3);
        double augEpoch = median(rows, 4);
        int trainImages = (int) Math.round(images * 0.9);
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%nmean-teacher distillation, %d cnn-medium teachers -> cnn-small student, %d training images"
                + " (Fashion-MNIST draw), batch 64, %d threads; median of %d repeats%n", teachers, trainImages, threads, repeats));
        t.append(String.format(Locale.ROOT, "%-46s %10s%n", "variant", "s/epoch"));
        t.append(String.format(Locale.ROOT, "%-46s %10.2f   (+ %.2f s once, before the first epoch)%n", "cached teacher outputs", cachedEpoch, cacheOnce));
        t.append(String.format(Locale.ROOT, "%-46s %10.2f%n", "teachers recomputed on every batch", liveEpoch));
        t.append(String.format(Locale.ROOT, "%-46s %10.2fx%n", "ratio recomputed / cached (per epoch)", liveEpoch / cachedEpoch));
        t.append(String.format(Locale.ROOT, "%-46s %10.2fx%n", "ratio over 10 epochs incl. the caching", 10 * liveEpoch / (10 * cachedEpoch + cacheOnce)));
        t.append(String.format(Locale.ROOT, "%-46s %10.2f / %.2f (augmentation alone: %.2fx)%n", "labels only, without / with augmentation",
                plainEpoch, augEpoch, augEpoch / plainEpoch));
        System.out.println(t);

        Path out = Path.of("target", "benchmarks", "teacher-caching.json");
        Files.createDirectories(out.getParent());
        Files.writeString(out, String.format(Locale.ROOT, "{\"time\":\"%s\",\"teachers\":%d,\"train_images\":%d,\"threads\":%d,\"repeats\":%d,"
                        + "\"cached_s_per_epoch\":%.3f,\"cache_once_s\":%.3f,\"live_s_per_epoch\":%.3f,\"ratio\":%.4f,"
                        + "\"labels_s_per_epoch\":%.3f,\"labels_augmented_s_per_epoch\":%.3f}%n",
                Instant.now(), teachers, trainImages, threads, repeats, cachedEpoch, cacheOnce, liveEpoch, liveEpoch / cachedEpoch,
                plainEpoch, augEpoch), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("[benchmark] appended to " + out.toAbsolutePath());
    }

    private static TrainingSettings base(String data, String arch, int threads) {
        TrainingSettings s = new TrainingSettings();
        s.dataset = data;
        s.architecture = arch;
        s.epochs = 1;
        s.device = "cpu";
        s.threads = threads;
        return s;
    }

    /** {seconds of the epoch loop, seconds spent caching teacher outputs before it (0 when live or labels)}. */
    private static double[] distil(RunStore store, String data, Path teachers, boolean augment, String objective, int threads)
            throws Exception {
        TrainingSettings s = base(data, "cnn-small", threads);
        s.objective = objective;
        if (!objective.equals("labels")) {
            s.teachers = teachers.toString();
        }
        if (augment) {
            s.cropPadding = 2;
            s.horizontalFlip = true;
        }
        Run run = TrainingJob.create(store, "bench-" + objective + (augment ? "-augmented" : ""), s);
        double[] epoch = new double[1];
        TrainingListener listener = new TrainingListener() {
            @Override
            public void epochFinished(EpochSummary summary) {
                epoch[0] = summary.seconds();
            }
        };
        TrainingResult result = TrainingJob.run(run, s, Distillation.objectives(s), listener, new CancellationToken());
        if (result.cancelled()) {
            throw new IllegalStateException("benchmark run cancelled");
        }
        Matcher m = CACHED.matcher(Files.readString(run.logFile()));
        double caching = m.find() ? Double.parseDouble(m.group(2)) : 0;
        return new double[] {epoch[0], caching};
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
