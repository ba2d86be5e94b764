package tessera.app.inspect;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import tessera.app.FailureReporter;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * The Inspect view: thumbnails of the opened images, the synchronised map panels (photograph with
 * the student's map, fused ensemble, votes, disagreement, every teacher), the controls, the tile's
 * votes and the cost; a second tab reviews the findings and exports the report. Binds to
 * {@link InspectViewModel} only.
 */
public final class InspectView extends StackPane {

    public static final String STYLESHEET = "/tessera/app/inspect/inspect.css";

    private final InspectViewModel model;
    private final PhotoTextures photo = new PhotoTextures();
    private final ObjectProperty<LayerImages> layers = new SimpleObjectProperty<>();
    private final GridPane teacherGrid = new GridPane();
    private final List<MapPanel> teacherPanels = new ArrayList<>();

    public InspectView(InspectViewModel model, FailureReporter failures, Runnable chooseImages) {
        this.model = model;
        setId("inspect-view");
        getStylesheets().add(InspectView.class.getResource(STYLESHEET).toExternalForm());
        model.rastersProperty().addListener((o, was, now) -> layers.set(LayerImages.of(now)));

        TabPane tabs = new TabPane();
        tabs.setId("inspect-tabs");
        tabs.getStyleClass().add("inspect-tabs");
        Tab maps = new Tab("Maps", maps());
        maps.setId("tab-maps");
        maps.setClosable(false);
        ReviewView reviewView = new ReviewView(model, photo, layers, failures);
        Tab review = new Tab("Review & report", reviewView);
        review.setId("tab-review");
        review.setClosable(false);
        review.textProperty().bind(Bindings.createStringBinding(() -> "Review & report (" + model.review().findings().size() + ")",
                model.review().rows()));
        tabs.getTabs().addAll(maps, review);

        BorderPane content = new BorderPane();
        content.setTop(new VBox(toolbar(chooseImages), new ThumbnailStrip(model)));
        content.setCenter(tabs);
        VBox empty = emptyState(chooseImages);
        empty.visibleProperty().bind(model.inspectionProperty().isNull());
        content.visibleProperty().bind(model.inspectionProperty().isNotNull());
        getChildren().addAll(content, empty);

        setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            Dragboard board = e.getDragboard();
            boolean done = false;
            if (board.hasFiles()) {
                try {
                    model.open(board.getFiles().stream().map(File::toPath).toList());
                    done = true;
                } catch (RuntimeException ex) {
                    failures.report("Opening the dropped files", ex);
                }
            }
            e.setDropCompleted(done);
            e.consume();
        });
        model.inspectionProperty().addListener((o, was, now) -> {
            if (now != null) {
                photo.use(now.pyramid());
            }
            rebuildTeachers();
        });
    }

    private HBox toolbar(Runnable chooseImages) {
        Button open = new Button("Open…");
        open.setId("inspect-open");
        open.setOnAction(e -> chooseImages.run());
        ProgressBar progress = new ProgressBar();
        progress.setId("inspect-progress");
        progress.setPrefWidth(180);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        Label progressText = new Label();
        progressText.textProperty().bind(model.progressTextProperty());
        progressText.visibleProperty().bind(model.busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("inspect-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.busyProperty());
        Label message = new Label();
        message.setId("inspect-message");
        message.textProperty().bind(model.messageProperty());
        message.setMinWidth(100);
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(10, open, message, progressText, progress, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("inspect-toolbar");
        return bar;
    }

    private SplitPane maps() {
        MapPanel student = new MapPanel(model, photo, layers, "Photograph · student map", LayerImages::student, true);
        student.setId("panel-student");
        MapPanel ensemble = new MapPanel(model, photo, layers, "Ensemble map (fused)", LayerImages::ensemble, false);
        ensemble.setId("panel-ensemble");
        ensemble.getChildren().get(0).getStyleClass().add("ensemble-title");
        ((Label) ensemble.getChildren().get(0)).textProperty().bind(Bindings.createStringBinding(
                () -> "Ensemble map · " + model.fusionMethodProperty().get().id(), model.fusionMethodProperty()));
        MapPanel votes = new MapPanel(model, photo, layers, "Votes (teachers at or above the threshold)", LayerImages::votes, false);
        votes.setId("panel-votes");
        MapPanel spread = new MapPanel(model, photo, layers, "Disagreement (teachers' spread)", LayerImages::disagreement, false);
        spread.setId("panel-disagreement");
        VBox teachers = new VBox(teacherGrid);
        teachers.setId("teacher-panels");
        teachers.getStyleClass().add("map-panel");
        teacherGrid.setHgap(4);
        teacherGrid.setVgap(4);
        VBox.setVgrow(teacherGrid, Priority.ALWAYS);

        HBox top = new HBox(6, student, ensemble);
        HBox bottom = new HBox(6, votes, spread, teachers);
        for (javafx.scene.Node n : List.of(student, ensemble, votes, spread, teachers)) {
            HBox.setHgrow(n, Priority.ALWAYS);
            ((javafx.scene.layout.Region) n).setMaxWidth(Double.MAX_VALUE);
            ((javafx.scene.layout.Region) n).setPrefWidth(100);
        }
        VBox grid = new VBox(6, top, bottom);
        grid.getStyleClass().add("map-grid");
        VBox.setVgrow(top, Priority.ALWAYS);
        VBox.setVgrow(bottom, Priority.ALWAYS);
        top.setPrefHeight(600);
        bottom.setPrefHeight(400);

        VBox side = new VBox(12, new ControlsPanel(model), new CostPanel(model), new TileDetailPanel(model));
        side.getStyleClass().add("inspect-side");
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.setMinWidth(330);
        sideScroll.setPrefWidth(350);
        SplitPane split = new SplitPane(grid, sideScroll);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.75);
        SplitPane.setResizableWithParent(sideScroll, false);
        return split;
    }

    /** One small panel per teacher, in a near-square grid. */
    private void rebuildTeachers() {
        Inspection i = model.inspectionProperty().get();
        int n = i == null ? 0 : i.result().map(r -> r.teacherCount()).orElse(0);
        if (n == teacherPanels.size()) {
            return;
        }
        teacherGrid.getChildren().clear();
        teacherGrid.getColumnConstraints().clear();
        teacherGrid.getRowConstraints().clear();
        teacherPanels.clear();
        int cols = (int) Math.ceil(Math.sqrt(n));
        List<String> names = i == null ? List.of() : i.result().map(r -> r.teacherNames()).orElse(List.of());
        for (int t = 0; t < n; t++) {
            int k = t;
            MapPanel p = new MapPanel(model, photo, layers, "T" + (t + 1) + " · " + names.get(t),
                    l -> k < l.teachers().size() ? l.teachers().get(k) : null, false);
            p.setId("panel-teacher-" + (t + 1));
            p.getStyleClass().add("teacher-panel");
            GridPane.setHgrow(p, Priority.ALWAYS);
            GridPane.setVgrow(p, Priority.ALWAYS);
            p.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            p.setPrefSize(60, 60);
            teacherGrid.add(p, t % cols, t / cols);
            teacherPanels.add(p);
        }
    }

    private VBox emptyState(Runnable chooseImages) {
        Label title = new Label("Open an image");
        title.getStyleClass().add("empty-state-title");
        Label hint = new Label();
        hint.getStyleClass().add("empty-state-hint");
        hint.setWrapText(true);
        hint.setMaxWidth(640);
        hint.textProperty().bind(model.messageProperty());
        Label models = new Label();
        models.getStyleClass().add("empty-state-hint");
        models.textProperty().bind(Bindings.createStringBinding(() -> "Models for inspection: "
                + model.state().activeModelsProperty().get().describe(), model.state().activeModelsProperty()));
        Button open = new Button("Open image(s)…");
        open.setId("open-images");
        open.setDefaultButton(true);
        open.setOnAction(e -> chooseImages.run());
        VBox box = new VBox(12, title, hint, open, models);
        box.setId("inspect-empty");
        box.getStyleClass().add("empty-state");
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
