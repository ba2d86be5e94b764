package tessera.app;

import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import tessera.util.Versions;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The main window: menu bar, one tab per {@link Section}, status bar. Binds to {@link MainViewModel} only. */
public final class MainWindow extends BorderPane {

    private final MainViewModel model;
    private final FailureReporter failures;
    private final TabPane tabs = new TabPane();
    private final Map<Section, Tab> tabOf = new EnumMap<>(Section.class);

    public MainWindow(MainViewModel model, FailureReporter failures, ObservableValue<String> lastProblem,
                      Map<Section, Node> content) {
        this.model = model;
        this.failures = failures;
        getStyleClass().add("main-window");
        setTop(menuBar());
        for (Section section : Section.values()) {
            if (!content.containsKey(section)) {
                continue;
            }
            Tab tab = new Tab(section.title(), content.get(section));
            tab.setId("tab-" + section.name().toLowerCase(java.util.Locale.ROOT));
            tab.setClosable(false);
            tabOf.put(section, tab);
            tabs.getTabs().add(tab);
        }
        tabs.getSelectionModel().select(tabOf.get(model.sectionProperty().get()));
        model.sectionProperty().addListener((o, was, now) -> tabs.getSelectionModel().select(tabOf.get(now)));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> tabOf.forEach((s, t) -> {
            if (t == now) {
                model.sectionProperty().set(s);
            }
        }));
        setCenter(tabs);
        setBottom(new StatusBar(model, lastProblem));
    }

    /** File ▸ Open image(s)…: also used by the Inspect view's empty state. */
    public void chooseImages() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open fuselage photographs");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images",
                ImageFiles.EXTENSIONS.stream().map(e -> "*." + e).toList()));
        List<File> files = chooser.showOpenMultipleDialog(window());
        if (files != null && !files.isEmpty()) {
            act("Opening images", () -> model.openImages(files.stream().map(File::toPath).toList()));
        }
    }

    private MenuBar menuBar() {
        MenuItem openImages = item("Open image(s)…", "menu-open-images", this::chooseImages);
        openImages.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        MenuItem openFolder = item("Open folder…", "menu-open-folder", () -> {
            File folder = directory("Open a folder of photographs", null);
            if (folder != null) {
                act("Opening a folder", () -> model.openFolder(folder.toPath()));
            }
        });
        MenuItem workspace = item("Workspace folder…", "menu-workspace", () -> {
            File folder = directory("Choose the workspace folder", model.state().workspace().folder());
            if (folder != null) {
                act("Changing the workspace", () -> model.useWorkspace(folder.toPath()));
            }
        });
        MenuItem quit = item("Quit", "menu-quit", Platform::exit);
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        Menu file = new Menu("File", null, openImages, openFolder, new SeparatorMenuItem(), workspace,
                new SeparatorMenuItem(), quit);

        MenuItem samples = item("Samples and demo models", "menu-samples", this::openSamples);
        MenuItem about = item("About Tessera", "menu-about", this::about);
        Menu help = new Menu("Help", null, samples, about);
        return new MenuBar(file, help);
    }

    private void openSamples() {
        DemoAssets assets = DemoAssets.find();
        boolean opened;
        try {
            opened = model.openSamples(assets);
        } catch (RuntimeException e) {
            failures.report("Opening the samples", e);
            return;
        }
        if (!opened) {
            info("Samples and demo models", "No samples or demo models are installed.",
                    "Expected sample photographs in <assets>/samples and model folders in <assets>/models"
                            + (assets.root() == null ? " (no assets folder was found)." : " under " + assets.root() + "."));
        }
    }

    private void about() {
        info("About Tessera", "Tessera " + Versions.tessera(),
                "Corrosion inspection with multi-teacher knowledge distillation.\n"
                        + model.deviceText().get() + "\n" + model.workspaceText().get() + "\n"
                        + "Java " + System.getProperty("java.version") + ", JavaFX " + System.getProperty("javafx.version"));
    }

    private void info(String title, String header, String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(window());
        alert.setTitle(title);
        alert.setHeaderText(header);
        alert.setContentText(text);
        alert.show();
    }

    private void act(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            failures.report(what, e);
        }
    }

    private File directory(String title, Path initial) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (initial != null && initial.toFile().isDirectory()) {
            chooser.setInitialDirectory(initial.toFile());
        }
        return chooser.showDialog(window());
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private static MenuItem item(String text, String id, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
