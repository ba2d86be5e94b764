package tessera.app;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The models the Inspect view runs: a teacher ensemble folder and a student bundle folder, each
 * optional, with the run that made it (for the report's traceability).
 */
public record ActiveModels(Optional<Path> ensemble, Optional<String> ensembleRun,
                           Optional<Path> student, Optional<String> studentRun) {

    public static final ActiveModels NONE = new ActiveModels(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public ActiveModels withEnsemble(Path folder, String runId) {
        return new ActiveModels(Optional.of(folder), Optional.ofNullable(runId), student, studentRun);
    }

    public ActiveModels withStudent(Path bundle, String runId) {
        return new ActiveModels(ensemble, ensembleRun, Optional.of(bundle), Optional.ofNullable(runId));
    }

    /** "ensemble e1 · student s1", or "none" — what the status bar shows. */
    public String describe() {
        if (ensemble.isEmpty() && student.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        ensemble.ifPresent(p -> text.append("ensemble ").append(p.getFileName()));
        student.ifPresent(p -> text.append(text.length() > 0 ? " · " : "").append("student ")
                .append(studentRun.orElse(String.valueOf(p.getFileName()))));
        return text.toString();
    }
}
