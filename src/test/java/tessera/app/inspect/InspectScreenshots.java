package tessera.app.inspect;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import tessera.app.WorkstationOptions;
import tessera.app.WorkstationShell;
import tessera.inspect.Finding;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Takes the Inspect and Review screenshots from the real workstation in a real window (run under
 * Xvfb by docs/screenshots/take-inspect.sh): opens the shipped sample with the demo models, waits
 * for the maps, clicks into the strongest finding, reviews two findings, and saves each view.
 * Arguments: output folder, workspace folder.
 */
public final class InspectScreenshots {

    private InspectScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path workspace = Path.of(args[1]);
        Files.createDirectories(out);
        CompletableFuture<WorkstationShell> started = new CompletableFuture<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            started.complete(WorkstationShell.open(stage, new WorkstationOptions(Optional.of(workspace), 0, "cpu")));
        });
        WorkstationShell shell = started.get(60, TimeUnit.SECONDS);
        InspectViewModel model = shell.inspectModel();
        waitFor("the maps", () -> model.rastersProperty().get() != null && model.rastersProperty().get().ensemble() != null, 600);
        onFx(() -> {
            shell.stage().setWidth(1440);
            shell.stage().setHeight(900);
            model.findingsProperty().get().list().stream().max(Comparator.comparingDouble(Finding::peak)).ifPresent(f ->
                    model.selectTileAt(f.x() + f.width() / 2.0, f.y() + f.height() / 2.0));
            return null;
        });
        Thread.sleep(1500);
        save(shell, out.resolve("inspect.png"));
        onFx(() -> {
            Inspection shown = model.inspectionProperty().get();
            model.findingsProperty().get().list().stream().max(Comparator.comparingDouble(Finding::peak)).ifPresent(f ->
                    model.viewportProperty().set(Viewport.fit(shown.pyramid().width(), shown.pyramid().height())
                            .zoomAt(6, f.x() + f.width() / 2.0, f.y() + f.height() / 2.0, shown.pyramid().width(),
                                    shown.pyramid().height())));
            return null;
        });
        Thread.sleep(2500);
        save(shell, out.resolve("inspect-zoomed.png"));
        onFx(() -> {
            Inspection shown = model.inspectionProperty().get();
            model.viewportProperty().set(Viewport.fit(shown.pyramid().width(), shown.pyramid().height()));
            return null;
        });

        onFx(() -> {
            TabPane tabs = (TabPane) shell.stage().getScene().lookup("#inspect-tabs");
            tabs.getSelectionModel().select(1);
            ReviewViewModel review = model.review();
            var rows = review.findings();
            if (!rows.isEmpty()) {
                review.accept(rows.get(0).id());
                review.note(rows.get(0).id(), "Pitting around the fastener row; confirmed by eye");
            }
            if (rows.size() > 1) {
                review.reject(rows.get(1).id());
                review.note(rows.get(1).id(), "Fluid stain, no corrosion");
            }
            if (!rows.isEmpty()) {
                model.selectFinding(rows.get(0).id());
            }
            review.registrationProperty().set("D-AIRX");
            review.zoneProperty().set("Section 41, lower lobe, frames 12-14");
            review.inspectorProperty().set("A. Inspector");
            return null;
        });
        Thread.sleep(1500);
        save(shell, out.resolve("review.png"));
        Path pdf = onFx(() -> {
            Inspection shown = model.inspectionProperty().get();
            return tessera.report.ReportFiles.write(model.resultsDir(shown),
                    tessera.report.ReviewFile.stem(shown.image().file()), model.report()).pdf();
        });
        System.out.println("wrote " + pdf);
        onFx(() -> {
            shell.stage().close();
            shell.close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    private static void save(WorkstationShell shell, Path file) throws Exception {
        onFx(() -> {
            ImageIO.write(SwingFXUtils.fromFXImage(shell.stage().getScene().snapshot(null), null), "png", file.toFile());
            return null;
        });
        System.out.println("wrote " + file);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> call) throws Exception {
        return tessera.app.FxThread.call(call);
    }

    private static void waitFor(String what, Supplier<Boolean> condition, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!onFx(condition::get)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("gave up waiting for " + what + " after " + seconds + " s");
            }
            Thread.sleep(250);
        }
    }
}
