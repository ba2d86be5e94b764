package tessera.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window's logic, without a screen. */
class MainViewModelTest {

    @TempDir
    Path dir;

    private final List<String> failures = new ArrayList<>();
    private final UiTaskExecutor tasks = new UiTaskExecutor((what, e) -> failures.add(what));

    @AfterEach
    void close() {
        tasks.close();
    }

    private MainViewModel model() {
        return new MainViewModel(new AppState(Workspace.open(dir.resolve("ws")), "cpu"), tasks);
    }

    @Test
    void givenANewWorkspaceFolderWhenOpenedThenItAndItsRunStoreExist() {
        MainViewModel model = model();
        assertTrue(Files.isDirectory(dir.resolve("ws/runs")));
        assertEquals("Workspace: " + dir.resolve("ws").toAbsolutePath(), model.workspaceText().get());
    }

    @Test
    void givenAFolderWithImagesWhenOpenedThenOnlyTheImagesAreOpenAndInspectIsShown() throws IOException {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        Files.write(photos.resolve("b.png"), new byte[] {1});
        Files.write(photos.resolve("a.JPG"), new byte[] {1});
        Files.writeString(photos.resolve("notes.txt"), "not an image");
        MainViewModel model = model();
        model.sectionProperty().set(Section.TRAIN);

        model.openFolder(photos);

        assertEquals(List.of(photos.resolve("a.JPG"), photos.resolve("b.png")), model.state().openImages());
        assertEquals(Section.INSPECT, model.sectionProperty().get());
    }

    @Test
    void aFolderWithoutImagesAndANonImageFileAreRefusedByName() throws IOException {
        MainViewModel model = model();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        TesseraException e = assertThrows(TesseraException.class, () -> model.openFolder(empty));
        assertTrue(e.getMessage().startsWith(empty.toString()), e.getMessage());
        Path text = Files.writeString(dir.resolve("x.txt"), "x");
        e = assertThrows(TesseraException.class, () -> model.openImages(List.of(text)));
        assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
        assertTrue(model.state().openImages().isEmpty());
    }

    @Test
    void whenTheWorkspaceChangesThenTheStatusTextFollowsAndRunListsAreToldToReload() {
        MainViewModel model = model();
        int before = model.state().runsChangedProperty().get();
        model.useWorkspace(dir.resolve("other"));
        assertEquals("Workspace: " + dir.resolve("other").toAbsolutePath(), model.workspaceText().get());
        assertTrue(model.state().runsChangedProperty().get() > before);
    }

    @Test
    void givenShippedDemoModelsWhenSamplesAreOpenedThenTheyBecomeActive() throws IOException {
        Path assets = dir.resolve("assets");
        Files.createDirectories(assets.resolve("models/demo-ensemble"));
        Files.writeString(assets.resolve("models/demo-ensemble/ensemble.json"), "{}");
        Files.createDirectories(assets.resolve("models/demo-student"));
        Files.writeString(assets.resolve("models/demo-student/model.json"), "{}");
        MainViewModel model = model();

        assertTrue(model.openSamples(DemoAssets.in(assets)));

        ActiveModels active = model.state().activeModelsProperty().get();
        assertEquals(assets.resolve("models/demo-ensemble"), active.ensemble().orElseThrow());
        assertEquals(assets.resolve("models/demo-student"), active.student().orElseThrow());
        assertFalse(model.openSamples(DemoAssets.in(dir.resolve("nothing-here"))));
    }
}
