package tessera.app;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import tessera.experiment.RunStore;

import java.nio.file.Path;

/**
 * State shared by the views: the workspace, the device in use, the models made active for
 * inspection, the opened images and a counter that moves whenever a run ends. Changed on the FX
 * thread only.
 */
public final class AppState {

    private final ReadOnlyObjectWrapper<Workspace> workspace;
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("detecting…");
    private final ObjectProperty<ActiveModels> activeModels = new SimpleObjectProperty<>(ActiveModels.NONE);
    private final ObservableList<Path> openImages = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper runsChanged = new ReadOnlyIntegerWrapper();
    private final String deviceChoice;

    public AppState(Workspace workspace, String deviceChoice) {
        this.workspace = new ReadOnlyObjectWrapper<>(workspace);
        this.deviceChoice = deviceChoice;
    }

    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
        return workspace.getReadOnlyProperty();
    }

    public Workspace workspace() {
        return workspace.get();
    }

    public void useWorkspace(Workspace next) {
        workspace.set(next);
        runsChanged();
    }

    public RunStore runStore() {
        return workspace.get().runStore();
    }

    /** The device chosen at start (cpu, gpu or auto): new runs default to it. */
    public String deviceChoice() {
        return deviceChoice;
    }

    /** "cpu (2 threads)" or "gpu(0)" once the engine has been asked. */
    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    void setDevice(String description) {
        device.set(description);
    }

    /** The models the Inspect view runs; the Train view sets them in one click. */
    public ObjectProperty<ActiveModels> activeModelsProperty() {
        return activeModels;
    }

    /** Images the user opened (File menu); the Inspect view shows them. */
    public ObservableList<Path> openImages() {
        return openImages;
    }

    /** Moves by one whenever a run ends or the workspace changes: lists of runs reload on it. */
    public ReadOnlyIntegerProperty runsChangedProperty() {
        return runsChanged.getReadOnlyProperty();
    }

    public void runsChanged() {
        runsChanged.set(runsChanged.get() + 1);
    }
}
