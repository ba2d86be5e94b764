package tessera.inspect;

import ai.djl.Device;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.fusion.FusionMethod;
import tessera.imaging.ImageMetadata;
import tessera.train.CancellationToken;
import tessera.util.TesseraException;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectorTest {

    @TempDir
    static Path dir;
    static Path ensembleDir;
    static Path studentDir;
    static Inspector inspector;

    @BeforeAll
    static void open() throws Exception {
        ensembleDir = InspectionTestModels.ensemble(dir.resolve("ensemble"), 3);
        studentDir = InspectionTestModels.bundle(dir.resolve("student"), "student", 3, 9);
        inspector = Inspector.open(ensembleDir, studentDir, InspectionSettings.defaults(), Device.cpu());
    }

    @AfterAll
    static void close() {
        inspector.close();
    }

    private static ImageMetadata metadata(BufferedImage image) {
        return new ImageMetadata("png", image.getWidth(), image.getHeight(), 8, 1, null, null, null, null);
    }

    @Test
    void everyTeacherAndEveryStudentHeadGetsAMapOverTheGrid() {
        // given a 300 x 200 picture and the reference tiling (64 px at stride 32)
        BufferedImage image = InspectionTestModels.picture(300, 200, 5);

        // when inspected
        InspectionResult r = inspector.inspect(Path.of("p.png"), image, metadata(image), new CancellationToken(), null);

        // then there is a map per teacher and per head, over 9 x 6 tiles, at scale 1/2 for 32 px models
        assertEquals(new TileGrid(300, 200, 64, 32), r.grid());
        assertEquals(0.5, r.scale());
        assertEquals(3, r.teachers().length);
        assertEquals(3, r.studentHeads().length);
        assertEquals(54, r.student().length);
        assertEquals(List.of("member-1", "member-2", "member-3"), r.teacherNames());
        assertEquals(List.of("corrosion"), r.positiveClasses());
        assertEquals(InferenceMethod.FULLY_CONVOLUTIONAL, r.method());
        assertEquals(0.5, r.studentThreshold());
        assertEquals("mean", r.fusionMethod());
        // the student's map is the mean of its heads; the ensemble map the mean of the teachers
        for (int i = 0; i < 54; i++) {
            float heads = (r.studentHeads()[0][i] + r.studentHeads()[1][i] + r.studentHeads()[2][i]) / 3;
            assertEquals(heads, r.student()[i], 1e-5);
        }
        assertArrayEquals(HeatMaps.fuse(FusionMethod.MEAN, r.teachers(), null), r.ensemble(), 1e-6f);
        assertTrue(r.ensembleMillis() >= 0 && r.studentMillis() >= 0);
    }

    @Test
    void theStudentsMapIsReportedBeforeAnyTeacherRuns() {
        // given a picture and a progress listener that records the order of events
        BufferedImage image = InspectionTestModels.picture(300, 200, 6);
        List<String> events = new java.util.ArrayList<>();
        StudentPreview[] preview = new StudentPreview[1];
        InspectionProgress progress = new InspectionProgress() {
            @Override
            public void update(String phase, long done, long total) {
                events.add(phase);
            }

            @Override
            public void studentReady(StudentPreview p) {
                events.add("preview");
                preview[0] = p;
            }
        };

        // when inspected
        InspectionResult r = inspector.inspect(Path.of("s.png"), image, metadata(image), new CancellationToken(), progress);

        // then the preview came once, after the student and before the ensemble, and is the final student map
        assertEquals(1, events.stream().filter("preview"::equals).count());
        int at = events.indexOf("preview");
        assertTrue(events.subList(0, at).stream().allMatch("student"::equals), events.toString());
        assertTrue(events.subList(at + 1, events.size()).stream().allMatch("ensemble"::equals), events.toString());
        assertArrayEquals(r.student(), preview[0].student(), 0f);
        assertEquals(r.grid(), preview[0].grid());
        assertEquals(r.studentThreshold(), preview[0].threshold());
    }

    @Test
    void tiledAndFullyConvolutionalInspectionsGiveCloseMaps() throws Exception {
        BufferedImage image = InspectionTestModels.picture(420, 260, 6);
        try (Inspector tiled = Inspector.open(ensembleDir, studentDir,
                InspectionSettings.defaults().withMethod(InferenceMethod.TILED), Device.cpu())) {
            InspectionResult a = tiled.inspect(Path.of("q.png"), image, metadata(image), null, null);
            InspectionResult b = inspector.inspect(Path.of("q.png"), image, metadata(image), null, null);

            assertEquals(InferenceMethod.TILED, a.method());
            assertEquals(InferenceMethod.FULLY_CONVOLUTIONAL, b.method());
            double max = 0;
            for (int i = 0; i < a.student().length; i++) {
                max = Math.max(max, Math.abs(a.student()[i] - b.student()[i]));
            }
            assertTrue(max < 0.1, "max difference " + max);
        }
    }

    @Test
    void aStrideOffTheFeatureGridFallsBackToTiles() throws Exception {
        // given a stride of 36 px: 18 model pixels, not a multiple of the trunk's step of 4
        try (Inspector i = Inspector.open(ensembleDir, studentDir, InspectionSettings.defaults().withTile(64, 36), Device.cpu())) {
            BufferedImage image = InspectionTestModels.picture(200, 120, 10);

            InspectionResult r = i.inspect(Path.of("s.png"), image, metadata(image), null, null);

            assertEquals(InferenceMethod.TILED, r.method());
        }
        try (Inspector i = Inspector.open(ensembleDir, studentDir,
                InspectionSettings.defaults().withTile(64, 36).withMethod(InferenceMethod.FULLY_CONVOLUTIONAL), Device.cpu())) {
            BufferedImage image = InspectionTestModels.picture(200, 120, 10);
            TesseraException e = assertThrows(TesseraException.class,
                    () -> i.inspect(Path.of("s.png"), image, metadata(image), null, null));
            assertTrue(e.getMessage().contains("not a multiple"), e.getMessage());
        }
    }

    @Test
    void aThresholdOverrideReplacesBothThresholds() throws Exception {
        try (Inspector i = Inspector.open(ensembleDir, studentDir, InspectionSettings.defaults().withThreshold(0.3), Device.cpu())) {
            BufferedImage image = InspectionTestModels.picture(64, 64, 7);
            InspectionResult r = i.inspect(Path.of("t.png"), image, metadata(image), null, null);
            assertEquals(0.3, r.studentThreshold());
            assertEquals(0.3, r.ensembleThreshold());
            assertEquals("override", r.thresholdSource());
        }
    }

    @Test
    void anImageSmallerThanOneTileIsRefusedNamingTheFile() {
        BufferedImage image = InspectionTestModels.picture(50, 300, 8);

        TesseraException e = assertThrows(TesseraException.class,
                () -> inspector.inspect(Path.of("tiny.png"), image, metadata(image), null, null));

        assertTrue(e.getMessage().startsWith("tiny.png: "), e.getMessage());
        assertTrue(e.getMessage().contains("smaller than one 64x64 tile"), e.getMessage());
    }

    @Test
    void aCancelledInspectionStops() {
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        BufferedImage image = InspectionTestModels.picture(128, 128, 9);

        assertThrows(CancellationException.class, () -> inspector.inspect(Path.of("c.png"), image, metadata(image), cancel, null));
    }

    @Test
    void theCalibratedThresholdIsReadFromBesideTheBundle() throws Exception {
        Path student = InspectionTestModels.bundle(dir.resolve("calibrated"), "calibrated", 1, 11);
        DetectionProfile.writeThreshold(student, 0.62, List.of("corrosion"), "validation tiles", "max F1", 0.9);

        DetectionProfile p = DetectionProfile.read(student, "model.json", InspectionTestModels.CLASSES);

        assertEquals(0.62, p.threshold());
        assertEquals("validation tiles", p.source());
        assertEquals(0.5, DetectionProfile.read(studentDir, "model.json", InspectionTestModels.CLASSES).threshold());
    }

    @Test
    void aThresholdFieldInModelJsonIsReadToo() throws Exception {
        Path student = InspectionTestModels.bundle(dir.resolve("with-field"), "with-field", 1, 12);
        Path info = student.resolve("model.json");
        String json = java.nio.file.Files.readString(info);
        java.nio.file.Files.writeString(info, json.replaceFirst("\\{", "{\n  \"threshold\": 0.37,"));

        DetectionProfile p = DetectionProfile.read(student, "model.json", InspectionTestModels.CLASSES);

        assertEquals(0.37, p.threshold());
        assertEquals("model.json", p.source());
    }

    @Test
    void thePositiveClassIsEveryClassButTheNegativeOne() {
        assertEquals(List.of("corrosion"), DetectionProfile.defaultPositives(List.of("clean", "corrosion")));
        assertEquals(List.of("smoke"), DetectionProfile.defaultPositives(List.of("no-smoke", "smoke")));
        assertEquals(List.of("light", "severe"), DetectionProfile.defaultPositives(List.of("clean", "light", "severe")));
        assertEquals(List.of("b"), DetectionProfile.defaultPositives(List.of("a", "b")));
    }
}
