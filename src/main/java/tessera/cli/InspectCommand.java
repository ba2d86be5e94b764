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
import tessera.inspect.InferenceMethod;
import tessera.inspect.InspectionResult;
import tessera.inspect.InspectionSettings;
import tessera.inspect.InspectionWriter;
import tessera.inspect.Inspector;
import tessera.model.Devices;
import tessera.train.CancellationToken;
import tessera.util.Assets;
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

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images to inspect (JPEG, PNG, BMP, GIF, TIFF).")
    List<Path> images = new ArrayList<>();

    @Option(names = "--ensemble", paramLabel = "DIR", description = "Teacher ensemble folder (default: the shipped demo ensemble).")
    Path ensemble;

    @Option(names = "--student", paramLabel = "PATH", description = "Student bundle, run folder or run id (default: the shipped demo student).")
    String student;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the maps and JSON files.")
    Path out;

    @Option(names = "--method", paramLabel = "M", description = "Fusion method of the ensemble map (default: the ensemble's own).")
    String method;

    @Option(names = "--threshold", paramLabel = "t", description = "Detection threshold for every map (default: calibrated with the models).")
    Double threshold;

    @Option(names = "--tile", paramLabel = "PX", description = "Tile size in image pixels (default: ${DEFAULT-VALUE}).")
    int tile = InspectionSettings.DEFAULT_TILE;

    @Option(names = "--stride", paramLabel = "PX", description = "Distance between tiles in image pixels (default: ${DEFAULT-VALUE}).")
    int stride = InspectionSettings.DEFAULT_STRIDE;

    @Option(names = "--mm-per-pixel", paramLabel = "x", description = "Ground sampling distance, for finding areas in mm².")
    Double mmPerPixel;

    @Option(names = "--inference", paramLabel = "auto|tiled|fully-convolutional",
            description = "How tiles are computed (default: ${DEFAULT-VALUE}: fully convolutional where the network allows).")
    String inference = "auto";

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
        InspectionSettings settings = InspectionSettings.defaults().withTile(tile, stride).withThreshold(threshold)
                .withFusionMethod(method).withMmPerPixel(mmPerPixel).withBatchSize(batchSize).withMaxPixels(maxPixels)
                .withMethod(InferenceMethod.parse(inference));
        InspectionWriter writer = new InspectionWriter(ColorMap.parse(colorMap), opacity, mapSize);
        Path ensembleDir = ensemble != null ? ensemble : Assets.resolve("models/ensemble");
        Path studentDir = student != null ? ModelPaths.bundle(student, common.workspace()) : Assets.resolve("models/student");
        Device device = Devices.resolve(common.device());
        System.out.println(Devices.announce(device));
        CancellationToken cancel = new CancellationToken();
        Thread hook = CancelOnInterrupt.install(cancel);
        List<String> failures = new ArrayList<>();
        try (Inspector inspector = Inspector.open(ensembleDir, studentDir, settings, device)) {
            System.out.printf(Locale.ROOT, "%d teachers + student %s, %s px tiles at stride %d, thresholds %.3f (student) %.3f (ensemble, %s)%n",
                    inspector.ensemble().size(), studentDir.getFileName(), tile, stride, inspector.studentProfile().threshold(),
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
