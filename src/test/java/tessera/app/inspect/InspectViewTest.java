package tessera.app.inspect;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.input.MouseButton;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.junit.jupiter.api.Assumptions;
import tessera.app.DemoAssets;
import tessera.app.WorkstationOptions;
import tessera.app.WorkstationShell;
import tessera.fusion.FusionMethod;
import tessera.inspect.HeatMaps;
import tessera.inspect.InspectionResult;
import tessera.report.Decision;
import tessera.report.FindingReview;
import tessera.report.ModelRef;
import tessera.report.ReviewFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Inspect and Review views driven through the real window, headless, with real trained models. */
@ExtendWith(ApplicationExtension.class)
class InspectViewTest {

    @TempDir
    static Path dir;
    private WorkstationShell shell;

    @Start
    void start(Stage stage) {
        System.setProperty("tessera.samples", "false");
        shell = WorkstationShell.open(stage, new WorkstationOptions(Optional.of(dir.resolve("workspace")), 0, "cpu"));
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.requestFocus();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> shell.stage().close());
        shell.close();
    }

    /** Opens the test panel with the trained models, as File ▸ Open image(s) does, and waits for its maps. */
    private InspectionResult openPanel(FxRobot robot) throws Exception {
        var models = InspectFixtures.models();
        Path panel = InspectFixtures.panel(dir.resolve("photos/panel-7.png"));
        robot.interact(() -> {
            shell.state().activeModelsProperty().set(models);
            shell.mainModel().openImages(List.of(panel));
        });
        InspectViewModel model = shell.inspectModel();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> allMapsShown(model));
        WaitForAsyncUtils.waitForFxEvents();
        return model.inspectionProperty().get().result().orElseThrow();
    }

    /** The whole result is shown (the student's preview comes first, with the ensemble's maps still missing). */
    private static boolean allMapsShown(InspectViewModel model) {
        Inspection shown = model.inspectionProperty().get();
        MapRasters maps = model.rastersProperty().get();
        return shown != null && shown.result().isPresent() && maps != null && maps.ensemble() != null;
    }

    /** The screen point of image pixel (x, y) on a map panel. */
    private static Point2D onScreen(MapPanel panel, double x, double y) {
        Point2D local = panel.toScreen(x, y);
        return panel.canvas().localToScreen(local);
    }

    @Test
    void openAnImageSeeTheMapsSwitchTheFusionMethodAndReadATilesVotes(FxRobot robot) throws Exception {
        InspectionResult result = openPanel(robot);

        assertTrue(robot.lookup("#panel-teacher-3").tryQuery().isPresent(), "one small map per teacher");
        assertTrue(robot.lookup("#inspect-empty").query().isVisible() == false);
        assertTrue(robot.lookup("#cost-time").queryAs(Label.class).getText().startsWith("Ensemble of 3:"));
        Label ensembleTitle = robot.lookup("#panel-ensemble .map-panel-title").queryAs(Label.class);
        assertEquals("Ensemble map · mean", ensembleTitle.getText());

        robot.clickOn("#fusion-method");
        robot.clickOn(robot.lookup(".list-cell").match((Node n) -> n instanceof ListCell<?> c && "max".equals(c.getText()))
                .queryAs(ListCell.class));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Ensemble map · max", ensembleTitle.getText());
        assertArrayEquals(HeatMaps.fuse(FusionMethod.MAX, result.teachers(), null), shell.inspectModel().fusedProperty().get());
        assertEquals(result, shell.inspectModel().inspectionProperty().get().result().orElseThrow(), "re-fused, not re-run");

        MapPanel student = robot.lookup("#panel-student").queryAs(MapPanel.class);
        robot.clickOn(onScreen(student, 80, 70));
        WaitForAsyncUtils.waitForFxEvents();

        TileDetail detail = shell.inspectModel().tileDetailProperty().get();
        assertTrue(detail.box().contains(80, 70), "the clicked tile: " + detail.box());
        @SuppressWarnings("unchecked")
        BarChart<String, Number> votes = robot.lookup("#tile-votes").queryAs(BarChart.class);
        List<XYChart.Data<String, Number>> bars = votes.getData().get(0).getData();
        assertEquals(List.of("T1", "T2", "T3", "S", "h1", "h2", "h3"), bars.stream().map(XYChart.Data::getXValue).toList());
        for (int t = 0; t < 3; t++) {
            assertEquals(result.teachers()[t][detail.tile()], bars.get(t).getYValue().floatValue());
        }
        String summary = robot.lookup("#tile-summary").queryAs(Label.class).getText();
        assertTrue(summary.startsWith("Votes " + detail.votes() + " of 3"), summary);
    }

    /** The table row showing finding {@code id}. */
    private static Node row(FxRobot robot, int id) {
        return robot.lookup("#findings-table .table-row-cell")
                .match((Node n) -> n instanceof TableRow<?> r && r.getItem() instanceof FindingReview f && f.id() == id)
                .query();
    }

    @Test
    void acceptRejectAndUndoFindingsThenExportAReportThatNamesTheModelHashes(FxRobot robot) throws Exception {
        openPanel(robot);
        robot.clickOn("#tab-review");
        @SuppressWarnings("unchecked")
        TableView<FindingReview> table = robot.lookup("#findings-table").queryAs(TableView.class);
        assertTrue(table.getItems().size() >= 2, "both rust blotches are findings: " + table.getItems());
        for (int i = 1; i < table.getItems().size(); i++) {
            assertTrue(table.getItems().get(i - 1).disagreement() >= table.getItems().get(i).disagreement(),
                    "most disagreement first");
        }
        int first = table.getItems().get(0).id();
        int second = table.getItems().get(1).id();

        robot.clickOn(row(robot, first));
        robot.clickOn("#review-accept");
        robot.clickOn(row(robot, second));
        robot.clickOn("#review-reject");
        ReviewViewModel review = shell.inspectModel().review();
        assertEquals(Decision.ACCEPTED, review.find(first).orElseThrow().decision());
        assertEquals(Decision.REJECTED, review.find(second).orElseThrow().decision());

        robot.clickOn("#review-undo");
        assertEquals(Decision.OPEN, review.find(second).orElseThrow().decision());
        assertEquals(Decision.ACCEPTED, review.find(first).orElseThrow().decision());
        Inspection shown = shell.inspectModel().inspectionProperty().get();
        Path saved = ReviewFile.file(shell.inspectModel().resultsDir(shown), shown.image().file());
        assertTrue(Files.readString(saved).contains("\"ACCEPTED\""), "decisions are saved as they are made");

        robot.clickOn("#report-registration").write("D-AIRX");
        robot.clickOn("#report-zone").write("S41");
        robot.clickOn("#report-export");
        Path pdf = shell.inspectModel().resultsDir(shown).resolve("panel-7.report.pdf");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#report-written").queryAs(Label.class)
                .getText().startsWith("Written"));

        assertTrue(Files.isRegularFile(pdf));
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc);
        }
        for (ModelRef m : shown.models()) {
            assertTrue(text.contains(m.sha256()), m.role() + " hash in the report");
        }
        assertTrue(text.contains("D-AIRX") && text.contains("S41") && text.contains(shown.sha256()));
        assertTrue(Files.isRegularFile(pdf.resolveSibling("panel-7.findings.csv")));
    }


    @Test
    void dragTheSelectedFindingsCornerToResizeItsInsideToMoveItThenUndo(FxRobot robot) throws Exception {
        openPanel(robot);
        robot.clickOn("#tab-review");
        @SuppressWarnings("unchecked")
        TableView<FindingReview> table = robot.lookup("#findings-table").queryAs(TableView.class);
        int id = table.getItems().get(0).id();
        robot.clickOn(row(robot, id));
        ReviewViewModel review = shell.inspectModel().review();
        FindingReview before = review.find(id).orElseThrow();
        MapPanel picture = robot.lookup("#panel-review").queryAs(MapPanel.class);

        // The top-left corner, dragged 30 screen pixels up and left: the box grows, its bottom-right stays.
        Point2D corner = onScreen(picture, before.x(), before.y());
        robot.drag(corner, MouseButton.PRIMARY).moveBy(-15, -15).moveBy(-15, -15).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        FindingReview resized = review.find(id).orElseThrow();
        assertTrue(resized.x() < before.x() && resized.y() < before.y(), before + " -> " + resized);
        assertEquals(before.x() + before.width(), resized.x() + resized.width());
        assertEquals(before.y() + before.height(), resized.y() + resized.height());
        assertEquals(String.valueOf(resized.width()), robot.lookup("#box-width").queryAs(javafx.scene.control.TextField.class)
                .getText(), "the box fields follow the drag");

        // Its middle, dragged 20 screen pixels left: the box moves and keeps its size.
        Point2D middle = onScreen(picture, resized.x() + resized.width() / 2.0, resized.y() + resized.height() / 2.0);
        robot.drag(middle, MouseButton.PRIMARY).moveBy(-10, 0).moveBy(-10, 0).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        FindingReview moved = review.find(id).orElseThrow();
        assertTrue(moved.x() < resized.x(), resized + " -> " + moved);
        assertEquals(resized.width(), moved.width());
        assertEquals(resized.height(), moved.height());
        Inspection shown = shell.inspectModel().inspectionProperty().get();
        FindingReview saved = ReviewFile.load(shell.inspectModel().resultsDir(shown), shown.image().file(), shown.sha256())
                .stream().filter(f -> f.id() == id).findFirst().orElseThrow();
        assertEquals(List.of(moved.x(), moved.y(), moved.width(), moved.height()),
                List.of(saved.x(), saved.y(), saved.width(), saved.height()), "the adjusted box is saved");

        robot.clickOn("#review-undo");
        robot.clickOn("#review-undo");
        FindingReview undone = review.find(id).orElseThrow();
        assertEquals(List.of(before.x(), before.y(), before.width(), before.height()),
                List.of(undone.x(), undone.y(), undone.width(), undone.height()));
    }

    @Test
    void givenTheShippedSamplesAndDemoModelsWhenOpenedAsAtStartThenTheFirstSampleIsInspected(FxRobot robot) throws Exception {
        DemoAssets assets = DemoAssets.find();
        Assumptions.assumeTrue(assets.ensemble().isPresent() && assets.student().isPresent() && !assets.samples().isEmpty(),
                "the demo models and samples are shipped in assets/");

        robot.interact(() -> shell.inspectModel().openSamples(assets));
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> allMapsShown(shell.inspectModel()));
        WaitForAsyncUtils.waitForFxEvents();

        Inspection shown = shell.inspectModel().inspectionProperty().get();
        assertEquals(assets.samples().get(0), shown.image().file());
        assertEquals(assets.samples().size(), robot.lookup("#thumbnails").queryAs(javafx.scene.control.ListView.class)
                .getItems().size());
        int teachers = shown.result().orElseThrow().teacherCount();
        assertTrue(robot.lookup("#panel-teacher-" + teachers).tryQuery().isPresent());
        assertEquals(teachers + 1, shown.models().size());
        assertTrue(robot.lookup("#cost-time").queryAs(Label.class).getText().startsWith("Ensemble of " + teachers + ":"));
    }

    @Test
    void givenALargeImageBeingInspectedWhenCancelledThenThePhotographStaysWithoutMaps(FxRobot robot) throws Exception {
        DemoAssets assets = DemoAssets.find();
        Path large = assets.samples().stream().filter(p -> p.getFileName().toString().contains("4000x3000")).findFirst()
                .orElse(null);
        Assumptions.assumeTrue(assets.ensemble().isPresent() && assets.student().isPresent() && large != null,
                "the demo models and the 12-megapixel sample are shipped in assets/");
        InspectViewModel model = shell.inspectModel();

        robot.interact(() -> {
            shell.state().activeModelsProperty().set(tessera.app.ActiveModels.NONE
                    .withEnsemble(assets.ensemble().get(), null).withStudent(assets.student().get(), null));
            shell.mainModel().openImages(List.of(large));
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.busyProperty().get()
                && model.inspectionProperty().get() != null && model.progressTextProperty().get().contains("of"));
        robot.clickOn("#inspect-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !model.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Inspection cancelled.", model.messageProperty().get());
        assertEquals(4000, model.inspectionProperty().get().pyramid().width(), "the photograph is shown");
        assertEquals(null, model.rastersProperty().get(), "no maps from a cancelled inspection");
    }
}
