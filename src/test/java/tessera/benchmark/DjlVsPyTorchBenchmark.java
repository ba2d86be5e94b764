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
 * {@code mvn -B -o test -Dgroups=benchmark -Dtessera.excludedGroups=none -Dtest=DjlVsPyTorchBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (system properties {@code bench.threads} (2), {@code bench.blocks} (12), {@code bench.trainSteps} (5 per block),
 * {@code bench.inferBatches} (8 per block), {@code bench.warmup} (10); environment {@code TESSERA_PYTHON}).
 *
 * <p>On a machine shared with other work, load comes and goes within seconds, so one long run per
 * framework compares two different machines. The PyTorch peer therefore stays up as a server
 * ({@code --serve}) and the two frameworks run short blocks in turn (DJL, PyTorch, PyTorch, DJL, …,
 * a short pause between blocks so that neither inherits the other's spinning threads); the ratio
 * reported is the median of the per-pair ratios, beside each framework's median block throughput.
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
    private static final long PAUSE_MS = 300;

    @Test
    void djlAgainstPyTorchEager() throws Exception {
        int threads = Integer.getInteger("bench.threads", 2);
        int blocks = Integer.getInteger("bench.blocks", 12);
        int trainSteps = Integer.getInteger("bench.trainSteps", 5);
        int inferBatches = Integer.getInteger("bench.inferBatches", 8);
        int warmup = Integer.getInteger("bench.warmup", 10);

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

        double[][] djl = new double[2][blocks];
        double[][] torch = new double[2][blocks];
        String torchVersion;
        try (DjlRunner runner = new DjlRunner(warmup); PyTorchPeer peer = new PyTorchPeer(python, script, threads, warmup)) {
            torchVersion = peer.version;
            for (int op = 0; op < 2; op++) {
                String name = op == 0 ? "train" : "infer";
                int n = op == 0 ? trainSteps : inferBatches;
                for (int b = 0; b < blocks; b++) {
                    // Alternate who goes first, so that neither always meets the same moment of load.
                    boolean djlFirst = b % 2 == 0;
                    for (int k = 0; k < 2; k++) {
                        Thread.sleep(PAUSE_MS);
                        if ((k == 0) == djlFirst) {
                            djl[op][b] = op == 0 ? runner.trainBlock(n) : runner.inferBlock(n);
                        } else {
                            torch[op][b] = peer.block(name, n);
                        }
                    }
                    System.out.printf(Locale.ROOT, "[benchmark] %s block %2d: DJL %8.1f img/s  PyTorch %8.1f img/s  ratio %.2f%n",
                            name, b + 1, djl[op][b], torch[op][b], djl[op][b] / torch[op][b]);
                }
            }
        }
        double djlTrain = median(djl[0]);
        double djlInfer = median(djl[1]);
        double ptTrain = median(torch[0]);
        double ptInfer = median(torch[1]);
        double trainRatio = median(ratios(djl[0], torch[0]));
        double inferRatio = median(ratios(djl[1], torch[1]));
        String djlVersion = Engine.getDjlVersion() + " / libtorch " + Engine.getEngine("PyTorch").getVersion();

        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%ncnn-medium, batch %d, 3x32x32, %d classes; %d interleaved blocks of %d training steps"
                + " and of %d inference batches after %d warm-up; medians%n", BATCH, CLASSES, blocks, trainSteps, inferBatches, warmup));
        t.append(String.format(Locale.ROOT, "%-34s %7s %14s %14s%n", "framework", "threads", "train img/s", "infer img/s"));
        t.append(String.format(Locale.ROOT, "%-34s %7d %14.1f %14.1f%n", "DJL " + djlVersion, threads, djlTrain, djlInfer));
        t.append(String.format(Locale.ROOT, "%-34s %7d %14.1f %14.1f%n", "PyTorch eager " + torchVersion, threads, ptTrain, ptInfer));
        t.append(String.format(Locale.ROOT, "%-34s %7s %13.2fx %13.2fx   (median of paired blocks; target >= 0.90x)%n",
                "ratio DJL/PyTorch", "", trainRatio, inferRatio));
        System.out.println(t);

        Path out = Path.of("target", "benchmarks", "djl-vs-pytorch.json");
        Files.createDirectories(out.getParent());
        String line = String.format(Locale.ROOT, "{\"time\":\"%s\",\"network\":\"cnn-medium\",\"batch\":%d,\"threads\":%d,"
                        + "\"blocks\":%d,\"train_steps_per_block\":%d,\"infer_batches_per_block\":%d,\"djl_version\":\"%s\",\"pytorch_version\":\"%s\","
                        + "\"djl_train_images_per_s\":%.2f,\"djl_infer_images_per_s\":%.2f,"
                        + "\"pytorch_train_images_per_s\":%.2f,\"pytorch_infer_images_per_s\":%.2f,"
                        + "\"train_ratio\":%.4f,\"infer_ratio\":%.4f}%n",
                Instant.now(), BATCH, threads, blocks, trainSteps, inferBatches, djlVersion, torchVersion,
                djlTrain, djlInfer, ptTrain, ptInfer, trainRatio, inferRatio);
        Files.writeString(out, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("[benchmark] appended to " + out.toAbsolutePath());
    }

    /** The PyTorch reference as a server: one timed block per request. */
    private static final class PyTorchPeer implements AutoCloseable {
        private final Process process;
        private final BufferedReader in;
        private final java.io.PrintWriter out;
        private final StringBuilder transcript = new StringBuilder();
        final String version;

        PyTorchPeer(String python, Path script, int threads, int warmup) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(python, script.toString(), "--serve", "--threads", Integer.toString(threads),
                    "--warmup", Integer.toString(warmup));
            pb.redirectErrorStream(true);
            // Let torch.set_num_threads decide, not an inherited OMP/MKL setting.
            pb.environment().remove("OMP_NUM_THREADS");
            pb.environment().remove("MKL_NUM_THREADS");
            process = pb.start();
            in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            out = new java.io.PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            version = string(reply("\"ready\""), "version");
        }

        double block(String op, int n) throws IOException {
            out.println(op + " " + n);
            return number(reply("\"op\""), "images_per_s");
        }

        private String reply(String marker) throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                transcript.append(line).append('\n');
                if (line.startsWith("{") && line.contains(marker)) {
                    return line;
                }
            }
            throw new IllegalStateException("the PyTorch reference stopped:\n" + transcript);
        }

        @Override
        public void close() throws InterruptedException {
            out.println("quit");
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
            }
        }
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
        private boolean warm;
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

        /** Training images per second over {@code steps} steps (warmed up on first use). */
        double trainBlock(int steps) {
            warmUp();
            long t0 = System.nanoTime();
            for (int i = 0; i < steps; i++) {
                trainStep();
            }
            return steps * (double) BATCH / ((System.nanoTime() - t0) / 1e9);
        }

        /** Inference images per second over about {@code batches} batches (the set holds 4). */
        double inferBlock(int batches) {
            warmUp();
            int rounds = Math.max(1, batches / 4);
            long t0 = System.nanoTime();
            infer(rounds);
            return rounds * 4.0 * BATCH / ((System.nanoTime() - t0) / 1e9);
        }

        private void warmUp() {
            if (!warm) {
                for (int i = 0; i < warmup; i++) {
                    trainStep();
                }
                infer(Math.max(1, warmup / 4));
                warm = true;
            }
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

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double[] ratios(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] / b[i];
        }
        return r;
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
