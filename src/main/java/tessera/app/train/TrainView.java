package tessera.app.train;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.control.TaskProgressView;
import tessera.app.FailureReporter;
import tessera.app.form.FormItem;
import tessera.app.form.FormSheets;
import tessera.model.Architectures;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** The Train view: the run form, the queue with live curves, resumable runs and finished models. Binds only. */
public final class TrainView extends BorderPane {

    private final TrainViewModel model;
    private final FailureReporter failures;
    private final PropertySheet sheet = FormSheets.create(List.of());

    public TrainView(TrainViewModel model, FailureReporter failures) {
        this.model = model;
        this.failures = failures;
        setId("train-view");
        setLeft(formPanel());
        setCenter(progressPanel());
        setRight(runsPanel());
    }

    private VBox formPanel() {
        TrainingForm form = model.form();
        Label title = sectionTitle("New run");
        ComboBox<RunKind> kind = new ComboBox<>();
        kind.setId("run-kind");
        kind.getItems().setAll(RunKind.values());
        kind.valueProperty().bindBidirectional(form.kind);
        kind.setMaxWidth(Double.MAX_VALUE);
        form.kind.addListener((o, was, now) -> fillSheet(now));
        fillSheet(form.kind.get());
        VBox.setVgrow(sheet, Priority.ALWAYS);

        Button dataset = new Button("Data set…");
        dataset.setId("choose-dataset");
        dataset.setOnAction(e -> chooseFolder("Choose the data set folder").ifPresent(f -> form.dataset.set(f.getPath())));
        Button teachers = new Button("Teachers…");
        teachers.setId("choose-teachers");
        teachers.disableProperty().bind(form.kind.isNotEqualTo(RunKind.DISTILLATION));
        teachers.setOnAction(e -> chooseFolder("Choose the teacher ensemble folder").ifPresent(f -> form.teachers.set(f.getPath())));
        Button start = new Button("Start");
        start.setId("start-training");
        start.setDefaultButton(true);
        start.setOnAction(e -> model.start());
        HBox buttons = new HBox(8, dataset, teachers, start);
        Label problem = new Label();
        problem.setId("train-problem");
        problem.getStyleClass().add("validation-error");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        VBox panel = new VBox(8, title, kind, sheet, buttons, problem);
        panel.getStyleClass().add("form-panel");
        panel.setPrefWidth(400);
        panel.setMinWidth(340);
        return panel;
    }

    private void fillSheet(RunKind kind) {
        TrainingForm f = model.form();
        List<FormItem> items = new ArrayList<>();
        // One category: an accordion of several would hide all but one section of the form.
        String data = kind == RunKind.ENSEMBLE ? "Ensemble run" : "Distillation run";
        items.add(FormItem.text("dataset", data, "Data set", "Folder: IDX, image folder, CIFAR binary or tessera synth", f.dataset));
        items.add(FormItem.text("format", data, "Format", "Empty: detected; else idx, folder, cifar10, cifar100, synth", f.format));
        items.add(FormItem.decimal("validation", data, "Validation", "Fraction of training data held out for validation", f.validation));
        String network = data;
        items.add(FormItem.text("architectures", network, kind == RunKind.ENSEMBLE ? "Architectures" : "Architecture",
                "Known: " + String.join(", ", Architectures.names()) + (kind == RunKind.ENSEMBLE ? " (comma list, cycled)" : ""),
                f.architectures));
        if (kind == RunKind.ENSEMBLE) {
            items.add(FormItem.integer("members", network, "Members", "Number of teachers", f.members));
            items.add(FormItem.decimal("subset", network, "Subset", "Fraction of the training data each teacher sees", f.subset));
            items.add(FormItem.text("ensemble-name", network, "Ensemble name", "Folder name under <workspace>/ensembles (empty: dated)", f.ensembleName));
        } else {
            items.add(FormItem.choice("mode", network, "Mode", "What the student learns from", f.mode, TrainingForm.modes()));
            items.add(FormItem.text("teachers", network, "Teachers", "The teacher ensemble folder", f.teachers));
            items.add(FormItem.decimal("temperature", network, "Temperature T", "Softmax temperature on both sides", f.temperature));
            items.add(FormItem.decimal("alpha", network, "Alpha", "Weight of the distillation term; 1 - alpha weighs the labels", f.alpha));
        }
        String training = data;
        items.add(FormItem.integer("epochs", training, "Epochs", "Passes over the training data", f.epochs));
        items.add(FormItem.integer("batch-size", training, "Batch size", "Samples per step", f.batchSize));
        items.add(FormItem.integer("seed", training, "Seed", "Random seed (members add 1000·k)", f.seed));
        items.add(FormItem.choice("device", training, "Device", "auto uses the GPU when there is one", f.device, List.of("auto", "cpu", "gpu")));
        sheet.getItems().setAll(items);
    }

