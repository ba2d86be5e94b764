package tessera.app;

/** Opens the JavaFX workstation. */
public final class Workstation {

    private Workstation() {
    }

    /** True when the launcher should open the window: no arguments, or only workstation options. */
    public static boolean accepts(String[] args) {
        return WorkstationOptions.isWorkstationCall(args);
    }

    public static void open(String[] args) {
        javafx.application.Application.launch(WorkstationApp.class, args);
    }
}
