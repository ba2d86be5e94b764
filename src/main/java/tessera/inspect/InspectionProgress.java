package tessera.inspect;

/** Progress of one inspection, called on the inspecting thread (a GUI task forwards it). */
@FunctionalInterface
public interface InspectionProgress {

    InspectionProgress NONE = (phase, done, total) -> { };

    /**
     * @param phase "student" or "ensemble"
     * @param done  work units finished in this phase (tiles)
     * @param total work units of this phase
     */
    void update(String phase, long done, long total);

    /** The student's map is ready and the teachers are about to run (called once per inspection). */
    default void studentReady(StudentPreview preview) {
    }
}
