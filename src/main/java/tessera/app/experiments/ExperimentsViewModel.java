package tessera.app.experiments;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.scene.chart.XYChart;
import tessera.app.AppState;
import tessera.app.UiTaskExecutor;
import tessera.experiment.RunRecord;
import tessera.util.TesseraException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Experiments view's state and logic: every run of the store as a filterable table, and for
 * the selected runs their overlaid curves, accuracy per fusion method and per distillation mode,
 * latency, the parameters that differ and an ensemble's agreement matrix.
 */
public final class ExperimentsViewModel {

    private static final String ACCURACY_PREFIX = "test_accuracy_";

    private final AppState state;
    private final UiTaskExecutor tasks;
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final FilteredList<RunRow> filtered = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObservableList<RunRow> selected = FXCollections.observableArrayList();
    private final ObjectProperty<String> metric = new SimpleObjectProperty<>("validation accuracy");
    private final ObservableList<String> metrics = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> curves = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<String, Number>> fusionBars = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<String, Number>> modeBars = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<String, Number>> latencyBars = FXCollections.observableArrayList();
    private final ObservableList<ParameterDiff.Row> diff = FXCollections.observableArrayList();
    private final ObservableList<String> diffRuns = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<AgreementMatrix> agreement = new ReadOnlyObjectWrapper<>();
    private List<String> pending = List.of();
    private final ReadOnlyStringWrapper agreementNote = new ReadOnlyStringWrapper("Select an ensemble run");

    public ExperimentsViewModel(AppState state, UiTaskExecutor tasks) {
        this.state = state;
        this.tasks = tasks;
        filter.addListener((o, was, now) -> filtered.setPredicate(row -> matches(row, now)));
        metric.addListener((o, was, now) -> showCurves());
        state.runsChangedProperty().addListener((o, was, now) -> reload());
    }

    /** Every run, newest first. */
    public ObservableList<RunRow> rows() {
        return rows;
    }

    /** The runs the filter lets through; the table sorts a view of these. */
    public FilteredList<RunRow> filteredRows() {
        return filtered;
    }

    /** Words that must all appear in some column of a run (case does not matter). */
    public StringProperty filterProperty() {
        return filter;
    }

    public ObservableList<RunRow> selectedRuns() {
        return selected;
    }

    public ObjectProperty<String> metricProperty() {
        return metric;
    }

    public ObservableList<String> metricChoices() {
        return metrics;
    }

    public ObservableList<XYChart.Series<Number, Number>> curves() {
        return curves;
    }

    public ObservableList<XYChart.Series<String, Number>> fusionBars() {
        return fusionBars;
    }

    public ObservableList<XYChart.Series<String, Number>> modeBars() {
        return modeBars;
    }

    public ObservableList<XYChart.Series<String, Number>> latencyBars() {
        return latencyBars;
    }

    public ObservableList<ParameterDiff.Row> parameterDiff() {
        return diff;
    }

    /** The run ids heading the diff's value columns, in selection order. */
    public ObservableList<String> diffRuns() {
        return diffRuns;
    }

