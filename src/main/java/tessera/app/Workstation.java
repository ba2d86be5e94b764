package tessera.app;

/** Opens the JavaFX workstation. */
public final class Workstation {

    private Workstation() {
    }

    public static void open(String[] args) {
        javafx.application.Application.launch(WorkstationApp.class, args);
    }
}
