package tessera.app.inspect;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import tessera.app.FailureReporter;
import tessera.report.Decision;
import tessera.report.FindingReview;

import java.util.Locale;
import java.util.function.Function;

/**
 * Review and report: the photograph with the findings' boxes (draw a missed one), the findings
 * table (most disagreement first, sortable, filterable), the decision buttons with undo/redo, the
 * selected finding's box and note, and the report form with its export.
 */
final class ReviewView extends SplitPane {

    private final InspectViewModel model;
    private final ReviewViewModel review;
    private final FailureReporter failures;
    private final TableView<FindingReview> table = new TableView<>();
    private final TextField boxX = number("box-x");
    private final TextField boxY = number("box-y");
    private final TextField boxW = number("box-width");
    private final TextField boxH = number("box-height");
    private final TextArea note = new TextArea();
    private final Label exported = new Label();

    ReviewView(InspectViewModel model, PhotoTextures photo, ObjectProperty<LayerImages> layers, FailureReporter failures) {
        this.model = model;
        this.review = model.review();
        this.failures = failures;
        setId("review-view");
        MapPanel picture = new MapPanel(model, photo, layers, "Findings (drag to pan, scroll to zoom; drag the selected box or its edges to adjust it)",
                LayerImages::student, true);
        picture.setId("panel-review");
        picture.onClick(at -> review.findings().stream().filter(f -> f.contains(at.getX(), at.getY())).findFirst()
                .ifPresent(f -> select(f.id())));
        ToggleButton draw = new ToggleButton("Draw a missed finding");
        draw.setId("draw-finding");
        picture.drawModeProperty().bind(draw.selectedProperty());
        picture.onAdjusted((id, r) -> act("Adjusting the box of finding " + id,
                () -> review.adjustBox(id, r.x, r.y, r.width, r.height)));
        picture.onDrawn(r -> act("Adding a finding", () -> {
            int id = review.add(r.x, r.y, r.width, r.height, "");
            draw.setSelected(false);
            select(id);
        }));
        Label drawHint = new Label("Toggle on, then drag a box around corrosion the model missed.");
        drawHint.getStyleClass().add("hint");
        HBox drawRow = new HBox(8, draw, drawHint);
        drawRow.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(6, picture, drawRow);
        VBox.setVgrow(picture, Priority.ALWAYS);
        left.getStyleClass().add("review-left");

        VBox right = new VBox(10, filters(), table(), decisions(), editor(), reportForm());
        right.getStyleClass().add("review-side");
        right.setPadding(new Insets(8));
        VBox.setVgrow(table, Priority.ALWAYS);
        ScrollPane rightScroll = new ScrollPane(right);
        rightScroll.setFitToWidth(true);
        rightScroll.setFitToHeight(true);
        rightScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        rightScroll.setMinWidth(520);
        getItems().addAll(left, rightScroll);
        setOrientation(Orientation.HORIZONTAL);
        setDividerPositions(0.5);

        review.selectedProperty().addListener((o, was, now) -> showSelected());
        review.rows().addListener((javafx.collections.ListChangeListener<FindingReview>) c -> showSelected());
        setOnKeyPressed(e -> {
            if (e.getTarget() instanceof TextArea || e.getTarget() instanceof TextField) {
                return;
            }
            if (new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN).match(e)) {
                review.undo();
            } else if (new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN).match(e)) {
                review.redo();
            } else if (e.getCode() == KeyCode.A) {
                selected(review::accept);
            } else if (e.getCode() == KeyCode.R) {
                selected(review::reject);
            } else {
                return;
            }
            e.consume();
        });
    }

    private HBox filters() {
        TextField text = new TextField();
        text.setId("findings-filter");
        text.setPromptText("Filter: id, note, decision…");
        text.textProperty().bindBidirectional(review.filterTextProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        ComboBox<Decision> decision = new ComboBox<>();
        decision.setId("decision-filter");
        decision.getItems().addAll(null, Decision.OPEN, Decision.ACCEPTED, Decision.REJECTED);
        decision.setConverter(new StringConverter<>() {
            @Override
            public String toString(Decision d) {
                return d == null ? "all decisions" : d.label();
            }

            @Override
            public Decision fromString(String s) {
                return null;
            }
        });
        decision.valueProperty().bindBidirectional(review.decisionFilterProperty());
        Label summary = new Label();
        summary.setId("review-summary");
        summary.textProperty().bind(review.summaryProperty());
        HBox box = new HBox(8, text, decision, summary);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private TableView<FindingReview> table() {
        table.setId("findings-table");
        table.setPlaceholder(new Label("No findings at this threshold."));
        table.getColumns().add(column("#", 44, f -> f.id()));
        table.getColumns().add(column("Decision", 80, f -> f.decision().label()));
        table.getColumns().add(decimals(column("Spread", 64, f -> f.added() ? null : f.disagreement())));
        table.getColumns().add(column("Votes", 54, FindingReview::votesText));
        table.getColumns().add(decimals(column("Peak", 54, f -> f.added() ? null : f.peak())));
        table.getColumns().add(column("Box (px)", 130, f -> f.x() + "," + f.y() + " " + f.width() + "×" + f.height()));
        table.getColumns().add(column("Origin", 70, FindingReview::origin));
        TableColumn<FindingReview, Object> noteColumn = column("Note", 160, FindingReview::note);
        table.getColumns().add(noteColumn);
        SortedList<FindingReview> sorted = new SortedList<>(review.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(FindingReview item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("finding-accepted", "finding-rejected", "finding-open");
                if (!empty && item != null) {
                    getStyleClass().add("finding-" + item.decision().name().toLowerCase(Locale.ROOT));
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now.id() != review.selectedProperty().get()) {
                model.selectFinding(now.id());
            }
        });
        table.setMinHeight(180);
        table.setPrefHeight(300);
        return table;
    }

    /** Shows numbers with three decimals (sorting stays numeric). */
    private static TableColumn<FindingReview, Object> decimals(TableColumn<FindingReview, Object> c) {
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Object item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? (empty ? null : "–") : String.format(Locale.ROOT, "%.3f", (Double) item));
            }
        });
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private static <T> TableColumn<FindingReview, Object> column(String title, double width, Function<FindingReview, T> value) {
        TableColumn<FindingReview, Object> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setComparator((a, b) -> {
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : -1) : 1;
            }
            if (a instanceof Comparable<?> ca && a.getClass() == b.getClass()) {
                @SuppressWarnings("unchecked")
                int r = ((Comparable<Object>) ca).compareTo(b);
                return r;
            }
            return a.toString().compareTo(b.toString());
        });
        return c;
    }

    private HBox decisions() {
        Button accept = button("Accept (A)", "review-accept", () -> selected(review::accept));
        accept.getStyleClass().add("accept");
        Button reject = button("Reject (R)", "review-reject", () -> selected(review::reject));
        reject.getStyleClass().add("reject");
        Button reopen = button("Reopen", "review-reopen", () -> selected(review::reopen));
        Button undo = button("Undo", "review-undo", review::undo);
        undo.textProperty().bind(review.undoTextProperty());
        undo.disableProperty().bind(review.canUndoProperty().not());
        Button redo = button("Redo", "review-redo", review::redo);
        redo.textProperty().bind(review.redoTextProperty());
        redo.disableProperty().bind(review.canRedoProperty().not());
        for (Button b : new Button[] {accept, reject, reopen}) {
            b.disableProperty().bind(review.selectedProperty().isEqualTo(0));
        }
        undo.setMaxWidth(220);
        redo.setMaxWidth(220);
        HBox box = new HBox(6, accept, reject, reopen, undo, redo);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private VBox editor() {
        Label heading = new Label("Selected finding");
        heading.getStyleClass().add("section-title");
        heading.textProperty().bind(Bindings.createStringBinding(() -> review.selectedProperty().get() == 0
                ? "Selected finding: none (click a row or a box)" : "Selected finding " + review.selectedProperty().get(),
                review.selectedProperty()));
        Button apply = button("Apply box", "box-apply", () -> selected(id -> review.adjustBox(id, parse(boxX, "x"),
                parse(boxY, "y"), parse(boxW, "width"), parse(boxH, "height"))));
        HBox box = new HBox(6, new Label("x"), boxX, new Label("y"), boxY, new Label("w"), boxW, new Label("h"), boxH, apply);
        box.setAlignment(Pos.CENTER_LEFT);
        note.setId("finding-note");
        note.setPromptText("Note for the report (what you saw, why you decided)");
        note.setPrefRowCount(2);
        note.setWrapText(true);
        Button saveNote = button("Save note", "note-save", () -> selected(id -> review.note(id, note.getText())));
        VBox editor = new VBox(6, heading, box, note, saveNote);
        editor.disableProperty().bind(review.selectedProperty().isEqualTo(0));
        return editor;
    }

    private VBox reportForm() {
        Label heading = new Label("Report");
        heading.getStyleClass().add("section-title");
        TextField inspector = field("report-inspector", review.inspectorProperty());
        TextField registration = field("report-registration", review.registrationProperty());
        registration.setPromptText("e.g. D-AIRX");
        TextField zone = field("report-zone", review.zoneProperty());
        zone.setPromptText("e.g. section 41, lower lobe, frames 12-14");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, new Label("Inspector"), inspector);
        form.addRow(1, new Label("Aircraft registration"), registration);
        form.addRow(2, new Label("Zone"), zone);
        GridPane.setHgrow(inspector, Priority.ALWAYS);
        GridPane.setHgrow(registration, Priority.ALWAYS);
        GridPane.setHgrow(zone, Priority.ALWAYS);
        Button export = button("Export report (PDF, CSV, JSON)", "report-export", () -> model.exportReport(files ->
                exported.setText("Written: " + files.pdf() + " (+ .findings.csv, .findings.json, .overlay.png)")));
        export.setDefaultButton(false);
        export.disableProperty().bind(model.findingsProperty().isNull());
        exported.setId("report-written");
        exported.setWrapText(true);
        exported.getStyleClass().add("hint");
        Label saved = new Label();
        saved.textProperty().bind(review.savedToProperty());
        saved.getStyleClass().add("hint");
        saved.setWrapText(true);
        saved.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        exported.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return new VBox(6, heading, form, export, exported, saved);
    }

    private static TextField field(String id, javafx.beans.property.StringProperty value) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(value);
        return f;
    }

    private static TextField number(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(4);
        return f;
    }

    private static int parse(TextField f, String name) {
        try {
            return Integer.parseInt(f.getText().strip());
        } catch (NumberFormatException e) {
            throw new tessera.util.TesseraException("box " + name + ": a whole number of pixels, not '" + f.getText() + "'");
        }
    }

    private Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> act(text, action));
        return b;
    }

    private void selected(java.util.function.IntConsumer action) {
        int id = review.selectedProperty().get();
        if (id != 0) {
            act("Reviewing finding " + id, () -> action.accept(id));
        }
    }

    private void act(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.report(what, e);
        }
    }

    private void select(int id) {
        model.selectFinding(id);
    }

    /** Shows the selected finding's box and note, and selects its row. */
    private void showSelected() {
        int id = review.selectedProperty().get();
        review.find(id).ifPresentOrElse(f -> {
            boxX.setText(String.valueOf(f.x()));
            boxY.setText(String.valueOf(f.y()));
            boxW.setText(String.valueOf(f.width()));
            boxH.setText(String.valueOf(f.height()));
            note.setText(f.note());
            table.getItems().stream().filter(r -> r.id() == id).findFirst().ifPresent(r -> {
                if (table.getSelectionModel().getSelectedItem() != r) {
                    table.getSelectionModel().select(r);
                    table.scrollTo(r);
                }
            });
        }, () -> {
            for (TextField f : new TextField[] {boxX, boxY, boxW, boxH}) {
                f.clear();
            }
            note.clear();
        });
    }
}
