package tessera.cli;

import ai.djl.Device;
import ai.djl.engine.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import tessera.model.Devices;
import tessera.model.EngineCheck;
import tessera.util.OfflineEngine;
import tessera.util.Versions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tessera doctor}: what this workstation computes with (engine, libtorch build, devices,
 * threads, folders) and a short inference on the chosen device that proves the engine works.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Print the engine, its version, the libtorch build, the devices found, the threads and the "
                + "folders in use, then run a short inference to prove it works.")
public final class DoctorCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OfflineEngine.threads(common.threads());
        long t0 = System.nanoTime();
        Engine.getInstance(); // loads libtorch (unpacked on the first start): timed apart from the device probe
        double startSeconds = (System.nanoTime() - t0) / 1e9;
        Device device = Devices.resolve(common.device());
        TextTable table = new TextTable("check", "result");
        table.row("tessera", Versions.tessera());
        table.row("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + " (" + System.getProperty("java.home") + ")");
        table.row("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        JavaFxRuntime javafx = JavaFxRuntime.probe();
        table.row("JavaFX", javafx.describe());
        for (Map.Entry<String, String> fact : EngineCheck.facts().entrySet()) {
            table.row(fact.getKey(), fact.getValue());
        }
        table.row("engine start", String.format(Locale.ROOT, "%.1f s", startSeconds));
        Path workspace = common.workspace();
        table.row("workspace", workspace + (Files.isDirectory(workspace) ? "" : " (created on first run)"));
        table.row("device", Devices.describe(device) + (device.isGpu() ? "" : gpuNote()));
        EngineCheck.Probe probe = EngineCheck.inference(device);
        table.row("inference", String.format(Locale.ROOT, "OK: cnn-small, batch %d of 3x32x32 in %.1f ms on %s",
                probe.batch(), probe.msPerBatch(), probe.device()));
        table.print(spec.commandLine().getOut());
        if (!javafx.complete()) {
            // A package without its GUI runtime is broken even though the command line works.
            spec.commandLine().getErr().println("tessera doctor: JavaFX " + javafx.describe() + "; reinstall Tessera");
            return 1;
        }
        return 0;
    }

    private String gpuNote() {
        if ("gpu".equalsIgnoreCase(common.device()) || Devices.gpus().count() > 0) {
            return "";
        }
        return "; " + Devices.gpus().whyNone() + " (see README, 'GPU')";
    }
}
