package tessera.app.inspect;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.app.ActiveModels;
import tessera.app.AppState;
import tessera.app.UiTaskExecutor;
import tessera.app.Workspace;
import tessera.fusion.FusionMethod;
import tessera.inspect.Finding;
import tessera.inspect.HeatMaps;
import tessera.inspect.InspectionResult;
import tessera.inspect.InspectionSettings;
import tessera.report.Decision;
import tessera.report.FindingReview;
import tessera.report.ModelRef;
import tessera.report.ReportFiles;
import tessera.report.ReviewFile;
import tessera.train.CancellationToken;
import tessera.util.Hashing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Inspect view's logic without a screen, on real models trained for the test and a real image. */
class InspectViewModelTest {

    @TempDir
    static Path dir;
    private static InspectionWork work;
    private static Inspection inspected;
    private static Path panel;

    private final List<String> failures = new ArrayList<>();

    @BeforeAll
    static void inspectOnce() throws IOException {
        ActiveModels models = InspectFixtures.models();
        panel = InspectFixtures.panel(dir.resolve("photos/panel-7.png"));
        work = new InspectionWork("cpu", InspectionSettings.defaults());
        inspected = work.run(panel, models, new CancellationToken(), InspectionWork.Listener.NONE);
    }

    @AfterAll
    static void closeModels() {
        work.close();
    }

    private InspectViewModel model(String workspace) {
        UiTaskExecutor tasks = new UiTaskExecutor((what, e) -> failures.add(what + ": " + e.getMessage()));
        AppState state = new AppState(Workspace.open(dir.resolve(workspace)), "cpu");
        return new InspectViewModel(state, tasks, work);
    }

    private InspectionResult result() {
        return inspected.result().orElseThrow();
    }

