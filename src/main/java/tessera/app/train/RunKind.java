package tessera.app.train;

/** What the Train form starts: a teacher ensemble, or a student distilled from one. */
public enum RunKind {
    ENSEMBLE("Teacher ensemble"), DISTILLATION("Distilled student");

    private final String title;

    RunKind(String title) {
        this.title = title;
    }

    @Override
    public String toString() {
        return title;
    }
}
