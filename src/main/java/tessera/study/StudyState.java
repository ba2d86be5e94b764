package tessera.study;

import tessera.util.Json;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a study has done so far, in {@code state.json} of the study folder, rewritten whole after
 * every unit of work (a teacher, an ensemble, a student): a killed study resumes where it stopped.
 */
public final class StudyState {

    public static final String FILE = "state.json";

    public StudyPlan plan;
    public Map<String, Unit> units = new LinkedHashMap<>();

    /** One unit of work: the run that does it, whether it finished, and what it measured per method. */
    public static final class Unit {
        public String runId;
        public String bundle;
        public boolean done;
        public Map<String, Measured> results = new LinkedHashMap<>();
    }

    /** Test-split figures of one model, or of one ensemble under one fusion method. */
    public record Measured(double accuracy, double macroF1, double nll, double ece, long macs, double seconds) {
    }

    public static String baselineKey(int rep) {
        return "baseline/s" + rep;
    }

    public static String teacherKey(double subset, int rep, int member) {
        return String.format(Locale.ROOT, "teacher/f%s/s%d/m%d", subset, rep, member);
    }

    public static String ensembleKey(int teachers, double subset, int rep) {
        return String.format(Locale.ROOT, "ensemble/t%d/f%s/s%d", teachers, subset, rep);
    }

    public static String studentKey(int teachers, double subset, int rep, String mode) {
        return String.format(Locale.ROOT, "student/t%d/f%s/s%d/%s", teachers, subset, rep, mode);
    }

    public Unit unit(String key) {
        return units.computeIfAbsent(key, k -> new Unit());
    }

    public boolean isDone(String key) {
        Unit u = units.get(key);
        return u != null && u.done;
    }

    /** The state of {@code dir}, or a fresh one for this plan; a study trained with another recipe is refused. */
    public static StudyState openOrCreate(Path dir, StudyPlan plan) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            StudyState s = new StudyState();
            s.plan = plan;
            return s;
        }
        StudyState s = Json.read(file, StudyState.class);
        if (s.plan == null || s.units == null) {
            throw new TesseraException(file + ": not a study state (no plan or units)");
        }
        if (!s.plan.sameRecipe(plan)) {
            throw new TesseraException(file + ": this study was run with another recipe (" + s.plan.recipe()
                    + "); use another --out folder or the same options");
        }
        // The grid may grow between sessions; the recipe stays.
        s.plan = plan;
        return s;
    }

    public void save(Path dir) throws IOException {
        Json.write(dir.resolve(FILE), this);
    }
}
