package tessera.app;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import tessera.model.Devices;
import tessera.util.TesseraException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The main window's state and actions: menus, navigation and status bar, without any control. */
public final class MainViewModel {

    private final AppState state;
    private final UiTaskExecutor tasks;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(Section.INSPECT);

    public MainViewModel(AppState state, UiTaskExecutor tasks) {
        this.state = state;
        this.tasks = tasks;
    }

    public AppState state() {
        return state;
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    /** Asks the engine once, in the background, which device runs the models (loading libtorch takes a moment). */
    public void detectDevice() {
        String choice = state.deviceChoice();
        // No DJL type in the GUI: the model package resolves and describes the device in one call; on a CPU
        // the line also says why no GPU is used, so an inspector with a GPU knows something is wrong.
        tasks.run("Detecting the compute device",
                () -> Devices.announce(Devices.resolve(choice)).replaceFirst("^device: ", ""), state::setDevice);
    }

    public StringBinding deviceText() {
        return Bindings.createStringBinding(() -> "Device: " + state.deviceProperty().get(), state.deviceProperty());
    }

    public StringBinding workspaceText() {
        return Bindings.createStringBinding(() -> "Workspace: " + state.workspace().folder(), state.workspaceProperty());
    }

    public StringBinding activeModelsText() {
        return Bindings.createStringBinding(() -> "Active models: " + state.activeModelsProperty().get().describe(),
                state.activeModelsProperty());
    }

    /** Opens image files (others are refused with their name) and shows the Inspect view. */
    public void openImages(List<Path> files) {
        List<Path> refused = files.stream().filter(f -> !ImageFiles.isImage(f)).toList();
        if (!refused.isEmpty()) {
            throw new TesseraException(refused.get(0) + ": not an image the workstation opens (use "
                    + String.join(", ", ImageFiles.EXTENSIONS) + ")");
        }
        state.openImages().setAll(files);
        section.set(Section.INSPECT);
    }

    /** Opens every image in a folder. */
    public void openFolder(Path folder) {
        List<Path> images = ImageFiles.inFolder(folder);
        if (images.isEmpty()) {
            throw new TesseraException(folder + ": no images (" + String.join(", ", ImageFiles.EXTENSIONS) + ") in this folder");
        }
        openImages(images);
    }

    public void useWorkspace(Path folder) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new TesseraException(folder + ": not a folder");
        }
        state.useWorkspace(Workspace.open(folder));
    }

    /** Opens the shipped sample photographs and makes the demo models active; false when none are shipped. */
    public boolean openSamples(DemoAssets assets) {
        if (assets.isEmpty()) {
            return false;
        }
        ActiveModels models = state.activeModelsProperty().get();
        if (assets.ensemble().isPresent()) {
            models = models.withEnsemble(assets.ensemble().get(), null);
        }
        if (assets.student().isPresent()) {
            models = models.withStudent(assets.student().get(), null);
        }
        state.activeModelsProperty().set(models);
        if (!assets.samples().isEmpty()) {
            openImages(assets.samples());
        }
        return true;
    }
}
