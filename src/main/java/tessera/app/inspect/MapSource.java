package tessera.app.inspect;

/** Which map the findings are cut from. */
public enum MapSource {
    STUDENT("student"), ENSEMBLE("ensemble");

    private final String label;

    MapSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label + " map";
    }
}
