package tessera.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tessera.synth.SynthDataset;
import tessera.synth.SynthSettings;

/** {@code tessera synth}: a synthetic fuselage data set with ground truth and a tile data set cut from it. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Generate photographs of fuselage skin with corrosion ground truth (masks, regions) and a tile"
                + " data set (tiles/train, tiles/test) cut from them.")
public final class SynthCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write.")
    Path out;

    @Option(names = "--images", required = true, paramLabel = "N", description = "Number of photographs.")
    int images;

    @Option(names = "--width", paramLabel = "PX", description = "Photograph width (default: ${DEFAULT-VALUE}).")
    int width = SynthSettings.DEFAULT_WIDTH;

    @Option(names = "--height", paramLabel = "PX", description = "Photograph height (default: ${DEFAULT-VALUE}).")
    int height = SynthSettings.DEFAULT_HEIGHT;

    @Option(names = "--tile", paramLabel = "PX", description = "Tile side, cut on a grid (default: ${DEFAULT-VALUE}).")
    int tile = SynthSettings.DEFAULT_TILE;

    @Option(names = "--corrosion-rate", paramLabel = "R",
            description = "Mean share of a photograph's pixels that are corroded (default: ${DEFAULT-VALUE}).")
    double corrosionRate = SynthSettings.DEFAULT_CORROSION_RATE;

    @Option(names = "--severity-classes",
            description = "Tile classes severity-1, severity-2, severity-3 instead of one corrosion class.")
    boolean severityClasses;

    @Option(names = "--tile-threshold", paramLabel = "F",
            description = "Share of corroded pixels that makes a corrosion tile; tiles with less (but some) are"
                    + " left out (default: ${DEFAULT-VALUE}).")
    double tileThreshold = SynthSettings.DEFAULT_TILE_THRESHOLD;

    @Option(names = "--clean-ratio", paramLabel = "K",
            description = "Clean tiles kept per corrosion tile (default: ${DEFAULT-VALUE}).")
    double cleanRatio = SynthSettings.DEFAULT_CLEAN_RATIO;

    @Option(names = "--test-fraction", paramLabel = "F",
            description = "Share of whole photographs held out for the test tiles (default: ${DEFAULT-VALUE}).")
    double testFraction = SynthSettings.DEFAULT_TEST_FRACTION;

    @Option(names = "--jpeg-quality", paramLabel = "Q",
            description = "Write the photographs as JPEG of this quality (1-100) instead of PNG.")
    Integer jpegQuality;

    @Option(names = "--overwrite", description = "Replace a data set already in --out.")
    boolean overwrite;

    @Override
    public Integer call() throws Exception {
        SynthSettings settings;
        try {
            settings = new SynthSettings(images, common.seed(), width, height, tile, corrosionRate, severityClasses,
                    tileThreshold, cleanRatio, testFraction);
            if (jpegQuality != null && (jpegQuality < 1 || jpegQuality > 100)) {
                throw new IllegalArgumentException("--jpeg-quality must lie in 1..100, not " + jpegQuality);
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter console = spec.commandLine().getOut();
        console.printf(Locale.ROOT, "synth: %d photographs of %d x %d, seed %d, %d px tiles, corrosion rate %.3f -> %s%n",
                images, width, height, common.seed(), tile, corrosionRate, out);
        console.flush();
        SynthDataset.Summary summary = SynthDataset.write(out, settings, jpegQuality, overwrite, common.threads(), line -> {
            console.println("  " + line);
            console.flush();
        });
        console.printf(Locale.ROOT, "%d train and %d test photographs, %d corroded regions%n",
                summary.train().size(), summary.test().size(), summary.regions());
        for (Map.Entry<String, Map<String, Integer>> split : summary.tiles().entrySet()) {
            console.println("tiles/" + split.getKey() + ": " + split.getValue());
        }
        console.flush();
        return 0;
    }
}
