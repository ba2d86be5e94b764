package tessera.cli;

import ai.djl.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tessera.imaging.ColorMap;
import tessera.imaging.ImageLoader;
import tessera.imaging.LoadedImage;
import tessera.inspect.Findings;
import tessera.inspect.InspectionResult;
import tessera.inspect.InspectionSettings;
import tessera.inspect.InspectionWriter;
import tessera.inspect.Inspector;
import tessera.model.Devices;
import tessera.train.CancellationToken;
import tessera.util.OfflineEngine;
import tessera.util.TesseraException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code tessera inspect}: heat maps, votes, disagreement, findings and timings for each image. In
 * a batch a failing image is reported in one line and the others are still inspected; the
 * failures are listed at the end and the exit status is 1.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Inspect images with a teacher ensemble and its student: heat maps, votes, disagreement, findings, timings.")
public final class InspectCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    InspectionModelOptions models;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images to inspect (JPEG, PNG, BMP, GIF, TIFF).")
    List<Path> images = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the maps and JSON files.")
    Path out;

    @Option(names = "--mm-per-pixel", paramLabel = "x", description = "Ground sampling distance, for finding areas in mm².")
    Double mmPerPixel;

    @Option(names = "--batch-size", paramLabel = "N", description = "Tiles per batch on the tiled path (default: ${DEFAULT-VALUE}).")
    int batchSize = 256;

    @Option(names = "--max-pixels", paramLabel = "N", description = "Refuse images above this many pixels (default: ${DEFAULT-VALUE}).")
    long maxPixels = InspectionSettings.DEFAULT_MAX_PIXELS;

    @Option(names = "--colormap", paramLabel = "NAME", description = "viridis, inferno or turbo (default: ${DEFAULT-VALUE}).")
    String colorMap = "viridis";

    @Option(names = "--opacity", paramLabel = "a", description = "Overlay opacity at full evidence, 0..1 (default: ${DEFAULT-VALUE}).")
    double opacity = 0.6;

    @Option(names = "--map-size", paramLabel = "PX", description = "Longest side of the written maps; 0 = image resolution (default: ${DEFAULT-VALUE}).")
    int mapSize = 2048;

    private final boolean terminal = System.console() != null;

    /** A redrawn line on a terminal; nothing in a log, where the one line per image suffices. */
    private tessera.inspect.InspectionProgress progress(Path image) {
        if (!terminal) {
            return tessera.inspect.InspectionProgress.NONE;
        }
        return (phase, done, total) -> {
            System.out.printf(Locale.ROOT, "\r%s: %s %3d%% ", image.getFileName(), phase, total == 0 ? 100 : 100 * done / total);
            System.out.flush();
        };
    }

    private void clearProgress() {
        if (terminal) {
            System.out.print("\r" + " ".repeat(70) + "\r");
        }
    }

    @Override
    public Integer call() throws Exception {
        OfflineEngine.threads(common.threads());
        if (opacity < 0 || opacity > 1 || mapSize < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "need 0 <= --opacity <= 1 and --map-size >= 0");
        }
        InspectionSettings settings = models.settings().withMmPerPixel(mmPerPixel).withBatchSize(batchSize)
                .withMaxPixels(maxPixels);
        InspectionWriter writer = new InspectionWriter(ColorMap.parse(colorMap), opacity, mapSize);
        Path ensembleDir = models.ensembleDir();
        Path studentDir = models.studentDir(common.workspace());
        Device device = Devices.resolve(common.device());
        System.out.println(Devices.announce(device));
        CancellationToken cancel = new CancellationToken();
        Thread hook = CancelOnInterrupt.install(cancel);
        List<String> failures = new ArrayList<>();
        try (Inspector inspector = Inspector.open(ensembleDir, studentDir, settings, device)) {
            System.out.printf(Locale.ROOT, "%d teachers + student %s, %s px tiles at stride %d, thresholds %.3f (student) %.3f (ensemble, %s)%n",
                    inspector.ensemble().size(), studentDir.getFileName(), models.tile(), models.stride(), inspector.studentProfile().threshold(),
                    inspector.ensembleProfile().threshold(), inspector.ensembleProfile().source());
            for (Path image : images) {
                if (cancel.isCancelled()) {
                    break;
                }
                try {
                    LoadedImage loaded = ImageLoader.load(image, maxPixels);
                    InspectionResult r = inspector.inspect(loaded, cancel, progress(image));
                    clearProgress();
                    Path json = writer.write(r, loaded.image(), mmPerPixel, ensembleDir, studentDir, out);
                    Findings f = r.studentFindings(mmPerPixel);
                    System.out.printf(Locale.ROOT, "%s: %d findings, %d tiles, student %d ms, ensemble %d ms (%.1fx), %s -> %s%n",
                            image, f.size(), r.tiles(), r.studentMillis(), r.ensembleMillis(), r.speedup(),
                            r.method().id(), json.getFileName());
                } catch (java.util.concurrent.CancellationException e) {
                    throw e;
                } catch (java.io.IOException | RuntimeException e) {
                    // One bad image must not end the batch, whatever a decoder throws.
                    String line = TesseraCli.oneLine(e);
                    if (!line.contains(image.toString())) {
                        line = image + ": " + line;
                    }
                    System.err.println("tessera inspect: " + line);
                    failures.add(line);
                } catch (OutOfMemoryError e) {
                    String line = image + ": not enough memory to inspect it (" + e.getMessage() + ")";
                    System.err.println("tessera inspect: " + line);
                    failures.add(line);
                }
            }
        } finally {
            CancelOnInterrupt.remove(hook);
        }
        if (!failures.isEmpty()) {
            System.err.println("tessera inspect: " + failures.size() + " of " + images.size() + " image(s) failed:");
            failures.forEach(f -> System.err.println("  " + f));
            return 1;
        }
        return 0;
    }
}