    private VBox progressPanel() {
        TaskProgressView<TrainingTask> queueView = new TaskProgressView<>();
        queueView.setId("run-queue");
        queueView.setPrefHeight(190);
        queueView.setMinHeight(150);
        model.jobs().addListener((ListChangeListener<TrainingTask>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(t -> queueView.getTasks().add(t));
            }
        });
        Label chartTitle = new Label();
        chartTitle.setId("chart-title");
        chartTitle.getStyleClass().add("section-title");
        chartTitle.textProperty().bind(model.chartTitleProperty());
        LineChart<Number, Number> loss = chart("Loss per epoch", "loss");
        loss.setId("loss-chart");
        loss.setData(model.lossSeries());
        LineChart<Number, Number> accuracy = chart("Accuracy per epoch", "accuracy");
        accuracy.setId("accuracy-chart");
        accuracy.setData(model.accuracySeries());
        HBox charts = new HBox(8, loss, accuracy);
        HBox.setHgrow(loss, Priority.ALWAYS);
        HBox.setHgrow(accuracy, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox panel = new VBox(8, sectionTitle("Queue (one run at a time)"), queueView, chartTitle, charts);
        panel.getStyleClass().add("panel");
        return panel;
    }

    private static LineChart<Number, Number> chart(String title, String yLabel) {
        NumberAxis epochs = tessera.app.Charts.epochAxis();
        NumberAxis values = new NumberAxis();
        values.setLabel(yLabel);
        values.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(epochs, values);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setMinWidth(200);
        return chart;
    }

    private VBox runsPanel() {
        ListView<StoredRun> resumable = new ListView<>(model.resumableRuns());
        resumable.setId("resumable-runs");
        resumable.setPlaceholder(new Label("No interrupted or cancelled runs"));
        resumable.setPrefHeight(160);
        Button resume = new Button("Resume");
        resume.setId("resume-run");
        resume.disableProperty().bind(resumable.getSelectionModel().selectedItemProperty().isNull());
        resume.setOnAction(e -> act("Resuming a run", () -> model.resume(resumable.getSelectionModel().getSelectedItem())));

        ListView<StoredRun> models = new ListView<>(model.finishedModels());
        models.setId("finished-models");
        models.setPlaceholder(new Label("No finished ensembles or students yet"));
        VBox.setVgrow(models, Priority.ALWAYS);
        models.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                act("Showing the curves of " + now.id(), () -> model.showHistory(now));
            }
        });
        // Start with the newest finished model's curves rather than empty charts; the curves of a job that has
        // just finished stay on screen (the list changes when it ends, and they are what the user was watching).
        model.finishedModels().addListener((ListChangeListener<StoredRun>) c -> {
            if (models.getSelectionModel().isEmpty() && !models.getItems().isEmpty() && model.lossSeries().isEmpty()) {
                models.getSelectionModel().select(0);
            }
        });
        Button activate = new Button("Use for inspection");
        activate.setId("make-active");
        activate.disableProperty().bind(models.getSelectionModel().selectedItemProperty().isNull());
        activate.setOnAction(e -> act("Making a model active", () -> model.makeActive(models.getSelectionModel().getSelectedItem())));
        Button distil = new Button("Distil from it");
        distil.setId("distil-from");
        distil.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            StoredRun r = models.getSelectionModel().getSelectedItem();
            return r == null || !r.isEnsemble();
        }, models.getSelectionModel().selectedItemProperty()));
        distil.setOnAction(e -> act("Preparing a distillation", () -> model.distilFrom(models.getSelectionModel().getSelectedItem())));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> model.reload());

        VBox panel = new VBox(8, sectionTitle("Resume an interrupted run"), resumable, new HBox(8, resume, refresh),
                sectionTitle("Finished models"), models, new HBox(8, activate, distil));
        panel.getStyleClass().add("panel");
        panel.setPadding(new Insets(10));
        panel.setPrefWidth(440);
        panel.setMinWidth(320);
        return panel;
    }

    private java.util.Optional<File> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return java.util.Optional.ofNullable(chooser.showDialog(getScene().getWindow()));
    }

    private void act(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.report(what, e);
        }
    }

    private static Label sectionTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }
}