    @Test
    void givenAnInspectedPanelWhenShownThenMapsFindingsAndCostAreThere() {
        InspectViewModel model = model("ws-show");

        model.show(inspected);

        MapRasters rasters = model.rastersProperty().get();
        assertEquals(3, rasters.teachers().size());
        int[] size = tessera.report.MapImages.rasterSize(320, 224);
        assertEquals(size[0], rasters.student().getWidth());
        assertFalse(model.findingsProperty().get().list().isEmpty(), "the rust blotches are found");
        assertEquals(result().studentThreshold(), model.thresholdProperty().get());
        CostSummary cost = model.costProperty().get();
        assertEquals(3, cost.teachers());
        assertTrue(cost.studentParameters() > 0);
        assertEquals(3 * cost.studentParameters(), cost.ensembleParameters(), cost.studentParameters(),
                "three teachers of the student's size (plus its extra heads)");
        assertEquals(1.0, model.viewportProperty().get().magnification());
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void whenTheFusionMethodChangesThenTheCachedTeacherMapsAreReFusedWithoutInference() {
        InspectViewModel model = model("ws-fuse");
        model.show(inspected);
        float[] mean = model.fusedProperty().get();
        assertArrayEquals(HeatMaps.fuse(FusionMethod.MEAN, result().teachers(), null), mean);

        model.fusionMethodProperty().set(FusionMethod.MAX);

        float[] max = model.fusedProperty().get();
        assertSame(inspected, model.inspectionProperty().get(), "no new inspection");
        assertArrayEquals(HeatMaps.fuse(FusionMethod.MAX, result().teachers(), null), max);
        boolean differs = false;
        for (int i = 0; i < mean.length; i++) {
            differs |= Math.abs(max[i] - mean[i]) > 1e-4f;
        }
        assertTrue(differs, "the teachers disagree somewhere, so max differs from mean");

        model.findingsFromProperty().set(MapSource.ENSEMBLE);
        model.fusionMethodProperty().set(FusionMethod.MIN);
        assertEquals(tessera.inspect.Findings.detect(result().grid(), HeatMaps.fuse(FusionMethod.MIN, result().teachers(), null),
                model.thresholdProperty().get(), result().teachers(), model.thresholdProperty().get(), null).list(),
                model.findingsProperty().get().list(), "findings from the ensemble follow its method");
    }

    @Test
    void whenTheThresholdChangesThenFindingsAndVotesFollow() {
        InspectViewModel model = model("ws-threshold");
        model.show(inspected);
        int tile = TileDetail.tileAt(result().grid(), 80, 70);
        model.selectedTileProperty().set(tile);

        model.thresholdProperty().set(0.0);
        assertEquals(1, model.findingsProperty().get().size(), "everything is one region at threshold 0");
        Finding all = model.findingsProperty().get().list().get(0);
        assertEquals(320 * 224, all.areaPixels());
        assertEquals(3, model.tileDetailProperty().get().votes());

        model.thresholdProperty().set(1.0);
        assertTrue(model.findingsProperty().get().list().isEmpty() || model.findingsProperty().get().list().stream()
                .allMatch(f -> f.peak() >= 1.0));
        assertTrue(model.review().findings().size() <= 1);
    }

    @Test
    void givenAClickOnATileThenEveryTeacherTheFusedMethodsAndTheStudentHeadsAreShown() {
        InspectViewModel model = model("ws-tile");
        model.show(inspected);

        model.selectTileAt(80, 70);

        TileDetail d = model.tileDetailProperty().get();
        InspectionResult r = result();
        assertEquals(List.of("member-1", "member-2", "member-3").size(), d.teachers().length);
        double sum = 0;
        for (int t = 0; t < 3; t++) {
            assertEquals(r.teachers()[t][d.tile()], d.teachers()[t]);
            sum += d.teachers()[t];
        }
        assertEquals(sum / 3, d.fused().get("mean"), 1e-5);
        assertEquals(FusionMethod.values().length, d.fused().size());
        assertEquals(3, d.heads().length, "the simultaneous student has one head per teacher");
        assertEquals(r.student()[d.tile()], d.student());
        assertTrue(d.box().contains(80, 70));
        assertTrue(d.student() > 0.5, "the big rust blotch is corrosion to the student: " + d.student());
    }

    @Test
    void givenReviewDecisionsWhenTheImageIsShownAgainThenTheyAreRestoredFromTheSavedFile() throws IOException {
        InspectViewModel first = model("ws-review");
        first.show(inspected);
        ReviewViewModel review = first.review();
        List<FindingReview> rows = review.findings();
        int a = rows.get(0).id();
        review.accept(a);
        review.note(a, "blistered paint, rust under it");
        int added = review.add(10, 10, 30, 20, "missed scratch");
        if (rows.size() > 1) {
            review.reject(rows.get(1).id());
            review.undo();
            assertEquals(Decision.OPEN, review.find(rows.get(1).id()).orElseThrow().decision());
            review.redo();
            assertEquals(Decision.REJECTED, review.find(rows.get(1).id()).orElseThrow().decision());
        }
        Path saved = ReviewFile.file(first.resultsDir(inspected), panel);
        assertTrue(Files.isRegularFile(saved), saved.toString());

        InspectViewModel second = model("ws-review");
        second.show(inspected);

        FindingReview restored = second.review().find(a).orElseThrow();
        assertEquals(Decision.ACCEPTED, restored.decision());
        assertEquals("blistered paint, rust under it", restored.note());
        assertTrue(second.review().findings().stream().anyMatch(f -> f.added() && f.note().equals("missed scratch")));
        assertTrue(added > rows.size() - 1);
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void whenTheReportIsWrittenThenThePdfNamesTheImageAndEveryModelHash() throws IOException {
        InspectViewModel model = model("ws-report");
        model.show(inspected);
        model.review().registrationProperty().set("D-AIRX");
        model.review().zoneProperty().set("Fuselage section 41, lower lobe");
        model.review().inspectorProperty().set("A. Inspector");
        model.review().accept(model.review().findings().get(0).id());

        ReportFiles files = ReportFiles.write(dir.resolve("report"), "panel-7", model.report());

        String text;
        try (PDDocument pdf = Loader.loadPDF(files.pdf().toFile())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertTrue(text.contains(Hashing.sha256(panel)), "image SHA-256");
        assertEquals(4, inspected.models().size());
        for (ModelRef m : inspected.models()) {
            assertNotNull(m.sha256());
            assertTrue(text.contains(m.sha256()), m.role() + " SHA-256 in the PDF");
        }
        assertTrue(text.contains("D-AIRX") && text.contains("A. Inspector") && text.contains("lower lobe"));
        assertTrue(text.contains("panel-7.png"));
        assertTrue(text.contains("accepted"));
        List<String> csv = Files.readAllLines(files.csv());
        assertEquals(model.review().findings().size() + 1, csv.size());
        assertTrue(Files.readString(files.json()).contains(inspected.models().get(0).sha256()));
        assertTrue(Files.size(files.overlay()) > 1000);
    }

    @Test
    void givenNoActiveModelsThenThePhotographIsShownAndTheMessageSaysWhatIsMissing() throws IOException {
        InspectViewModel model = model("ws-no-models");

        Inspection photoOnly = work.run(panel, ActiveModels.NONE, new CancellationToken(), InspectionWork.Listener.NONE);
        model.show(photoOnly);

        assertTrue(photoOnly.result().isEmpty());
        assertEquals(Hashing.sha256(panel), photoOnly.sha256());
        assertEquals(320, model.inspectionProperty().get().pyramid().width());
        assertEquals(null, model.rastersProperty().get());
        assertTrue(model.messageProperty().get().startsWith("No models are active"), model.messageProperty().get());
        assertTrue(model.review().findings().isEmpty());
    }

    @Test
    void aFileThatIsNotAnImageIsRefusedByName() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a photograph");
        InspectViewModel model = model("ws-refuse");

        tessera.util.TesseraException e = org.junit.jupiter.api.Assertions.assertThrows(
                tessera.util.TesseraException.class, () -> model.open(List.of(text)));

        assertTrue(e.getMessage().startsWith(text.toString()), e.getMessage());
        assertTrue(model.images().isEmpty());
    }
}
