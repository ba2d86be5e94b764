package tessera.app;

import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.TaskProgressView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;
import tessera.app.experiments.ParameterDiff;
import tessera.app.experiments.RunRow;
import tessera.app.train.RunOutcome;
import tessera.app.train.StoredRun;
import tessera.app.train.TrainingTask;
import tessera.experiment.Run;
import tessera.experiment.RunStore;
import tessera.train.TrainingSettings;
import tessera.util.Json;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real workstation window (headless, Monocle): train a tiny ensemble, see it in Experiments, compare runs. */
class WorkstationGuiTest extends ApplicationTest {

    @TempDir
    Path dir;

    private WorkstationShell shell;

    @Override
    public void start(Stage stage) {
        System.setProperty("tessera.samples", "false"); // no sample inspection competing with the training here
        shell = WorkstationShell.open(stage, new WorkstationOptions(Optional.of(dir.resolve("ws")), 0, "cpu"));
        stage.requestFocus();
    }

    @AfterEach
    void close() throws Exception {
        interact(() -> shell.close());
    }

    /** Types into a form field as a user would: select what is there, then type over it. */
    private void replace(String field, String text) {
        TextInputControl input = lookup(field).queryAs(TextInputControl.class);
        clickOn(input);
        interact(input::selectAll); // numeric fields refuse to become empty, so type over a selection
        write(text);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text, input.getText());
    }

    @Test
    void givenTinyDataWhenAnEnsembleIsTrainedThenProgressCurvesTheRunsTableAndActivationFollow() throws Exception {
        Path data = TinyData.twoClassImages(dir.resolve("data"), 24);
        clickOn("Train");

        clickOn("#start-training");
        Label problem = lookup("#train-problem").queryAs(Label.class);
        assertTrue(problem.isVisible() && problem.getText().startsWith("Data set:"), problem.getText());

        replace("#field-dataset", data.toString());
        replace("#field-members", "2");
        replace("#field-epochs", "1");
        // several batches per member: Task coalesces progress updates, so one batch each could reach the screen as 1.0 alone
        replace("#field-batch-size", "4");
        replace("#field-ensemble-name", "gui-teachers");
        assertEquals(2, shell.trainModel().form().members.get());
        assertEquals(1, shell.trainModel().form().epochs.get());

        List<Double> progress = new CopyOnWriteArrayList<>();
        List<TrainingTask> queued = watchQueue(progress, null);
        TaskProgressView<?> queue = lookup("#run-queue").queryAs(TaskProgressView.class);
        clickOn("#start-training");
        assertTrue(problem.getText().isEmpty(), problem.getText());
        TrainingTask task = queued.get(0);
        assertTrue(queue.getTasks().contains(task) || task.isDone(), "the queue view shows the job");

        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> task.isDone() && shell.trainModel().jobs().isEmpty());
        RunOutcome outcome = task.get();
        assertTrue(progress.stream().anyMatch(p -> p > 0 && p < 1), "progress moved through the job: " + progress);
        assertEquals(1.0, progress.get(progress.size() - 1), 1e-9);
        LineChart<?, ?> loss = lookup("#loss-chart").queryAs(LineChart.class);
        assertEquals(List.of("member 1 · train", "member 1 · validation", "member 2 · train", "member 2 · validation"),
                loss.getData().stream().map(s -> s.getName()).toList());

        clickOn("Experiments");
        TableView<RunRow> runs = lookup("#runs-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().stream()
                .anyMatch(r -> r.id().equals(outcome.runId()) && r.status().equals("FINISHED")));
        assertEquals(3, runs.getItems().size(), "the ensemble and its two members");

        // The members' agreement, computed by running them on the test split.
        RunRow ensembleRow = runs.getItems().stream().filter(r -> r.id().equals(outcome.runId())).findFirst().orElseThrow();
        clickOn(row(runs, runs.getItems().indexOf(ensembleRow)));
        clickOn("Agreement");
        clickOn("#compute-agreement");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> shell.experimentsModel().agreementProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4, lookup(".agreement-cell").queryAll().size(), "2 × 2 members");
        assertTrue(java.nio.file.Files.isRegularFile(ensembleRow.dir().resolve("agreement.csv")));

        clickOn("Train");
        ListView<StoredRun> models = lookup("#finished-models").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !models.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        clickOn(cell(models, 0));
        clickOn("#make-active");
        assertEquals(outcome.model().orElseThrow(), shell.state().activeModelsProperty().get().ensemble().orElseThrow());
        assertTrue(lookup("#status-models").queryAs(Label.class).getText().contains("ensemble gui-teachers"));
        assertTrue(lookup("#status-device").queryAs(Label.class).getText().startsWith("Device: cpu"));
    }

    @Test
    void givenARunningStudentWhenCancelledFromTheQueueThenItCanBeResumedToTheEnd() throws Exception {
        Path data = TinyData.twoClassImages(dir.resolve("data"), 48);
        clickOn("Train");
        interact(() -> shell.trainModel().form().kind.set(tessera.app.train.RunKind.DISTILLATION));
        replace("#field-dataset", data.toString());
        interact(() -> shell.trainModel().form().mode.set("labels"));
        replace("#field-epochs", "3");
        replace("#field-batch-size", "8");

        List<Double> progress = new CopyOnWriteArrayList<>();
        // At the first batch, the queue's own Cancel button is fired (a robot click is lost while its
        // list cell re-lays out on every progress update).
        List<TrainingTask> queued = watchQueue(progress, () -> lookup(".task-cancel-button").queryButton().fire());
        clickOn("#start-training");
        TrainingTask task = queued.get(0);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> task.isDone() && shell.trainModel().jobs().isEmpty());
        assertTrue(task.isCancelled());

        ListView<StoredRun> resumable = lookup("#resumable-runs").queryListView();
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> resumable.getItems().size() == 1);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("resumable " + resumable.getItems() + "; store " + shell.state().runStore().list().stream()
                    .map(r -> r.id() + " " + r.displayStatus()).toList() + "; task " + task.isCancelled() + " progress " + progress);
        }
        assertEquals("CANCELLED", resumable.getItems().get(0).status());
        WaitForAsyncUtils.waitForFxEvents();
        clickOn(cell(resumable, 0));
        List<TrainingTask> resumedJobs = watchQueue(new CopyOnWriteArrayList<>(), null);
        clickOn("#resume-run");
        TrainingTask resumed = resumedJobs.get(0);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> resumed.isDone() && shell.trainModel().jobs().isEmpty());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> resumable.getItems().isEmpty());
        assertEquals("FINISHED", shell.state().runStore().open(resumed.get().runId()).record().status().name());
    }

    @Test
    void aFailedBackgroundJobIsShownInTheStatusBarNotSwallowed() throws Exception {
        interact(() -> shell.tasks().run("Reading the broken run", () -> {
            throw new tessera.util.TesseraException("run.json: not JSON");
        }, value -> { }));
        Label problem = lookup("#status-problem").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !problem.getText().isEmpty());
        assertEquals("Reading the broken run failed: run.json: not JSON", problem.getText());
    }

    @Test
    void givenTwoStudentsInTheStoreWhenBothAreSelectedThenTheirDifferencesAndCurvesAreShown() throws Exception {
        RunStore store = shell.state().runStore();
        Run first = student(store, "mean-teacher", 0.81);
        Run second = student(store, "per-teacher", 0.84);
        clickOn("Experiments");
        clickOn("#runs-refresh");
        TableView<RunRow> runs = lookup("#runs-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.getItems().size() == 2);

        clickOn("#runs-filter").write("teacher");
        assertEquals(2, runs.getItems().size());
        clickOn(row(runs, 0));
        press(KeyCode.CONTROL).clickOn(row(runs, 1)).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, runs.getSelectionModel().getSelectedItems().size());

        TableView<ParameterDiff.Row> diff = lookup("#parameter-diff").queryTableView();
        assertEquals(List.of("objective"), diff.getItems().stream().map(ParameterDiff.Row::parameter).toList());
        assertEquals(3, diff.getColumns().size(), "parameter and one column per run");
        LineChart<?, ?> curves = lookup("#curves-chart").queryAs(LineChart.class);
        assertEquals(2, curves.getData().size());
        assertTrue(List.of(first.id(), second.id()).containsAll(
                shell.experimentsModel().selectedRuns().stream().map(RunRow::id).toList()));
    }

    /**
     * The jobs the Train view queues from now on, each watched from the moment it is queued (on the FX
     * thread, so no progress is missed however fast it trains); {@code atFirstBatch} runs once on the FX thread.
     */
    private List<TrainingTask> watchQueue(List<Double> progress, Runnable atFirstBatch) {
        List<TrainingTask> seen = new CopyOnWriteArrayList<>();
        boolean[] fired = {false};
        interact(() -> shell.trainModel().jobs().addListener((javafx.collections.ListChangeListener<TrainingTask>) c -> {
            while (c.next()) {
                for (TrainingTask t : c.getAddedSubList()) {
                    seen.add(t);
                    t.progressProperty().addListener((o, was, now) -> {
                        progress.add(now.doubleValue());
                        if (atFirstBatch != null && now.doubleValue() > 0 && !fired[0]) {
                            fired[0] = true;
                            atFirstBatch.run();
                        }
                    });
                }
            }
        }));
        return seen;
    }

    /** The list cell showing item {@code index}. */
    private static javafx.scene.control.ListCell<?> cell(ListView<?> list, int index) {
        return list.lookupAll(".list-cell").stream().map(n -> (javafx.scene.control.ListCell<?>) n)
                .filter(c -> c.getIndex() == index && !c.isEmpty()).findFirst().orElseThrow();
    }

    /** The table row showing item {@code index} (rows are recycled cells, not in index order). */
    private static TableRow<?> row(TableView<?> table, int index) {
        return table.lookupAll(".table-row-cell").stream().map(n -> (TableRow<?>) n)
                .filter(r -> r.getIndex() == index && !r.isEmpty()).findFirst().orElseThrow();
    }

    private static Run student(RunStore store, String mode, double accuracy) {
        TrainingSettings s = new TrainingSettings();
        s.dataset = "/data/tiles";
        s.objective = mode;
        Run run = store.create("distill", Json.GSON.toJsonTree(s).getAsJsonObject());
        run.appendMetric(1, 10, "validation", "accuracy", accuracy - 0.05);
        run.appendMetric(2, 20, "validation", "accuracy", accuracy);
        run.putSummary("test_accuracy", accuracy);
        run.markFinished();
        return run;
    }
}
