package tessera.report;

import tessera.imaging.ColorMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.imaging.ImageMetadata;
import tessera.inspect.Finding;
import tessera.inspect.TileGrid;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report files: PDF text, CSV rows, JSON, overlay picture. */
class ReportTest {

    @TempDir
    Path dir;

    private static final String TEACHER_SHA = "1f".repeat(32);
    private static final String STUDENT_SHA = "2e".repeat(32);

    private static InspectionReport report(int findings) {
        List<FindingReview> reviews = new ArrayList<>();
        for (int i = 1; i <= findings; i++) {
            reviews.add(FindingReview.of(new Finding(i, 10 * i, 5, 40, 30, 1200, null, 0.9, 0.7, 2, 3, 0.2))
                    .withDecision(i % 2 == 0 ? Decision.REJECTED : Decision.ACCEPTED)
                    .withNote(i == 1 ? "pitting, \"deep\", near rivet row 3 – see photo" : ""));
        }
        reviews.add(FindingReview.added(findings + 1, 5, 5, 10, 10, "missed, by the door frame"));
        BufferedImage photo = new BufferedImage(256, 128, BufferedImage.TYPE_INT_RGB);
        TileGrid grid = new TileGrid(256, 128, 64, 32);
        float[] map = new float[grid.tileCount()];
        for (int i = 0; i < map.length; i++) {
            map[i] = i / (float) map.length;
        }
        BufferedImage overlay = MapImages.overlay(photo, grid, map, MapStyle.probability(ColorMap.VIRIDIS, 0.5, false),
                0.6, reviews, 800);
        Traceability trace = new Traceability("panel-7.png", "ab".repeat(32),
                new ImageMetadata("png", 256, 128, 8, 1, "Canon EOS R5", "2026:03:01 10:12:00", 48.1, 11.5),
                List.of(new ModelRef("teacher 1", "member-1", TEACHER_SHA, 1000), new ModelRef("student", "student", STUDENT_SHA, 1000)),
                "borda", "student", 0.42, "2026-12-04T09:00:00Z", "A. Inspector", "D-AIRX", "Section 41");
        return new InspectionReport(trace, reviews, overlay, 812, 163);
    }

    @Test
    void thePdfCarriesTheTraceabilityBlockAndEveryFindingWithItsDecision() throws IOException {
        ReportFiles files = ReportFiles.write(dir, "panel-7", report(3));

        String text;
        int pages;
        try (PDDocument pdf = Loader.loadPDF(files.pdf().toFile())) {
            text = new PDFTextStripper().getText(pdf);
            pages = pdf.getNumberOfPages();
        }
        for (String expected : List.of(TEACHER_SHA, STUDENT_SHA, "ab".repeat(32), "panel-7.png", "D-AIRX", "Section 41",
                "A. Inspector", "borda", "0.420", "Canon EOS R5", "ensemble 812 ms, student 163 ms", "accepted", "rejected",
                "missed, by the door frame", "Findings: 4 (3 accepted, 1 rejected, 0 open)")) {
            assertTrue(text.contains(expected), "the PDF says " + expected + ":\n" + text);
        }
        assertEquals(1, pages);
    }

    @Test
    void manyFindingsContinueOnNewPages() throws IOException {
        ReportFiles files = ReportFiles.write(dir, "long", report(120));
        try (PDDocument pdf = Loader.loadPDF(files.pdf().toFile())) {
            assertTrue(pdf.getNumberOfPages() >= 3);
            assertTrue(new PDFTextStripper().getText(pdf).contains("missed, by the door frame"), "the last row is there");
        }
    }

    @Test
    void theCsvAndJsonHoldTheSameFindings() throws IOException {
        ReportFiles files = ReportFiles.write(dir, "panel-7", report(2));

        List<String> csv = Files.readAllLines(files.csv());
        assertEquals(FindingsCsv.HEADER, csv.get(0));
        assertEquals(4, csv.size());
        assertEquals("1,model,accepted,10,5,40,30,0.9000,0.7000,2,3,0.2000,\"pitting, \"\"deep\"\", near rivet row 3 – see photo\"",
                csv.get(1));
        assertEquals("3,added,accepted,5,5,10,10,,,,,,\"missed, by the door frame\"", csv.get(3));
        String json = Files.readString(files.json());
        assertTrue(json.contains("\"sha256\": \"" + STUDENT_SHA + "\""));
        assertTrue(json.contains("\"aircraftRegistration\": \"D-AIRX\""));
        assertTrue(json.contains("\"decision\": \"rejected\""));
        assertTrue(Files.size(files.overlay()) > 0);
    }

    @Test
    void aMapIsTransparentBelowTheThresholdAndAContourOnlyOutlinesTheRegion() {
        TileGrid grid = new TileGrid(128, 128, 64, 64);
        float[] map = {0.9f, 0.1f, 0.1f, 0.1f};
        BufferedImage fill = MapImages.render(grid, map, 128, 128, MapStyle.probability(ColorMap.VIRIDIS, 0.5, false));
        BufferedImage contour = MapImages.render(grid, map, 128, 128, MapStyle.probability(ColorMap.VIRIDIS, 0.5, true));

        assertEquals(0, fill.getRGB(100, 100) >>> 24, "below the threshold: transparent");
        assertEquals(0xFF, fill.getRGB(32, 32) >>> 24);
        assertEquals(ColorMap.VIRIDIS.rgb(0.9f), fill.getRGB(32, 32) & 0xFFFFFF);
        assertEquals(0, contour.getRGB(32, 32) >>> 24, "inside the region: not drawn");
        assertEquals(0xFF, contour.getRGB(63, 32) >>> 24, "its edge is drawn");

        MapStyle spread = new MapStyle(ColorMap.INFERNO, 0.05, 0, 0.5, false, true);
        assertEquals(64, spread.alpha(0.05), "a small spread is faint");
        assertEquals(153, spread.alpha(0.3));
        assertEquals(255, spread.alpha(0.5), "the largest spread is opaque");
    }
}
