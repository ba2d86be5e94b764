package tessera.app;

import tessera.experiment.RunStore;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The user's workspace folder (runs, ensembles, inspection results): {@code --workspace}, else
 * {@code $TESSERA_WORKSPACE}, else {@code ~/Tessera}; created on first use.
 */
public final class Workspace {

    private final Path folder;

    private Workspace(Path folder) {
        this.folder = folder;
    }

    /** The folder named on the command line or in the environment, else the default in the home folder. */
    public static Path choose(Optional<Path> commandLine) {
        if (commandLine.isPresent()) {
            return commandLine.get();
        }
        String env = System.getenv("TESSERA_WORKSPACE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), "Tessera");
    }

    /** Opens the workspace, creating the folder (and its runs folder) when it does not exist yet. */
    public static Workspace open(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.resolve("runs"));
        } catch (IOException e) {
            throw new TesseraException(absolute + ": cannot create the workspace folder: " + e.getMessage(), e);
        }
        return new Workspace(absolute);
    }

    public Path folder() {
        return folder;
    }

    public RunStore runStore() {
        return new RunStore(folder);
    }

    /** Where the workstation puts a new ensemble folder by default. */
    public Path ensemblesFolder() {
        return folder.resolve("ensembles");
    }

    @Override
    public String toString() {
        return folder.toString();
    }
}
