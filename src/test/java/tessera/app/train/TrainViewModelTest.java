package tessera.app.train;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.app.ActiveModels;
import tessera.app.AppState;
import tessera.app.UiTaskExecutor;
import tessera.app.Workspace;
import tessera.ensemble.EnsembleInfo;
import tessera.experiment.Run;
import tessera.experiment.RunStore;
import tessera.train.TrainingSettings;
import tessera.util.Json;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Train view's logic without a screen: validation, the lists from the run store, one-click activation. */
class TrainViewModelTest {

    @TempDir
    Path dir;

    private final UiTaskExecutor tasks = new UiTaskExecutor((what, e) -> {
        throw new AssertionError(what, e);
    });
    private AppState state;
    private TrainViewModel model;

    @BeforeEach
    void open() {
        state = new AppState(Workspace.open(dir.resolve("ws")), "cpu");
        model = new TrainViewModel(state, tasks, Runnable::run);
    }

    @AfterEach
    void close() {
        model.close();
        tasks.close();
    }

    @Test
    void givenAnEmptyFormWhenStartedThenItIsRefusedNamingTheDataSet() {
        assertFalse(model.start());
        assertTrue(model.problemProperty().get().startsWith("Data set:"), model.problemProperty().get());
        assertTrue(model.jobs().isEmpty());
    }

    @Test
    void anUnknownArchitectureOrMissingTeachersAreRefusedNamingTheField() throws Exception {
        model.form().dataset.set(Files.createDirectories(dir.resolve("data")).toString());
        model.form().architectures.set("cnn-small,transformer-xl");
        assertFalse(model.start());
        assertTrue(model.problemProperty().get().startsWith("Architectures:"), model.problemProperty().get());

        model.form().architectures.set("cnn-small");
        model.form().kind.set(RunKind.DISTILLATION);
        model.form().mode.set("per-teacher");
        assertFalse(model.start());
        assertTrue(model.problemProperty().get().startsWith("Teachers:"), model.problemProperty().get());

        model.form().teachers.set(dir.resolve("data").toString());
        assertFalse(model.start());
        assertTrue(model.problemProperty().get().contains("not an ensemble folder"), model.problemProperty().get());
    }

    @Test
    void anEnsembleNameThatExistsIsRefused() throws Exception {
        model.form().dataset.set(Files.createDirectories(dir.resolve("data")).toString());
        model.form().ensembleName.set("teachers");
        Files.createDirectories(state.workspace().ensemblesFolder().resolve("teachers"));
        assertFalse(model.start());
        assertTrue(model.problemProperty().get().contains("already exists"), model.problemProperty().get());
    }

    @Test
    void givenStoredRunsThenInterruptedOnesAreResumableAndFinishedModelsCanBeMadeActive() throws Exception {
        RunStore store = state.runStore();
        Run cancelled = store.create("distill", Json.GSON.toJsonTree(new TrainingSettings()).getAsJsonObject());
        cancelled.markCancelled();
        Run member = store.create("teacher", Json.GSON.toJsonTree(new TrainingSettings()).getAsJsonObject());
        member.markCancelled();
        Path folder = Files.createDirectories(dir.resolve("ws/ensembles/teachers"));
        Files.writeString(folder.resolve(EnsembleInfo.FILE), "{}");
        Run ensemble = store.create("ensemble", new com.google.gson.JsonObject());
        ensemble.putSummary("folder", folder.toString());
        ensemble.putSummary("test_accuracy", 0.9);
        ensemble.markFinished();

        model.reloadNow();

        assertEquals(List.of(cancelled.id()), model.resumableRuns().stream().map(StoredRun::id).toList());
        assertEquals(List.of(ensemble.id()), model.finishedModels().stream().map(StoredRun::id).toList());
        StoredRun teachers = model.finishedModels().get(0);
        assertTrue(teachers.toString().contains("90.0 %"), teachers.toString());

        model.makeActive(teachers);
        ActiveModels active = state.activeModelsProperty().get();
        assertEquals(folder, active.ensemble().orElseThrow());
        assertEquals(ensemble.id(), active.ensembleRun().orElseThrow());

        model.distilFrom(teachers);
        assertEquals(RunKind.DISTILLATION, model.form().kind.get());
        assertEquals(folder.toString(), model.form().teachers.get());
    }

    @Test
    void epochsBecomeCurvesPerNetworkAndSplitWithoutValidationGaps() {
        model.plot(new EpochPoint("member 1", 1, 0.9, 0.8, 0.6, 0.7));
        model.plot(new EpochPoint("member 1", 2, 0.5, Double.NaN, 0.8, Double.NaN));

        assertEquals(List.of("member 1 · train", "member 1 · validation"),
                model.lossSeries().stream().map(s -> s.getName()).toList());
        assertEquals(2, model.lossSeries().get(0).getData().size());
        assertEquals(1, model.accuracySeries().get(1).getData().size());
    }
}
