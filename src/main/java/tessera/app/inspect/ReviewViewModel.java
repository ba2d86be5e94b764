package tessera.app.inspect;

import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import tessera.inspect.Finding;
import tessera.report.Decision;
import tessera.report.FindingReview;
import tessera.report.Review;
import tessera.report.ReviewFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The review of the shown image's findings: the table's rows (most disagreement first, filterable),
 * accept / reject / adjust / add / note with undo and redo, and the report form. Every change is
 * saved at once, atomically, next to the image's results; reopening the image restores it.
 */
public final class ReviewViewModel {

    /** Most disagreement first, so the uncertain areas are reviewed first; then by id. */
    public static final Comparator<FindingReview> DEFAULT_ORDER =
            Comparator.comparingDouble(FindingReview::disagreement).reversed().thenComparingInt(FindingReview::id);

    /** Where one image's review is saved. */
    public record Target(Path image, String sha256, Path resultsDir) {
    }

    private final BiConsumer<String, Throwable> failures;
    private final ObservableList<FindingReview> rows = FXCollections.observableArrayList();
    private final FilteredList<FindingReview> filtered = new FilteredList<>(rows);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<Decision> decisionFilter = new SimpleObjectProperty<>();
    private final IntegerProperty selected = new SimpleIntegerProperty(0);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("Redo");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No findings");
    private final ReadOnlyStringWrapper savedTo = new ReadOnlyStringWrapper("");
    private final StringProperty inspector = new SimpleStringProperty(System.getProperty("user.name", ""));
    private final StringProperty registration = new SimpleStringProperty("");
    private final StringProperty zone = new SimpleStringProperty("");
    private Review review = new Review(List.of());
    private Target target;

    public ReviewViewModel(BiConsumer<String, Throwable> failures) {
        this.failures = failures;
        filtered.predicateProperty().bind(Bindings.createObjectBinding(() -> {
            String text = filterText.get() == null ? "" : filterText.get().strip().toLowerCase(Locale.ROOT);
            Decision d = decisionFilter.get();
            return f -> (d == null || f.decision() == d) && (text.isEmpty() || matches(f, text));
        }, filterText, decisionFilter));
    }

    private static boolean matches(FindingReview f, String text) {
        return String.valueOf(f.id()).equals(text) || f.note().toLowerCase(Locale.ROOT).contains(text)
                || f.origin().contains(text) || f.decision().label().contains(text);
    }

    /**
     * Shows the findings of a new map: decisions already made on this image (in memory when the
     * image stays the same, else from its saved file) carry over to the findings they overlap.
     */
    public void load(Target newTarget, List<Finding> findings) {
        List<FindingReview> previous;
        if (target != null && newTarget != null && target.sha256().equals(newTarget.sha256())) {
            previous = review.findings();
        } else {
            previous = List.of();
            if (newTarget != null) {
                try {
                    previous = ReviewFile.load(newTarget.resultsDir(), newTarget.image(), newTarget.sha256());
                } catch (RuntimeException e) {
                    failures.accept("Reading the saved review", e);
                }
            }
        }
        target = newTarget;
        review = new Review(ReviewFile.merge(findings, previous));
        review.onChange(list -> changed(true));
        changed(false);
    }

    /** Clears the table (no image, or no result). */
    public void clear() {
        target = null;
        review = new Review(List.of());
        changed(false);
    }

    private void changed(boolean save) {
        List<FindingReview> ordered = new ArrayList<>(review.findings());
        ordered.sort(DEFAULT_ORDER);
        rows.setAll(ordered);
        canUndo.set(review.canUndo());
        canRedo.set(review.canRedo());
        undoText.set(review.undoDescription().map(d -> "Undo " + lower(d)).orElse("Undo"));
        redoText.set(review.redoDescription().map(d -> "Redo " + lower(d)).orElse("Redo"));
        long accepted = review.count(Decision.ACCEPTED);
        long rejected = review.count(Decision.REJECTED);
        int n = review.findings().size();
        summary.set(n == 0 ? "No findings" : String.format(Locale.ROOT, "%d finding%s: %d accepted, %d rejected, %d open",
                n, n == 1 ? "" : "s", accepted, rejected, n - accepted - rejected));
        if (save && target != null) {
            try {
                Path file = ReviewFile.save(target.resultsDir(), target.image(), target.sha256(), review.findings());
                savedTo.set("Decisions saved to " + file);
            } catch (Exception e) {
                failures.accept("Saving the review", e);
            }
        }
    }

    private static String lower(String d) {
        return d.isEmpty() ? d : Character.toLowerCase(d.charAt(0)) + d.substring(1);
    }

    public void accept(int id) {
        review.accept(id);
    }

    public void reject(int id) {
        review.reject(id);
    }

    public void reopen(int id) {
        review.reopen(id);
    }

    public void note(int id, String text) {
        review.note(id, text);
    }

    public void adjustBox(int id, int x, int y, int width, int height) {
        review.adjustBox(id, x, y, width, height);
    }

    /** Adds a finding the model missed and selects it; returns its id. */
    public int add(int x, int y, int width, int height, String note) {
        int id = review.add(x, y, width, height, note);
        selected.set(id);
        return id;
    }

    public void undo() {
        review.undo();
    }

    public void redo() {
        review.redo();
    }

    public Optional<FindingReview> find(int id) {
        return review.find(id);
    }

    public Optional<FindingReview> selectedFinding() {
        return review.find(selected.get());
    }

    /** All reviewed findings in the default order (the report's order). */
    public List<FindingReview> findings() {
        return List.copyOf(rows);
    }

    public Optional<Target> target() {
        return Optional.ofNullable(target);
    }

    /** The rows the table shows: filtered; sort them with a SortedList bound to the table. */
    public FilteredList<FindingReview> rows() {
        return filtered;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<Decision> decisionFilterProperty() {
        return decisionFilter;
    }

    /** The id of the selected finding (0 = none). */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty savedToProperty() {
        return savedTo.getReadOnlyProperty();
    }

    public StringProperty inspectorProperty() {
        return inspector;
    }

    public StringProperty registrationProperty() {
        return registration;
    }

    public StringProperty zoneProperty() {
        return zone;
    }
}
