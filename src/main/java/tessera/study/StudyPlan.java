package tessera.study;

import tessera.train.TrainingSettings;
import tessera.util.TesseraException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The experiment grid declared whole (saved in the study folder, so a study can be resumed and
 * repeated): teachers × subset fraction × distillation mode × seeds, beside the labels baseline
 * and the ensemble under every fusion method, all trained with one recipe.
 */
public final class StudyPlan {

    public static final List<String> MODES = List.of("mean-teacher", "per-teacher", "simultaneous");

    public String dataset;
    public String format;
    /** Training images drawn (seeded, without replacement) from the data set's training split; 0 = all. */
    public int trainLimit;
    /** Test images drawn from the test split; 0 = all. */
    public int testLimit;
    public List<Integer> teachers = new ArrayList<>(List.of(2, 3, 4, 5));
    public List<Double> subsets = new ArrayList<>(List.of(0.6, 0.8, 1.0));
    public List<String> modes = new ArrayList<>(MODES);
    public int seeds = 3;
    public String architecture = "cnn-medium";
    public String studentArchitecture = "cnn-medium";
    public int epochs = 10;
    public int batchSize = 64;
    public double validationFraction = 0.1;
    public double temperature = 4.0;
    public double alpha = 0.9;
    public long seed = 42;
    public String device = "auto";
    public int threads;

    /** The full grid of issue 7. */
    public static StudyPlan full() {
        return new StudyPlan();
    }

    /** A grid that finishes in minutes on 2 cores: 10,000 training images, cnn-small, 1 epoch, teachers {2, 3}, 1 seed. */
    public static StudyPlan quick() {
        StudyPlan p = new StudyPlan();
        p.trainLimit = 10_000;
        p.teachers = new ArrayList<>(List.of(2, 3));
        p.seeds = 1;
        p.architecture = "cnn-small";
        p.studentArchitecture = "cnn-small";
        p.epochs = 1;
        return p;
    }

    public void validate() {
        if (teachers.isEmpty() || subsets.isEmpty() || modes.isEmpty() || seeds < 1 || epochs < 1) {
            throw new TesseraException("the grid needs at least one teacher count, subset, mode and seed, and epochs >= 1");
        }
        for (int t : teachers) {
            if (t < 1) {
                throw new TesseraException("--teachers must be at least 1, got " + t);
            }
        }
        for (double f : subsets) {
            if (!(f > 0 && f <= 1)) {
                throw new TesseraException("--subsets must lie in (0, 1], got " + f);
            }
        }
        for (String m : modes) {
            tessera.distill.DistillationMode mode = tessera.distill.DistillationMode.parse(m);
            if (mode == tessera.distill.DistillationMode.LABELS) {
                throw new TesseraException("--modes: 'labels' is the baseline, always trained beside the grid");
            }
        }
        if (trainLimit < 0 || testLimit < 0) {
            throw new TesseraException("--train-limit and --test-limit must be 0 (all) or positive");
        }
        tessera.model.Architectures.get(architecture);
        tessera.model.Architectures.get(studentArchitecture);
    }

    public int maxTeachers() {
        return teachers.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** The seed of repetition r: far apart, so member and student seeds never collide across repetitions. */
    public long repetitionSeed(int r) {
        return seed + 100_000L * r;
    }

    /** The recipe of every model of the grid: the data set (maybe a drawn subset), architecture and seed. */
    public TrainingSettings settings(String dataPath, String arch, long modelSeed) {
        TrainingSettings s = new TrainingSettings();
        s.dataset = dataPath;
        s.format = dataPath.equals(dataset) ? format : null;
        s.validationFraction = validationFraction;
        s.architecture = arch;
        s.epochs = epochs;
        s.batchSize = batchSize;
        s.seed = modelSeed;
        s.device = device;
        s.threads = threads;
        s.temperature = temperature;
        s.alpha = alpha;
        return s;
    }

    /**
     * What must not change when a study is resumed: the grid's lists may grow, but every finished
     * cell must have been trained the same way.
     */
    public String recipe() {
        return String.join("|", dataset, String.valueOf(format), Integer.toString(trainLimit), Integer.toString(testLimit),
                architecture, studentArchitecture, Integer.toString(epochs), Integer.toString(batchSize),
                Double.toString(validationFraction), Double.toString(temperature), Double.toString(alpha), Long.toString(seed));
    }

    public boolean sameRecipe(StudyPlan other) {
        return Objects.equals(recipe(), other.recipe());
    }
}
