package tessera.report;

/** What the inspector decided about a finding. */
public enum Decision {
    OPEN("open"), ACCEPTED("accepted"), REJECTED("rejected");

    private final String label;

    Decision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
