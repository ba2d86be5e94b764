package tessera.app;

/** The workstation's main views, in the order of the navigation. */
public enum Section {
    INSPECT("Inspect"), TRAIN("Train"), EXPERIMENTS("Experiments");

    private final String title;

    Section(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
