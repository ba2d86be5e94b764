package tessera.app.experiments;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import tessera.app.FailureReporter;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** The Experiments view: the run table on top, the comparison of the selected runs below. Binds only. */
public final class ExperimentsView extends BorderPane {

    private final ExperimentsViewModel model;
    private final FailureReporter failures;
    private final TableView<RunRow> table = new TableView<>();
    private final TableView<ParameterDiff.Row> diffTable = new TableView<>();
    private boolean reselecting;

    public ExperimentsView(ExperimentsViewModel model, FailureReporter failures) {
        this.model = model;
        this.failures = failures;
        setId("experiments-view");
        setTop(toolbar());
        SplitPane split = new SplitPane(runTable(), comparison());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        setCenter(split);
    }

    private HBox toolbar() {
        TextField filter = new TextField();
        filter.setId("runs-filter");
        filter.setPromptText("Filter runs: words in any column (e.g. distill finished)");
        filter.textProperty().bindBidirectional(model.filterProperty());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button refresh = new Button("Refresh");
        refresh.setId("runs-refresh");
        refresh.setOnAction(e -> model.reload());
        Button export = new Button("Export CSV…");
        export.setId("runs-export");
        export.setOnAction(e -> exportCsv());
        Label hint = new Label("Select runs (Ctrl/Shift-click) to compare them; ☰ at the table's right chooses columns.");
        hint.getStyleClass().add("hint");
        HBox bar = new HBox(8, filter, refresh, export, hint);
        bar.getStyleClass().add("panel");
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return bar;
    }

