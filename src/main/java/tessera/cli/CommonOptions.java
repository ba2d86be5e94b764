package tessera.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** Options every subcommand accepts (formats.md, "Common options"); mixed in with {@code @Mixin}. */
public final class CommonOptions {

    @Option(names = "--workspace", paramLabel = "DIR",
            description = "Workspace folder holding the run store (default: ~/Tessera or $TESSERA_WORKSPACE).")
    Path workspace;

    @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--device", paramLabel = "cpu|gpu|auto", description = "Compute device (default: ${DEFAULT-VALUE}).")
    String device = "auto";

    @Option(names = "--threads", paramLabel = "N", description = "Compute threads (default: all cores).")
    int threads = 0;

    @Option(names = "--verbose", description = "Print stack traces and debug output.")
    boolean verbose;

    public Path workspace() {
        if (workspace != null) {
            return workspace;
        }
        String env = System.getenv("TESSERA_WORKSPACE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), "Tessera");
    }

    public long seed() {
        return seed;
    }

    public String device() {
        return device;
    }

    public int threads() {
        return threads;
    }

    public boolean verbose() {
        return verbose;
    }
}
