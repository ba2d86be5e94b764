package tessera.experiment;

/** The lifecycle state recorded in run.json; a killed run stays RUNNING on disk (see {@link RunRecord#interrupted()}). */
public enum RunStatus {
    RUNNING, FINISHED, FAILED, CANCELLED
}
