package tessera.app;

import tessera.util.TesseraException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The few options the workstation itself takes ({@code --workspace DIR}, {@code --threads N},
 * {@code --device cpu|gpu|auto}, {@code --view inspect|train|experiments}, {@code --compare RUN,RUN..}
 * to open Experiments with those runs compared) and image files or folders to open (what a file manager passes
 * when an inspector double-clicks a TIFF); anything else is a headless subcommand.
 */
public record WorkstationOptions(Optional<Path> workspace, int threads, String device, Optional<Section> view,
                                 List<String> compare, List<Path> images) {

    /** The command line's subcommands (tessera.cli): their names always run headless. */
    private static final Set<String> SUBCOMMANDS = Set.copyOf(
            tessera.cli.TesseraCli.commandLine().getSubcommands().keySet());

    public static final WorkstationOptions DEFAULTS = new WorkstationOptions(Optional.empty(), 0, "auto");

    public WorkstationOptions(Optional<Path> workspace, int threads, String device) {
        this(workspace, threads, device, Optional.empty(), List.of(), List.of());
    }

    /** True when every argument is a workstation option, so the launcher opens the window. */
    public static boolean isWorkstationCall(String[] args) {
        if (args.length == 0) {
            return true;
        }
        try {
            parse(args);
            return true;
        } catch (TesseraException notOurs) {
            return false;
        }
    }

    public static WorkstationOptions parse(String... args) {
        Optional<Path> workspace = Optional.empty();
        int threads = 0;
        String device = "auto";
        Optional<Section> view = Optional.empty();
        List<String> compare = List.of();
        List<Path> images = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                // A subcommand name is never taken for a file, even if a file of that name is in the folder.
                if (SUBCOMMANDS.contains(arg) || !Files.exists(Path.of(arg))) {
                    throw new TesseraException("not a workstation option: " + arg);
                }
                images.add(Path.of(arg));
                continue;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new TesseraException("workstation option " + arg + " needs a value");
            }
            switch (name) {
                case "--workspace" -> workspace = Optional.of(Path.of(value));
                case "--threads" -> threads = parseThreads(value);
                case "--device" -> device = value;
                case "--view" -> view = Optional.of(section(value));
                case "--compare" -> {
                    compare = Arrays.stream(value.split(",")).map(String::trim).filter(id -> !id.isEmpty()).toList();
                    view = Optional.of(Section.EXPERIMENTS);
                }
                default -> throw new TesseraException("not a workstation option: " + arg);
            }
        }
        return new WorkstationOptions(workspace, threads, device, view, compare, List.copyOf(images));
    }

    private static Section section(String name) {
        for (Section s : Section.values()) {
            if (s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new TesseraException("--view must be inspect, train or experiments, not " + name);
    }

    private static int parseThreads(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new TesseraException("--threads needs a whole number, not " + value);
        }
    }
}
