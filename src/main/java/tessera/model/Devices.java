package tessera.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import tessera.util.TesseraException;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Chooses the compute device from the user's {@code --device cpu|gpu|auto}. The GPUs are probed once
 * per process: a CUDA GPU counts only when the loaded libtorch is a CUDA build, since the CPU build
 * cannot use one (and DJL's own probe warns about the driver on every call).
 */
public final class Devices {

    /** How many GPUs this process can compute on, and why none when none. */
    public record Gpus(int count, String whyNone) {
    }

    private static Gpus gpus;

    private Devices() {
    }

    public static Device resolve(String spec) {
        String s = spec == null ? "auto" : spec.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (gpus().count() == 0) {
                    throw new TesseraException("--device gpu: " + gpus().whyNone() + " (" + engineDescription()
                            + "; see README, 'GPU')");
                }
                return Device.gpu();
            case "auto":
                return gpus().count() > 0 ? Device.gpu() : Device.cpu();
            default:
                throw new TesseraException("unknown --device '" + spec + "' (use cpu, gpu or auto)");
        }
    }

    /** The GPUs usable by the engine, probed on first call. */
    public static synchronized Gpus gpus() {
        if (gpus == null) {
            gpus = probe();
        }
        return gpus;
    }

    private static Gpus probe() {
        Engine engine = Engine.getInstance();
        if ("PyTorch".equals(engine.getEngineName()) && cpuBuildOfLibTorch()) {
            return new Gpus(0, "no CUDA GPU: the CPU build of libtorch is loaded");
        }
        int count = engine.getGpuCount();
        return new Gpus(count, count > 0 ? null : "no CUDA GPU found");
    }

    /** DJL unpacks libtorch into a folder named {@code <version>-<flavour>-<platform>}, e.g. 2.7.1-20250812-cpu-linux-x86_64. */
    private static boolean cpuBuildOfLibTorch() {
        try {
            Path dir = Path.of(LibUtils.getLibtorchPath()).getFileName();
            return dir != null && dir.toString().contains("-cpu-");
        } catch (RuntimeException | LinkageError e) {
            return false; // an overridden library location: let the engine count the GPUs
        }
    }

    public static String engineDescription() {
        Engine engine = Engine.getInstance();
        return engine.getEngineName() + " " + engine.getVersion();
    }

    /** "cpu (2 threads)" or "gpu(0)": what the status bar and run.json show. */
    public static String describe(Device device) {
        if (device.isGpu()) {
            return device.toString();
        }
        String threads = System.getProperty("ai.djl.pytorch.num_threads");
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
        return "cpu (" + n + (n == 1 ? " thread)" : " threads)");
    }

    /** The one line a command prints at start: "device: cpu (2 threads; no CUDA GPU found)". */
    public static String announce(Device device) {
        if (device.isGpu()) {
            return "device: " + describe(device);
        }
        String d = describe(device);
        String why = gpus().count() > 0 ? gpus().count() + " GPU(s) left unused by choice" : gpus().whyNone();
        return "device: " + d.substring(0, d.length() - 1) + "; " + why + ")";
    }
}
