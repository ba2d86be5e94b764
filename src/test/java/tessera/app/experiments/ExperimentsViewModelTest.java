package tessera.app.experiments;

import javafx.scene.chart.XYChart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.app.AppState;
import tessera.app.UiTaskExecutor;
import tessera.app.Workspace;
import tessera.ensemble.EnsembleSettings;
import tessera.experiment.Run;
import tessera.experiment.RunStore;
import tessera.train.TrainingSettings;
import tessera.util.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Experiments view's logic on a real run store written by the test, without a screen. */
class ExperimentsViewModelTest {

    @TempDir
    Path dir;

    private final UiTaskExecutor tasks = new UiTaskExecutor((what, e) -> {
        throw new AssertionError(what, e);
    });
    private ExperimentsViewModel model;
    private Run meanTeacher;
    private Run simultaneous;
    private Run ensemble;

    @BeforeEach
    void givenAStoreWithAnEnsembleAndTwoStudents() throws Exception {
        Workspace workspace = Workspace.open(dir.resolve("ws"));
        RunStore store = workspace.runStore();
        Run m1 = trained(store, "teacher", settings("labels", 0.9), 0.80, new double[] {0.70, 0.78});
        Run m2 = trained(store, "teacher", settings("labels", 0.9), 0.82, new double[] {0.72, 0.80});
        EnsembleSettings es = new EnsembleSettings();
        es.base = settings("labels", 0.9);
        es.members = 2;
        es.architectures = List.of("cnn-small");
        ensemble = store.create("ensemble", Json.GSON.toJsonTree(es).getAsJsonObject());
        ensemble.putSummary("member_runs", m1.id() + "," + m2.id());
        ensemble.putSummary("test_accuracy_mean", 0.85);
        ensemble.putSummary("test_accuracy_borda", 0.84);
        ensemble.putSummary("test_accuracy", 0.85);
        ensemble.markFinished();
        new AgreementMatrix(List.of("m1", "m2"), new double[][] {{1, 0.9}, {0.9, 1}}).write(ensemble.dir());
        meanTeacher = trained(store, "distill", settings("mean-teacher", 0.9), 0.83, new double[] {0.75, 0.81});
        simultaneous = trained(store, "distill", settings("simultaneous", 0.5), 0.86, new double[] {0.76, 0.84});
        simultaneous.putSummary("latency_ms", 1.5);
        model = new ExperimentsViewModel(new AppState(workspace, "cpu"), tasks);
        model.reloadNow();
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    private static TrainingSettings settings(String mode, double alpha) {
        TrainingSettings s = new TrainingSettings();
        s.dataset = "/data/fashion-mnist";
        s.architecture = "cnn-small";
        s.objective = mode;
        s.alpha = alpha;
        return s;
    }

    private static Run trained(RunStore store, String kind, TrainingSettings s, double accuracy, double[] validation) {
        Run run = store.create(kind, Json.GSON.toJsonTree(s).getAsJsonObject());
        for (int e = 0; e < validation.length; e++) {
            run.appendMetric(e + 1, (e + 1) * 10L, "train", "loss", 1.0 / (e + 1));
            run.appendMetric(e + 1, (e + 1) * 10L, "validation", "accuracy", validation[e]);
        }
        run.putSummary("test_accuracy", accuracy);
        run.putSummary("test_macro_f1", accuracy - 0.01);
        run.putSummary("test_ece", 0.03);
        run.markFinished();
        return run;
    }

    private RunRow row(Run run) {
        return model.rows().stream().filter(r -> r.id().equals(run.id())).findFirst().orElseThrow();
    }

    @Test
    void everyRunIsATableRowWithTheIssuesColumns() {
        assertEquals(5, model.rows().size());
        RunRow student = row(simultaneous);
        assertEquals("distill", RunColumn.KIND.text(student));
        assertEquals("FINISHED", RunColumn.STATUS.text(student));
        assertEquals("fashion-mnist", RunColumn.DATASET.text(student));
        assertEquals("simultaneous", RunColumn.MODE.text(student));
        assertEquals("0.500", RunColumn.ALPHA.text(student));
        assertEquals("0.8600", RunColumn.ACCURACY.text(student));
        assertEquals("1.50", RunColumn.LATENCY.text(student));
        assertEquals("2", RunColumn.MEMBERS.text(row(ensemble)));
        assertEquals("", RunColumn.LATENCY.text(row(meanTeacher)));
    }

    @Test
    void givenAFilterThenOnlyRunsWithAllItsWordsRemain() {
        model.filterProperty().set("distill SIMULTANEOUS");
        assertEquals(List.of(simultaneous.id()), model.filteredRows().stream().map(RunRow::id).toList());
        model.filterProperty().set("");
        assertEquals(5, model.filteredRows().size());
    }

    @Test
    void givenTwoStudentsWhenSelectedThenTheDiffShowsOnlyWhatDiffersAndCurvesAndModesAppear() {
        model.select(List.of(row(meanTeacher), row(simultaneous)));

        Map<String, List<String>> diff = new java.util.LinkedHashMap<>();
        model.parameterDiff().forEach(r -> diff.put(r.parameter(), r.values()));
        assertEquals(Map.of("objective", List.of("mean-teacher", "simultaneous"), "alpha", List.of("0.9", "0.5")), diff);

        assertEquals("validation accuracy", model.metricProperty().get());
        assertEquals(2, model.curves().size());
        assertEquals(List.of(0.76, 0.84), model.curves().get(1).getData().stream().map(d -> d.getYValue().doubleValue()).toList());

        List<String> modes = model.modeBars().get(0).getData().stream().map(XYChart.Data::getXValue).toList();
        assertTrue(modes.get(0).startsWith("mean-teacher") && modes.get(1).startsWith("simultaneous"), modes.toString());
        assertEquals(1, model.latencyBars().get(0).getData().size());
        assertTrue(model.fusionBars().isEmpty());
        assertNull(model.agreementProperty().get());
    }

    @Test
    void givenAnEnsembleWhenSelectedThenFusionMethodsMemberCurvesAndAgreementAppear() {
        model.select(List.of(row(ensemble)));

        List<String> methods = model.fusionBars().get(0).getData().stream().map(XYChart.Data::getXValue).toList();
        assertEquals(List.of("borda", "mean"), methods);
        assertEquals(List.of(row(ensemble).shortId() + " · m1", row(ensemble).shortId() + " · m2"),
                model.curves().stream().map(XYChart.Series::getName).toList());
        AgreementMatrix matrix = model.agreementProperty().get();
        assertNotNull(matrix);
        assertEquals(0.9, matrix.agreement()[0][1], 1e-9);
    }

    @Test
    void anEnsembleComparesByItsMembersRecipeSoSharedSettingsAreNotListed() {
        model.select(List.of(row(ensemble), row(meanTeacher)));
        List<String> keys = model.parameterDiff().stream().map(ParameterDiff.Row::parameter).toList();
        assertTrue(keys.containsAll(List.of("kind", "objective", "members")), keys.toString());
        assertTrue(!keys.contains("dataset") && !keys.contains("base.dataset") && !keys.contains("architecture"), keys.toString());
    }

    @Test
    void givenStoredRunIdsWhenPreselectedThenTheyAreSelectedAfterTheStoreIsRead() {
        model.preselect(List.of(meanTeacher.id(), simultaneous.id().substring(0, simultaneous.id().length() - 2)));
        model.reloadNow();
        assertEquals(List.of(simultaneous.id(), meanTeacher.id()).stream().sorted().toList(),
                model.selectedRuns().stream().map(RunRow::id).sorted().toList());
        assertEquals(2, model.curves().size());
    }

    @Test
    void givenFilteredRowsWhenExportedThenTheCsvHasTheVisibleColumnsAndRows() throws Exception {
        model.filterProperty().set("mean-teacher");
        Path csv = dir.resolve("out/runs.csv");
        Files.createDirectories(csv.getParent());
        model.exportCsv(csv, List.of(RunColumn.ID, RunColumn.MODE, RunColumn.ACCURACY), List.copyOf(model.filteredRows()));
        assertEquals(List.of("Run,Mode,Accuracy", meanTeacher.id() + ",mean-teacher,0.8300"), Files.readAllLines(csv));
    }

    @Test
    void agreementIsTheShareOfSamplesWhereTwoMembersPickTheSameClass() {
        double[][][] p = {
                {{0.9, 0.1}, {0.2, 0.8}, {0.6, 0.4}, {0.3, 0.7}},
                {{0.8, 0.2}, {0.7, 0.3}, {0.6, 0.4}, {0.1, 0.9}},
        };
        AgreementMatrix m = AgreementMatrix.of(List.of("a", "b"), p);
        assertEquals(1.0, m.agreement()[0][0]);
        assertEquals(0.75, m.agreement()[0][1]);
        assertEquals(0.75, m.agreement()[1][0]);
    }

    @Test
    void aBrokenAgreementFileIsRefusedByName() throws Exception {
        Files.writeString(ensemble.dir().resolve(AgreementMatrix.FILE), "member,m1,m2\nm1,1,x\nm2,1,1\n");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> AgreementMatrix.read(ensemble.dir()));
        assertTrue(e.getMessage().contains(AgreementMatrix.FILE) && e.getMessage().contains("not a number"), e.getMessage());
    }
}
