package tessera.app.train;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;
import tessera.app.ActiveModels;
import tessera.app.AppState;
import tessera.app.UiTaskExecutor;
import tessera.app.experiments.MetricCurves;
import tessera.app.experiments.RunRow;
import tessera.experiment.RunRecord;
import tessera.util.TesseraException;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * The Train view's state and logic: the form, the queue of jobs, live curves of the running job,
 * the runs that can be resumed and the finished models that can be made active for inspection.
 */
public final class TrainViewModel implements AutoCloseable {

    private final AppState state;
    private final UiTaskExecutor tasks;
    private final Executor fxThread;
    private final RunQueue queue;
    private final TrainingForm form = new TrainingForm();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper chartTitle = new ReadOnlyStringWrapper("No run yet");
    private final ObservableList<XYChart.Series<Number, Number>> loss = FXCollections.observableArrayList();
    private final ObservableList<XYChart.Series<Number, Number>> accuracy = FXCollections.observableArrayList();
    private final ObservableList<StoredRun> resumable = FXCollections.observableArrayList();
    private final ObservableList<StoredRun> models = FXCollections.observableArrayList();

    /** {@code fxThread} delivers work to the FX thread (Platform::runLater; a direct executor in tests). */
    public TrainViewModel(AppState state, UiTaskExecutor tasks, Executor fxThread) {
        this.state = state;
        this.tasks = tasks;
        this.fxThread = fxThread;
        this.queue = new RunQueue(tasks, done -> state.runsChanged());
        state.runsChangedProperty().addListener((o, was, now) -> reload());
        form.device.set(state.deviceChoice());
    }

    public TrainingForm form() {
        return form;
    }

    public ObservableList<TrainingTask> jobs() {
        return queue.jobs();
    }

    /** Why the last Start was refused; empty when it was accepted. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty chartTitleProperty() {
        return chartTitle.getReadOnlyProperty();
    }

    /** Loss per epoch: one series per network and split ("member 2 · train"). */
    public ObservableList<XYChart.Series<Number, Number>> lossSeries() {
        return loss;
    }

    public ObservableList<XYChart.Series<Number, Number>> accuracySeries() {
        return accuracy;
    }

    public ObservableList<StoredRun> resumableRuns() {
        return resumable;
    }

    public ObservableList<StoredRun> finishedModels() {
        return models;
    }

    /** Validates the form and queues the job; false (with {@link #problemProperty()} set) when refused. */
    public boolean start() {
        TrainingRequest request;
        try {
            request = form.kind.get() == RunKind.ENSEMBLE
                    ? new TrainingRequest.NewEnsemble(form.ensembleSettings(state.workspace().ensemblesFolder()))
                    : new TrainingRequest.NewDistillation(form.distillationSettings());
        } catch (TesseraException e) {
            problem.set(e.getMessage());
            return false;
        }
        problem.set("");
        submit(request);
        return true;
    }

    public void resume(StoredRun run) {
        submit(new TrainingRequest.Resume(run.id(), run.kind()));
    }

    /** One click: an ensemble becomes the inspection ensemble, any other model the inspection student. */
    public void makeActive(StoredRun run) {
        if (run.model().isEmpty()) {
            throw new TesseraException("run " + run.id() + " has no model on disk");
        }
        ActiveModels now = state.activeModelsProperty().get();
        state.activeModelsProperty().set(run.isEnsemble()
                ? now.withEnsemble(run.model().get(), run.id())
                : now.withStudent(run.model().get(), run.id()));
    }

    /** Prepares a distillation from a finished ensemble. */
    public void distilFrom(StoredRun ensemble) {
        if (!ensemble.isEnsemble() || ensemble.model().isEmpty()) {
            throw new TesseraException("run " + ensemble.id() + " is not a finished ensemble");
        }
        form.kind.set(RunKind.DISTILLATION);
        form.teachers.set(ensemble.model().get().toString());
    }

    /** Shows the stored curves of a finished run (its members' for an ensemble), unless a job is running. */
    public void showHistory(StoredRun run) {
        if (queue.jobs().stream().anyMatch(TrainingTask::started)) {
            return; // the live curves of the running job stay on screen
        }
        List<RunRow> rows = List.of(RunRow.of(state.runStore().open(run.id()).record()));
        loss.clear();
        accuracy.clear();
        for (String split : List.of("train", "validation")) {
            for (MetricCurves.Curve c : MetricCurves.of(state.runStore(), rows, split + " loss")) {
                loss.add(series(network(c.name()) + split, c.points()));
            }
            for (MetricCurves.Curve c : MetricCurves.of(state.runStore(), rows, split + " accuracy")) {
                accuracy.add(series(network(c.name()) + split, c.points()));
            }
        }
        // The order of the live curves: by network, train before validation.
        loss.sort(java.util.Comparator.comparing(XYChart.Series::getName));
        accuracy.sort(java.util.Comparator.comparing(XYChart.Series::getName));
        chartTitle.set("Stored curves of run " + run.id());
    }

    /** "member 2 · " for an ensemble member's curve ("…-1a2b · m2"), "" for a single network. */
    private static String network(String curveName) {
        int dot = curveName.lastIndexOf(" · m");
        return dot < 0 ? "" : "member " + curveName.substring(dot + 4) + " · ";
    }

    private static XYChart.Series<Number, Number> series(String name, List<double[]> points) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        points.forEach(p -> series.getData().add(new XYChart.Data<>(p[0], p[1])));
        return series;
    }

    /** Reads the run store in the background and refreshes both lists. */
    public void reload() {
        tasks.run("Loading runs", () -> state.runStore().list(), this::showRuns);
    }

    /** Reads the run store on this thread (tests, and callers already off the FX thread). */
    public void reloadNow() {
        showRuns(state.runStore().list());
    }

    private void showRuns(List<RunRecord> runs) {
        resumable.setAll(StoredRun.resumable(runs));
        models.setAll(StoredRun.withModels(runs));
    }

    private void submit(TrainingRequest request) {
        TrainingTask task = new TrainingTask(request, new TrainingWork(state.runStore()), fxThread, this::plot);
        task.runIdProperty().addListener((o, was, id) -> {
            loss.clear();
            accuracy.clear();
            chartTitle.set(request.title() + " · run " + id);
            state.runsChanged();
        });
        queue.submit(task);
    }

    /** Adds one epoch to the curves (FX thread). */
    void plot(EpochPoint p) {
        add(loss, p.network() + " · train", p.epoch(), p.trainLoss());
        add(loss, p.network() + " · validation", p.epoch(), p.validationLoss());
        add(accuracy, p.network() + " · train", p.epoch(), p.trainAccuracy());
        add(accuracy, p.network() + " · validation", p.epoch(), p.validationAccuracy());
    }

    private static void add(ObservableList<XYChart.Series<Number, Number>> chart, String name, int epoch, double value) {
        if (Double.isNaN(value)) {
            return;
        }
        XYChart.Series<Number, Number> series = chart.stream().filter(s -> name.equals(s.getName())).findFirst().orElseGet(() -> {
            XYChart.Series<Number, Number> created = new XYChart.Series<>();
            created.setName(name);
            chart.add(created);
            return created;
        });
        series.getData().add(new XYChart.Data<>(epoch, value));
    }

    @Override
    public void close() {
        queue.close();
    }
}
