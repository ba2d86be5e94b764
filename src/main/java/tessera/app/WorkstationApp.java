package tessera.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The workstation window (built out by the workstation issue). */
public final class WorkstationApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("Tessera");
        stage.setScene(new Scene(new Label("Tessera"), 1280, 800));
        stage.show();
    }
}
