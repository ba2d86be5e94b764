package tessera.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.cuda.CudaUtils;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the deep-learning engine really runs on, read from the engine and the process rather than
 * from configuration, and a short inference that proves it computes: the base of {@code tessera doctor}.
 */
public final class EngineCheck {

    private EngineCheck() {
    }

    /** The engine's facts in display order: name, version, native library, flavour, GPUs, threads, cache. */
    public static Map<String, String> facts() {
        Map<String, String> facts = new LinkedHashMap<>();
        Engine engine = Engine.getInstance();
        facts.put("engine", engine.getEngineName() + " " + engine.getVersion());
        Optional<Path> lib = loadedLibTorch();
        facts.put("libtorch", lib.map(Path::toString).orElse("(not visible in this process' memory map)"));
        facts.put("libtorch build", lib.map(EngineCheck::flavour).orElse("unknown"));
        int gpus = engine.getGpuCount();
        facts.put("CUDA", CudaUtils.hasCuda() ? "CUDA runtime " + CudaUtils.getCudaVersionString() : "no CUDA runtime found");
        facts.put("GPUs", gpus == 0 ? "none visible to the engine" : gpuList(gpus));
        String threads = System.getProperty("ai.djl.pytorch.num_threads");
        facts.put("threads", (threads == null ? Runtime.getRuntime().availableProcessors() + " (all cores)" : threads)
                + ", inter-op " + System.getProperty("ai.djl.pytorch.num_interop_threads", "default"));
        facts.put("engine cache", System.getProperty("DJL_CACHE_DIR", "(DJL default)"));
        facts.put("offline", "ai.djl.offline=" + System.getProperty("ai.djl.offline")
                + ", OPT_OUT_TRACKING=" + System.getProperty("OPT_OUT_TRACKING", System.getenv("OPT_OUT_TRACKING")));
        return facts;
    }

    private static String gpuList(int gpus) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < gpus; i++) {
            Device d = Device.gpu(i);
            s.append(i == 0 ? "" : "; ").append(d);
            try {
                s.append(" ").append(CudaUtils.getComputeCapability(i))
                        .append(String.format(" %.1f GiB", CudaUtils.getGpuMemory(d).getMax() / 1073741824.0));
            } catch (RuntimeException e) {
                s.append(" (details unavailable: ").append(e.getMessage()).append(')');
            }
        }
        return s.toString();
    }

    /** The libtorch file the process has mapped (Linux); the one truly in use, whatever was configured. */
    static Optional<Path> loadedLibTorch() {
        Path maps = Path.of("/proc/self/maps");
        if (!Files.isReadable(maps)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(maps);
            Optional<Path> cuda = mapped(lines, "libtorch_cuda.so");
            return cuda.isPresent() ? cuda : mapped(lines, "libtorch_cpu.so");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> mapped(List<String> lines, String file) {
        return lines.stream().map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .filter(p -> p.endsWith("/" + file)).findFirst().map(Path::of);
    }

    private static String flavour(Path lib) {
        return lib.getFileName().toString().startsWith("libtorch_cuda") ? "CUDA" : "CPU";
    }

    /** The outcome of the proof inference. */
    public record Probe(Device device, int batch, double msPerBatch, float[] firstLogits) {
    }

    /**
     * Builds the small student CNN with seeded random weights on the device and runs a batch through
     * it a few times; refuses a result that is not finite, so a broken native library cannot pass.
     */
    public static Probe inference(Device device) {
        Engine.getInstance().setRandomSeed(7);
        int batch = 16;
        NetworkSpec spec = new NetworkSpec("cnn-small", Map.of(), new int[] {3, 32, 32}, 2, 1);
        try (Model model = Model.newInstance("doctor", device)) {
            Block network = Architectures.network(spec);
            model.setBlock(network);
            NDManager manager = model.getNDManager();
            Shape shape = new Shape(batch, 3, 32, 32);
            network.initialize(manager, DataType.FLOAT32, shape);
            double best = Double.MAX_VALUE;
            float[] logits = null;
            for (int pass = 0; pass < 5; pass++) {
                try (NDManager step = manager.newSubManager()) {
                    NDArray x = step.randomUniform(0f, 1f, shape);
                    long t0 = System.nanoTime();
                    NDList out = network.forward(new ParameterStore(step, false), new NDList(x), false);
                    logits = out.singletonOrThrow().toFloatArray();
                    best = Math.min(best, (System.nanoTime() - t0) / 1e6);
                }
            }
            for (float v : logits) {
                if (!Float.isFinite(v)) {
                    throw new TesseraException("the engine computed a non-finite value on " + device
                            + ": the native library is broken");
                }
            }
            return new Probe(device, batch, best, java.util.Arrays.copyOf(logits, 2));
        }
    }
}