    private TableView<RunRow> runTable() {
        table.setId("runs-table");
        table.setTableMenuButtonVisible(true); // the column chooser
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No runs in this workspace yet: start one in the Train view"));
        for (RunColumn column : RunColumn.values()) {
            TableColumn<RunRow, RunRow> c = new TableColumn<>(column.header());
            c.setId("column-" + column.name().toLowerCase(Locale.ROOT));
            c.setUserData(column);
            c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue()));
            c.setComparator(column.order());
            c.setCellFactory(col -> new TableCell<>() {
                @Override
                protected void updateItem(RunRow row, boolean empty) {
                    super.updateItem(row, empty);
                    getStyleClass().removeIf(s -> s.startsWith("status-"));
                    setText(empty || row == null ? null : column.text(row));
                    if (!empty && row != null && column == RunColumn.STATUS) {
                        getStyleClass().add("status-" + row.status().toLowerCase(Locale.ROOT));
                    }
                }
            });
            c.setStyle(column.numeric() ? "-fx-alignment: center-right;" : "");
            c.setPrefWidth(switch (column) {
                case ID -> 235;
                case ARCHITECTURE, DATASET -> 118;
                case KIND, STATUS, MODE -> 100;
                case TEMPERATURE, ALPHA -> 60;
                case LATENCY -> 95;
                default -> 80;
            });
            table.getColumns().add(c);
        }
        SortedList<RunRow> sorted = new SortedList<>(model.filteredRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunRow>) change -> {
            if (!reselecting) {
                act("Comparing runs", () -> model.select(List.copyOf(table.getSelectionModel().getSelectedItems())));
            }
        });
        // After a reload the rows are new objects: select again what the model kept selected.
        model.rows().addListener((ListChangeListener<RunRow>) change -> {
            reselecting = true;
            try {
                table.getSelectionModel().clearSelection();
                for (RunRow kept : model.selectedRuns()) {
                    int index = table.getItems().indexOf(kept);
                    if (index >= 0) {
                        table.getSelectionModel().select(index);
                    }
                }
            } finally {
                reselecting = false;
            }
        });
        return table;
    }

    private HBox comparison() {
        VBox curves = curvesPanel();
        TabPane accuracy = new TabPane(
                tab("Per fusion method", barChart("fusion-chart", "Test accuracy per fusion method", "fusion method", "accuracy", model.fusionBars(),
                        "Select an ensemble run: each fusion method's test accuracy")),
                tab("Per distillation mode", barChart("mode-chart", "Test accuracy per distillation mode", "mode · run", "accuracy", model.modeBars(),
                        "Select students (and their ensemble) to compare modes")),
                tab("Latency", barChart("latency-chart", "Latency per run", "run", "ms", model.latencyBars(),
                        "No latency recorded for the selected runs (tessera evaluate measures it)")));
        accuracy.setId("accuracy-tabs");
        Tab agreementTab = tab("Agreement", agreementPanel());
        TabPane details = new TabPane(tab("Parameter diff", diffPanel()), agreementTab);
        details.setId("detail-tabs");
        // One ensemble selected: no diff to show, but perhaps its members' agreement.
        model.agreementProperty().addListener((o, was, now) -> {
            if (now != null && model.parameterDiff().isEmpty()) {
                details.getSelectionModel().select(agreementTab);
            }
        });
        for (Region r : List.of(curves, accuracy, details)) {
            HBox.setHgrow(r, Priority.ALWAYS);
            r.setPrefWidth(r == details ? 560 : 420); // the diff needs room for a column per run
            r.setMinWidth(260);
        }
        HBox box = new HBox(8, curves, accuracy, details);
        box.getStyleClass().add("panel");
        return box;
    }

    private VBox curvesPanel() {
        ComboBox<String> metric = new ComboBox<>(model.metricChoices());
        metric.setId("metric-choice");
        metric.valueProperty().bindBidirectional(model.metricProperty());
        NumberAxis epochs = tessera.app.Charts.epochAxis();
        NumberAxis values = new NumberAxis();
        values.setForceZeroInRange(false);
        values.labelProperty().bind(model.metricProperty());
        LineChart<Number, Number> chart = new LineChart<>(epochs, values, model.curves());
        chart.setId("curves-chart");
        chart.setTitle("Metric curves of the selected runs");
        chart.setAnimated(false);
        VBox.setVgrow(chart, Priority.ALWAYS);
        Label label = new Label("Metric");
        HBox top = new HBox(8, label, metric);
        top.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(4, top, chart);
    }

    private static StackPane barChart(String id, String title, String x, String y,
                                                     javafx.collections.ObservableList<javafx.scene.chart.XYChart.Series<String, Number>> data,
                                                     String empty) {
        CategoryAxis categories = new CategoryAxis();
        categories.setLabel(x);
        NumberAxis values = new NumberAxis();
        values.setLabel(y);
        values.setForceZeroInRange(true); // bars from zero: a cut axis would exaggerate small differences
        BarChart<String, Number> chart = new BarChart<>(categories, values, data);
        chart.setCategoryGap(6);
        chart.setBarGap(1);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        data.addListener((ListChangeListener<javafx.scene.chart.XYChart.Series<String, Number>>) c -> chart.setLegendVisible(data.size() > 1));
        Label placeholder = new Label(empty);
        placeholder.getStyleClass().add("hint");
        placeholder.setWrapText(true);
        placeholder.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(data));
        return new StackPane(chart, placeholder);
    }

    private VBox diffPanel() {
        diffTable.setId("parameter-diff");
        diffTable.setPlaceholder(new Label("Select two or more runs: only the parameters that differ are listed"));
        diffTable.setItems(model.parameterDiff());
        model.diffRuns().addListener((ListChangeListener<String>) c -> rebuildDiffColumns());
        rebuildDiffColumns();
        VBox.setVgrow(diffTable, Priority.ALWAYS);
        return new VBox(diffTable);
    }

    private void rebuildDiffColumns() {
        TableColumn<ParameterDiff.Row, String> parameter = new TableColumn<>("Parameter");
        parameter.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().parameter()));
        parameter.setPrefWidth(120);
        diffTable.getColumns().setAll(List.of(parameter));
        List<String> runs = List.copyOf(model.diffRuns());
        for (int i = 0; i < runs.size(); i++) {
            int index = i;
            TableColumn<ParameterDiff.Row, String> run = new TableColumn<>(runs.get(i));
            run.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().values().get(index)));
            run.setPrefWidth(140);
            diffTable.getColumns().add(run);
        }
    }

    private VBox agreementPanel() {
        AgreementHeatMap heatMap = new AgreementHeatMap();
        model.agreementProperty().addListener((o, was, now) -> heatMap.show(now));
        heatMap.show(model.agreementProperty().get());
        Label note = new Label();
        note.setId("agreement-note");
        note.setWrapText(true);
        note.textProperty().bind(model.agreementNoteProperty());
        Button compute = new Button("Compute agreement");
        compute.setId("compute-agreement");
        compute.setMinWidth(Region.USE_PREF_SIZE);
        compute.setOnAction(e -> act("Computing member agreement", model::computeAgreement));
        StackPane centre = new StackPane(heatMap);
        VBox.setVgrow(centre, Priority.ALWAYS);
        VBox box = new VBox(8, new HBox(8, compute, note), centre);
        box.setStyle("-fx-padding: 8;");
        return box;
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the runs table");
        chooser.setInitialFileName("runs.csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File file = chooser.showSaveDialog(getScene().getWindow());
        if (file != null) {
            act("Exporting the runs table", () -> {
                try {
                    model.exportCsv(file.toPath(), visibleColumns(), List.copyOf(table.getItems()));
                } catch (IOException e) {
                    throw new UncheckedIOException(file + ": " + e.getMessage(), e);
                }
            });
        }
    }

    /** The columns the user left visible, in their current order. */
    public List<RunColumn> visibleColumns() {
        return table.getVisibleLeafColumns().stream().map(c -> (RunColumn) c.getUserData()).toList();
    }

    private static Tab tab(String title, javafx.scene.Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        return tab;
    }

    private void act(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.report(what, e);
        }
    }
}
