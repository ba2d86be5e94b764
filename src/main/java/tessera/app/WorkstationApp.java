package tessera.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: reads the workstation options and opens the shell. */
public final class WorkstationApp extends Application {

    private WorkstationShell shell;

    @Override
    public void start(Stage stage) {
        WorkstationOptions options = WorkstationOptions.parse(getParameters().getRaw().toArray(String[]::new));
        shell = WorkstationShell.open(stage, options);
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
    }
}
