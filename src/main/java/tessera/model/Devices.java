package tessera.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import tessera.util.TesseraException;

/** Chooses the compute device from the user's {@code --device cpu|gpu|auto}. */
public final class Devices {

    private Devices() {
    }

    public static Device resolve(String spec) {
        String s = spec == null ? "auto" : spec.trim().toLowerCase(java.util.Locale.ROOT);
        int gpus = Engine.getInstance().getGpuCount();
        switch (s) {
            case "cpu":
                return Device.cpu();
            case "gpu":
                if (gpus == 0) {
                    throw new TesseraException("--device gpu: no CUDA GPU found by " + engineDescription()
                            + " (the CPU build of libtorch is in use; see README, 'GPU')");
                }
                return Device.gpu();
            case "auto":
                return gpus > 0 ? Device.gpu() : Device.cpu();
            default:
                throw new TesseraException("unknown --device '" + spec + "' (use cpu, gpu or auto)");
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
        return "cpu (" + n + " threads)";
    }
}
