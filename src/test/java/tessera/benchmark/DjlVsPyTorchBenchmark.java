package tessera.benchmark;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tessera.data.ImageSet;
import tessera.data.Normalization;
import tessera.model.Architectures;
import tessera.model.BatchInference;
import tessera.model.NetworkSpec;
import tessera.train.LabelObjective;
import tessera.train.Losses;
import tessera.train.Objective;
import tessera.util.OfflineEngine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Not a unit test: DJL training and inference throughput of {@code cnn-medium} (batch 64, 3×32×32,
 * 10 classes) beside the identical network in PyTorch eager ({@code benchmarks/pytorch_reference.py}),
 * at the same thread count, and the ratio. Run with
 * {@code mvn -B -o test -Dgroups=benchmark -Dtest=DjlVsPyTorchBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (system properties {@code bench.threads} (2), {@code bench.trainSteps} (60), {@code bench.inferBatches} (100),
 * {@code bench.warmup} (10), {@code bench.repeats} (3); environment {@code TESSERA_PYTHON}).
 *
 * <p>The two frameworks are measured interleaved (DJL, PyTorch, DJL, PyTorch, …) and the median of the
 * repeats is reported, so that a burst of load from elsewhere on the machine hits both alike.
 *
 * <p>Training replicates {@code ModelTrainer.step} line for line (it is private): a batch sub-manager,
 * the float[] copied into an NDArray, {@code trainer.forward}, the product's {@link LabelObjective}
 * (i.e. {@link Losses#crossEntropy}), {@code GradientCollector.backward}, the loss and the number of
 * correct predictions read back, {@code trainer.step()} with Adam. Inference is the product's own
 * {@link BatchInference#logits} over a synthetic image set, batch 64 (so it includes the Java side
 * normalisation of the uint8 pixels into the float[] batch, as the product does).
 */
@Tag("benchmark")
class DjlVsPyTorchBenchmark {

    private static final int BATCH = 64;
    private static final int CLASSES = 10;
    private static final int[] INPUT = {3, 32, 32};

    @Test
    void djlAgainstPyTorchEager() throws Exception {
        int threads = Integer.getInteger("bench.threads", 2);
        int trainSteps = Integer.getInteger("bench.trainSteps", 60);
        int inferBatches = Integer.getInteger("bench.inferBatches", 100);
        int warmup = Integer.getInteger("bench.warmup", 10);
        int repeats = Integer.getInteger("bench.repeats", 3);

        String python = findPython();
        if (python == null) {
            System.out.println("[benchmark] PyTorch peer missing: no python with torch (set TESSERA_PYTHON); skipped");
        }
        Assumptions.assumeTrue(python != null, "no python with torch found (TESSERA_PYTHON, /usr/bin/python3, python3)");
        Path script = Path.of("benchmarks", "pytorch_reference.py").toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(script), script + " missing");

        // Both before the first DJL class touches the engine.
        OfflineEngine.configure();
        OfflineEngine.threads(threads);

        List<double[]> djl = new ArrayList<>();
        List<double[]> torch = new ArrayList<>();
        String torchVersion = "?";
        try (DjlRunner runner = new DjlRunner(warmup)) {
            for (int r = 0; r < repeats; r++) {
                double[] d = runner.measure(trainSteps, inferBatches);
                djl.add(d);
                System.out.printf(Locale.ROOT, "[benchmark] repeat %d DJL      train %8.1f img/s  infer %8.1f img/s%n", r + 1, d[0], d[1]);
                String json = runPython(python, script, threads, trainSteps, inferBatches, warmup);
                double[] p = {number(json, "train_images_per_s"), number(json, "infer_images_per_s")};
                torchVersion = string(json, "version");
                torch.add(p);
                System.out.printf(Locale.ROOT, "[benchmark] repeat %d PyTorch  train %8.1f img/s  infer %8.1f img/s%n", r + 1, p[0], p[1]);
            }
        }
        double djlTrain = median(djl, 0);
        double djlInfer = median(djl, 1);
        double ptTrain = median(torch, 0);
        double ptInfer = median(torch, 1);
        String djlVersion = Engine.getDjlVersion() + " / libtorch " + Engine.getEngine("PyTorch").getVersion();

        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%ncnn-medium, batch %d, 3x32x32, %d classes; %d timed training steps, %d inference batches"
                + " after %d warm-up; median of %d interleaved repeats%n", BATCH, CLASSES, trainSteps, inferBatches, warmup, repeats));
        t.append(String.format(Locale.ROOT, "%-34s %7s %14s %14s%n", "framework", "threads", "train img/s", "infer img/s"));
        t.append(String.format(Locale.ROOT, "%-34s %7d %14.1f %14.1f%n", "DJL " + djlVersion, threads, djlTrain, djlInfer));
        t.append(String.format(Locale.ROOT, "%-34s %7d %14.1f %14.1f%n", "PyTorch eager " + torchVersion, threads, ptTrain, ptInfer));
        t.append(String.format(Locale.ROOT, "%-34s %7s %13.2fx %13.2fx   (target >= 0.90x)%n", "ratio DJL/PyTorch", "",
                djlTrain / ptTrain, djlInfer / ptInfer));
        System.out.println(t);

        Path out = Path.of("target", "benchmarks", "djl-vs-pytorch.json");
        Files.createDirectories(out.getParent());
        String line = String.format(Locale.ROOT, "{\"time\":\"%s\",\"network\":\"cnn-medium\",\"batch\":%d,\"threads\":%d,"
                        + "\"train_steps\":%d,\"infer_batches\":%d,\"repeats\":%d,\"djl_version\":\"%s\",\"pytorch_version\":\"%s\","
                        + "\"djl_train_images_per_s\":%.2f,\"djl_infer_images_per_s\":%.2f,"
                        + "\"pytorch_train_images_per_s\":%.2f,\"pytorch_infer_images_per_s\":%.2f,"
                        + "\"train_ratio\":%.4f,\"infer_ratio\":%.4f}%n",
                Instant.now(), BATCH, threads, trainSteps, inferBatches, repeats, djlVersion, torchVersion,
                djlTrain, djlInfer, ptTrain, ptInfer, djlTrain / ptTrain, djlInfer / ptInfer);
        Files.writeString(out, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("[benchmark] appended to " + out.toAbsolutePath());
    }

    /** One DJL model and trainer, warmed up once, measured once per repeat. */
    private static final class DjlRunner implements AutoCloseable {
        private final Model model;
        private final Trainer trainer;
        private final Block network;
        private final NetworkSpec spec = new NetworkSpec("cnn-medium", Map.of(), INPUT, CLASSES, 1);
        private final Objective objective = new LabelObjective();
        private final float[][] batches = new float[4][];
        private final int[][] labels = new int[4][];
        private final ImageSet inferSet;
        private final Normalization norm;
        private final int warmup;
        private int step;

        DjlRunner(int warmup) {
            this.warmup = warmup;
            Engine.getInstance().setRandomSeed(1);
            Random random = new Random(1);
            int sample = INPUT[0] * INPUT[1] * INPUT[2];
            for (int i = 0; i < batches.length; i++) {
                batches[i] = new float[BATCH * sample];
                for (int k = 0; k < batches[i].length; k++) {
                    batches[i][k] = (float) random.nextGaussian();
                }
                labels[i] = random.ints(BATCH, 0, CLASSES).toArray();
            }
            byte[] pixels = new byte[4 * BATCH * sample];
            random.nextBytes(pixels);
            List<String> names = new ArrayList<>();
            for (int c = 0; c < CLASSES; c++) {
                names.add("c" + c);
            }
            inferSet = new ImageSet(INPUT[0], INPUT[1], INPUT[2], pixels, random.ints(4 * BATCH, 0, CLASSES).toArray(), names);
            norm = Normalization.fit(inferSet);

            // As ModelTrainer.train: Xavier initialisation, softmax CE config, Adam (lr 1e-3, no weight decay here).
            model = Model.newInstance("bench", Device.cpu());
            network = Architectures.network(spec);
            network.setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                    XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT);
            model.setBlock(network);
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build())
                    .optDevices(new Device[] {Device.cpu()});
            trainer = model.newTrainer(config);
            trainer.initialize(new Shape(BATCH, INPUT[0], INPUT[1], INPUT[2]));
        }

        /** {train images/s, inference images/s}. */
        double[] measure(int trainSteps, int inferBatches) {
            for (int i = 0; i < warmup; i++) {
                trainStep();
            }
            long t0 = System.nanoTime();
            for (int i = 0; i < trainSteps; i++) {
                trainStep();
            }
            double train = trainSteps * (double) BATCH / ((System.nanoTime() - t0) / 1e9);

            // BatchInference.logits runs the whole set; the set holds 4 batches, so loop over it.
            int rounds = Math.max(1, inferBatches / 4);
            infer(Math.max(1, warmup / 4));
            t0 = System.nanoTime();
            infer(rounds);
            double infer = rounds * 4.0 * BATCH / ((System.nanoTime() - t0) / 1e9);
            return new double[] {train, infer};
        }

        private void infer(int rounds) {
            for (int r = 0; r < rounds; r++) {
                BatchInference.logits(network, model.getNDManager(), inferSet, norm, 1, CLASSES, BATCH);
            }
        }

        /** ModelTrainer.step, replicated (it is private there). */
        private double[] trainStep() {
            int b = step++ % batches.length;
            float[] buffer = batches[b];
            int[] y0 = labels[b];
            int n = y0.length;
            int[] s = spec.inputShape();
            try (NDManager batch = model.getNDManager().newSubManager()) {
                float[] data = n * s[0] * s[1] * s[2] == buffer.length ? buffer : Arrays.copyOf(buffer, n * s[0] * s[1] * s[2]);
                NDArray x = batch.create(data, new Shape(n, s[0], s[1], s[2]));
                NDArray y = batch.create(y0);
                double loss;
                long correct;
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDList heads = trainer.forward(new NDList(x));
                    NDArray value = objective.loss(heads, x, y, null);
                    collector.backward(value);
                    loss = value.getFloat();
                    NDArray predicted = Losses.meanOfHeads(heads).argMax(1).toType(DataType.INT32, false);
                    correct = predicted.eq(y.toType(DataType.INT32, false)).sum().getLong();
                }
                trainer.step();
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("diverged: loss " + loss);
                }
                return new double[] {loss, correct};
            }
        }

        @Override
        public void close() {
            trainer.close();
            model.close();
        }
    }

    private static String runPython(String python, Path script, int threads, int steps, int batches, int warmup)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(python, script.toString(), "--threads", Integer.toString(threads),
                "--train-steps", Integer.toString(steps), "--infer-batches", Integer.toString(batches),
                "--warmup", Integer.toString(warmup));
        pb.redirectErrorStream(true);
        // Let torch.set_num_threads decide, not an inherited OMP/MKL setting.
        pb.environment().remove("OMP_NUM_THREADS");
        pb.environment().remove("MKL_NUM_THREADS");
        Process p = pb.start();
        StringBuilder all = new StringBuilder();
        String json = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                all.append(line).append('\n');
                if (line.startsWith("{\"framework\"")) {
                    json = line;
                }
            }
        }
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || json == null) {
            throw new IllegalStateException(python + " " + script + " failed:\n" + all);
        }
        return json;
    }

    /** TESSERA_PYTHON, else /usr/bin/python3 if it has torch, else python3 if it has torch; null when none. */
    static String findPython() {
        String env = System.getenv("TESSERA_PYTHON");
        List<String> candidates = env != null && !env.isBlank() ? List.of(env) : List.of("/usr/bin/python3", "python3");
        for (String c : candidates) {
            if (hasTorch(c)) {
                return c;
            }
        }
        return null;
    }

    private static boolean hasTorch(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*([-0-9.eE+]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String string(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
