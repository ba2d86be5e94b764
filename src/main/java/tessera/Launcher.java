package tessera;

import tessera.cli.TesseraCli;
import tessera.util.OfflineEngine;

/**
 * Entry point of tessera.jar: without arguments (or only --workspace, --threads, --device) it opens the workstation, with a subcommand it
 * runs headless. It must not extend javafx.application.Application (class-path jars cannot).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        OfflineEngine.configure();
        if (tessera.app.Workstation.accepts(args)) {
            tessera.app.Workstation.open(args);
            return;
        }
        System.exit(TesseraCli.execute(args));
    }
}