    public ReadOnlyObjectProperty<AgreementMatrix> agreementProperty() {
        return agreement.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty agreementNoteProperty() {
        return agreementNote.getReadOnlyProperty();
    }

    /** Reads the store in the background; selections are kept by run id. */
    public void reload() {
        tasks.run("Loading runs", () -> state.runStore().list(), this::show);
    }

    /** Reads the store on this thread (tests). */
    public void reloadNow() {
        show(state.runStore().list());
    }

    /** Runs to select once the store has been read (ids or unique id prefixes, e.g. from --compare). */
    public void preselect(List<String> ids) {
        pending = List.copyOf(ids);
    }

    private void show(List<RunRecord> records) {
        List<String> keep = pending.isEmpty() ? selected.stream().map(RunRow::id).toList() : pending;
        pending = List.of();
        List<RunRow> fresh = records.stream().map(RunRow::of).toList();
        // Selection first: the table re-selects from it when the rows change.
        selected.setAll(fresh.stream().filter(r -> keep.stream().anyMatch(id -> r.id().startsWith(id))).toList());
        rows.setAll(fresh);
        select(List.copyOf(selected));
    }

    /** The table's selection changed: recompute every comparison. */
    public void select(List<RunRow> runs) {
        selected.setAll(runs);
        metrics.setAll(MetricCurves.available(state.runStore(), runs));
        if (!metrics.isEmpty() && !metrics.contains(metric.get())) {
            metric.set(metrics.get(0));
        }
        showCurves();
        showBars();
        diffRuns.setAll(runs.stream().map(RunRow::shortId).toList());
        diff.setAll(ParameterDiff.of(runs));
        showAgreement();
    }

    /** Writes the filtered rows, in the given order, with the given columns. */
    public void exportCsv(Path file, List<RunColumn> columns, List<RunRow> inOrder) throws IOException {
        if (columns.isEmpty()) {
            throw new TesseraException(file + ": no visible columns to export");
        }
        RunTableCsv.write(file, columns, inOrder);
    }

    /** Runs the selected ensemble's members on its test split to fill the agreement matrix. */
    public void computeAgreement() {
        RunRow ensemble = firstEnsemble().orElseThrow(() -> new TesseraException("select a finished ensemble run first"));
        agreementNote.set("Computing the agreement of " + ensemble.shortId() + "…");
        tasks.run("Computing member agreement", () -> AgreementMatrix.compute(ensemble.record()), matrix -> {
            agreement.set(matrix);
            agreementNote.set("Agreement of members of " + ensemble.shortId() + " on the test split");
        });
    }

    private void showCurves() {
        curves.setAll(MetricCurves.of(state.runStore(), selected, metric.get() == null ? "" : metric.get()).stream().map(c -> {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(c.name());
            c.points().forEach(p -> series.getData().add(new XYChart.Data<>(p[0], p[1])));
            return series;
        }).toList());
    }

    private void showBars() {
        List<XYChart.Series<String, Number>> fusion = new ArrayList<>();
        for (RunRow run : selected) {
            if (!"ensemble".equals(run.kind())) {
                continue;
            }
            Map<String, Double> byMethod = new TreeMap<>();
            run.record().summary().entrySet().stream()
                    .filter(e -> e.getKey().startsWith(ACCURACY_PREFIX) && e.getValue().isJsonPrimitive()
                            && e.getValue().getAsJsonPrimitive().isNumber())
                    .forEach(e -> byMethod.put(e.getKey().substring(ACCURACY_PREFIX.length()), e.getValue().getAsDouble()));
            if (!byMethod.isEmpty()) {
                XYChart.Series<String, Number> series = new XYChart.Series<>();
                series.setName(run.shortId());
                byMethod.forEach((method, acc) -> series.getData().add(new XYChart.Data<>(method, acc)));
                fusion.add(series);
            }
        }
        fusionBars.setAll(fusion);

        XYChart.Series<String, Number> modes = new XYChart.Series<>();
        modes.setName("test accuracy");
        selected.stream().filter(r -> !Double.isNaN(r.accuracy()) && !"ensemble".equals(r.kind()))
                .sorted(Comparator.comparing(RunRow::mode))
                .forEach(r -> modes.getData().add(new XYChart.Data<>(modeLabel(r), r.accuracy())));
        selected.stream().filter(r -> !Double.isNaN(r.accuracy()) && "ensemble".equals(r.kind()))
                .forEach(r -> modes.getData().add(new XYChart.Data<>("ensemble\n" + r.shortId(), r.accuracy())));
        modeBars.setAll(modes.getData().isEmpty() ? List.of() : List.of(modes));

        XYChart.Series<String, Number> latency = new XYChart.Series<>();
        latency.setName("latency ms");
        selected.stream().filter(r -> !Double.isNaN(r.latencyMs()))
                .forEach(r -> latency.getData().add(new XYChart.Data<>(r.shortId(), r.latencyMs())));
        latencyBars.setAll(latency.getData().isEmpty() ? List.of() : List.of(latency));
    }

    private static String modeLabel(RunRow r) {
        String mode = r.mode().isEmpty() ? r.kind() : r.mode();
        return mode + "\n" + r.shortId();
    }

    private void showAgreement() {
        Optional<RunRow> ensemble = firstEnsemble();
        agreement.set(null);
        if (ensemble.isEmpty()) {
            agreementNote.set("Select an ensemble run to see how often its members agree");
            return;
        }
        try {
            Optional<AgreementMatrix> stored = AgreementMatrix.read(ensemble.get().dir());
            stored.ifPresent(agreement::set);
            agreementNote.set(stored.isPresent()
                    ? "Agreement of members of " + ensemble.get().shortId() + " on the test split"
                    : "No agreement matrix stored for " + ensemble.get().shortId() + " yet: compute it");
        } catch (IOException e) {
            throw new UncheckedIOException(ensemble.get().dir().resolve(AgreementMatrix.FILE) + ": " + e.getMessage(), e);
        }
    }

    private Optional<RunRow> firstEnsemble() {
        return selected.stream().filter(r -> "ensemble".equals(r.kind()) && "FINISHED".equals(r.status())).findFirst();
    }

    private static boolean matches(RunRow row, String filter) {
        if (filter == null || filter.isBlank()) {
            return true;
        }
        StringBuilder text = new StringBuilder();
        for (RunColumn column : RunColumn.values()) {
            text.append(column.text(row)).append(' ');
        }
        String haystack = text.toString().toLowerCase(Locale.ROOT);
        for (String word : filter.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
