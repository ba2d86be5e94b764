package tessera.app;

import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import tessera.app.inspect.InspectView;
import tessera.app.inspect.InspectViewModel;
import tessera.app.experiments.ExperimentsView;
import tessera.app.experiments.ExperimentsViewModel;
import tessera.app.train.TrainView;
import tessera.app.train.TrainViewModel;
import tessera.util.Assets;
import tessera.util.OfflineEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Builds the workstation into a stage: state, executor, view models and views. The application
 * and the GUI tests both start it this way, so tests drive exactly what users see.
 */
public final class WorkstationShell implements AutoCloseable {

    public static final String STYLESHEET = "/tessera/app/tessera.css";

    private final AppState state;
    private final UiTaskExecutor tasks;
    private final MainViewModel mainModel;
    private final MainWindow window;
    private final TrainViewModel trainModel;
    private final InspectViewModel inspectModel;
    private final ExperimentsViewModel experimentsModel;
    private final Stage stage;

    private WorkstationShell(Stage stage, WorkstationOptions options) {
        this.stage = stage;
        OfflineEngine.threads(options.threads());
        this.state = new AppState(Workspace.open(Workspace.choose(options.workspace())), options.device());
        NotifyingFailureReporter failures = new NotifyingFailureReporter(() -> stage);
        this.tasks = new UiTaskExecutor(failures);
        this.mainModel = new MainViewModel(state, tasks);
        Map<Section, Node> content = new EnumMap<>(Section.class);
        MainWindow[] self = new MainWindow[1];
        this.inspectModel = new InspectViewModel(state, tasks);
        content.put(Section.INSPECT, new InspectView(inspectModel, failures, () -> self[0].chooseImages()));
        this.trainModel = new TrainViewModel(state, tasks, Platform::runLater);
        content.put(Section.TRAIN, new TrainView(trainModel, failures));
        this.experimentsModel = new ExperimentsViewModel(state, tasks);
        content.put(Section.EXPERIMENTS, new ExperimentsView(experimentsModel, failures));
        this.window = new MainWindow(mainModel, failures, failures.lastProblemProperty(), content);
        self[0] = window;
    }

    /** Builds the window into {@code stage}, shows it and starts asking the engine for its device. */
    public static WorkstationShell open(Stage stage, WorkstationOptions options) {
        WorkstationShell shell = new WorkstationShell(stage, options);
        // Never larger than the screen: small laptop screens (and the headless test screen) are common.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(shell.window, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(WorkstationShell.class.getResource(STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Tessera — corrosion inspection workstation");
        Assets.root().map(root -> root.resolve("icon/tessera.png")).filter(Files::isRegularFile)
                .ifPresent(icon -> stage.getIcons().add(new Image(icon.toUri().toString())));
        stage.setOnCloseRequest(e -> shell.close());
        stage.show();
        shell.mainModel.detectDevice();
        shell.trainModel.reload();
        options.view().ifPresent(shell.mainModel.sectionProperty()::set);
        shell.experimentsModel.preselect(options.compare());
        // -Dtessera.samples=false starts empty (tests); otherwise the shipped sample and demo models open.
        // Images named on the command line (a double-clicked TIFF) open instead of the samples, with the demo
        // models, so that no sample is inspected only to be cancelled.
        boolean demo = !"false".equals(System.getProperty("tessera.samples"));
        if (options.images().isEmpty() && demo) {
            shell.inspectModel.openSamples(DemoAssets.find());
        }
        if (!options.images().isEmpty()) {
            if (demo) {
                shell.inspectModel.useDemoModels(DemoAssets.find());
            }
            try {
                shell.inspectModel.open(options.images());
            } catch (RuntimeException e) {
                shell.tasks.report("Opening " + options.images(), e);
            }
        }
        shell.experimentsModel.reload();
        return shell;
    }

    public AppState state() {
        return state;
    }

    public MainViewModel mainModel() {
        return mainModel;
    }

    public InspectViewModel inspectModel() {
        return inspectModel;
    }

    public TrainViewModel trainModel() {
        return trainModel;
    }

    public ExperimentsViewModel experimentsModel() {
        return experimentsModel;
    }

    public UiTaskExecutor tasks() {
        return tasks;
    }

    public Stage stage() {
        return stage;
    }

    public Path workspaceFolder() {
        return state.workspace().folder();
    }

    @Override
    public void close() {
        trainModel.close();
        inspectModel.close();
        tasks.close();
    }
}
