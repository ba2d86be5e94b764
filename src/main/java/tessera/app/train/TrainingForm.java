package tessera.app.train;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import tessera.distill.DistillationMode;
import tessera.ensemble.Ensemble;
import tessera.ensemble.EnsembleSettings;
import tessera.model.Architectures;
import tessera.train.TrainingSettings;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The values of the Train form, as properties the view binds, and their translation into the
 * same settings the command line builds (train/ensemble/distill options); bad values are refused
 * with a message naming the field.
 */
public final class TrainingForm {

    public final ObjectProperty<RunKind> kind = new SimpleObjectProperty<>(RunKind.ENSEMBLE);
    public final StringProperty dataset = new SimpleStringProperty("");
    public final StringProperty format = new SimpleStringProperty("");
    public final StringProperty architectures = new SimpleStringProperty("cnn-small");
    public final IntegerProperty members = new SimpleIntegerProperty(3);
    public final DoubleProperty subset = new SimpleDoubleProperty(0.8);
    public final IntegerProperty epochs = new SimpleIntegerProperty(5);
    public final IntegerProperty batchSize = new SimpleIntegerProperty(64);
    public final DoubleProperty validation = new SimpleDoubleProperty(0.1);
    public final StringProperty mode = new SimpleStringProperty(DistillationMode.SIMULTANEOUS.id());
    public final StringProperty teachers = new SimpleStringProperty("");
    public final DoubleProperty temperature = new SimpleDoubleProperty(4.0);
    public final DoubleProperty alpha = new SimpleDoubleProperty(0.9);
    public final StringProperty device = new SimpleStringProperty("auto");
    public final IntegerProperty seed = new SimpleIntegerProperty(42);
    public final StringProperty ensembleName = new SimpleStringProperty("");

    public static List<String> modes() {
        return Arrays.stream(DistillationMode.values()).map(DistillationMode::id).toList();
    }

    /** The ensemble run the form describes, its folder under {@code ensemblesFolder} unless named otherwise. */
    public EnsembleSettings ensembleSettings(Path ensemblesFolder) {
        List<String> archs = Arrays.stream(architectures.get().split(",")).map(String::trim).filter(a -> !a.isEmpty()).toList();
        if (archs.isEmpty()) {
            throw new TesseraException("Architectures: name at least one (" + String.join(", ", Architectures.names()) + ")");
        }
        archs.forEach(this::checkArchitecture);
        if (members.get() < 1) {
            throw new TesseraException("Members: at least 1");
        }
        EnsembleSettings s = new EnsembleSettings();
        s.architectures = new java.util.ArrayList<>(archs);
        s.base = base(archs.get(0));
        s.members = members.get();
        String name = ensembleName.get().isBlank()
                ? "ensemble-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))
                : ensembleName.get().trim();
        Path out = ensemblesFolder.resolve(name).toAbsolutePath().normalize();
        if (Files.exists(out)) {
            throw new TesseraException("Ensemble name: " + out + " already exists; choose another name");
        }
        s.out = out.toString();
        return s;
    }

    /** The distillation run the form describes (mode labels is the baseline student, without teachers). */
    public TrainingSettings distillationSettings() {
        String student = architectures.get().trim();
        checkArchitecture(student);
        TrainingSettings s = base(student);
        DistillationMode m = DistillationMode.parse(mode.get());
        s.objective = m.id();
        s.temperature = temperature.get();
        s.alpha = alpha.get();
        if (!(s.temperature > 0) || s.alpha < 0 || s.alpha > 1) {
            throw new TesseraException("Temperature must be > 0 and alpha between 0 and 1");
        }
        if (m != DistillationMode.LABELS) {
            if (teachers.get().isBlank()) {
                throw new TesseraException("Teachers: choose the teacher ensemble folder for mode " + m.id());
            }
            Path folder = Path.of(teachers.get().trim()).toAbsolutePath().normalize();
            if (!Ensemble.isEnsemble(folder)) {
                throw new TesseraException("Teachers: " + folder + " is not an ensemble folder (no ensemble.json)");
            }
            s.teachers = folder.toString();
            if (m == DistillationMode.SIMULTANEOUS) {
                try {
                    s.heads = Ensemble.readInfo(folder).members.size();
                } catch (IOException e) {
                    throw new TesseraException(folder + ": cannot read ensemble.json: " + e.getMessage(), e);
                }
            }
        }
        return s;
    }

    /** The recipe every member or student shares: the fields the command line's TrainingOptions carry. */
    private TrainingSettings base(String architecture) {
        if (dataset.get().isBlank()) {
            throw new TesseraException("Data set: choose a data set folder");
        }
        Path data = Path.of(dataset.get().trim()).toAbsolutePath().normalize();
        if (!Files.exists(data)) {
            throw new TesseraException("Data set: " + data + ": no such data set folder");
        }
        if (epochs.get() < 1 || batchSize.get() < 2 || subset.get() <= 0 || subset.get() > 1
                || validation.get() < 0 || validation.get() >= 1) {
            throw new TesseraException("need epochs >= 1, batch size >= 2, 0 < subset <= 1, 0 <= validation < 1");
        }
        if (!List.of("auto", "cpu", "gpu").contains(device.get())) {
            throw new TesseraException("Device: use auto, cpu or gpu");
        }
        TrainingSettings s = new TrainingSettings();
        s.dataset = data.toString();
        s.format = format.get().isBlank() ? null : format.get().trim();
        s.validationFraction = validation.get();
        s.architecture = architecture;
        s.epochs = epochs.get();
        s.batchSize = batchSize.get();
        s.subset = subset.get();
        s.seed = seed.get();
        s.device = device.get();
        return s;
    }

    private void checkArchitecture(String name) {
        try {
            Architectures.get(name);
        } catch (TesseraException e) {
            throw new TesseraException("Architectures: " + e.getMessage(), e);
        }
    }
}
