package tessera.cli;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.inspect.InspectionTestModels;
import tessera.util.Json;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectCommandTest {

    @TempDir
    static Path dir;
    static Path ensemble;
    static Path student;

    @BeforeAll
    static void models() throws Exception {
        ensemble = InspectionTestModels.ensemble(dir.resolve("ensemble"), 2);
        student = InspectionTestModels.bundle(dir.resolve("student"), "student", 2, 5);
    }

    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            int code = TesseraCli.execute(args);
            return new Outcome(code, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void aCorruptFileInABatchIsReportedAndTheOtherImagesAreStillInspected() throws Exception {
        // given two good images around a corrupt one and an image smaller than one tile
        Path images = Files.createDirectories(dir.resolve("images"));
        ImageIO.write(InspectionTestModels.picture(200, 150, 1), "png", images.resolve("a.png").toFile());
        Files.write(images.resolve("b.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        ImageIO.write(InspectionTestModels.picture(40, 40, 2), "png", images.resolve("c.png").toFile());
        ImageIO.write(InspectionTestModels.picture(130, 100, 3), "png", images.resolve("d.png").toFile());
        Files.write(images.resolve("empty.jpg"), new byte[0]);
        Path out = dir.resolve("out");

        // when the batch is inspected
        Outcome o = run("inspect", images.resolve("a.png").toString(), images.resolve("b.png").toString(),
                images.resolve("c.png").toString(), images.resolve("d.png").toString(), images.resolve("empty.jpg").toString(),
                "--ensemble", ensemble.toString(), "--student", student.toString(), "--out", out.toString(),
                "--mm-per-pixel", "0.1");

        // then the good images have every output, the bad ones one line each, listed at the end, exit 1
        assertEquals(1, o.exit(), o.err());
        for (String name : new String[] {"a", "d"}) {
            for (String suffix : new String[] {".student.png", ".ensemble.png", ".teacher-1.png", ".teacher-2.png",
                    ".overlay.png", ".votes.png", ".disagreement.png", ".json"}) {
                assertTrue(Files.isRegularFile(out.resolve(name + suffix)), name + suffix);
            }
        }
        assertTrue(o.err().contains("b.png"), o.err());
        assertTrue(o.err().contains("c.png") && o.err().contains("smaller than one 64x64 tile"), o.err());
        assertTrue(o.err().contains("empty.jpg"), o.err());
        assertTrue(o.err().contains("3 of 5 image(s) failed"), o.err());
        assertEquals(0, Files.list(out).filter(p -> p.getFileName().toString().startsWith("b.")).count());

        JsonObject json = Json.readTree(out.resolve("a.json")).getAsJsonObject();
        assertEquals(64, json.getAsJsonObject("grid").get("tileSize").getAsInt());
        int tiles = json.getAsJsonObject("timings").get("tiles").getAsInt();
        assertEquals(tiles, json.getAsJsonObject("tiles").getAsJsonArray("student").size());
        assertEquals(2, json.getAsJsonObject("tiles").getAsJsonArray("teachers").size());
        assertEquals(2, json.getAsJsonObject("models").getAsJsonArray("teachers").size());
        assertEquals(64, json.getAsJsonObject("models").getAsJsonObject("student").get("sha256").getAsString().length());
        assertTrue(json.has("findings"));
        assertEquals(0.1, json.getAsJsonObject("image").get("mmPerPixel").getAsDouble());
    }

    @Test
    void anUnknownFusionMethodIsAOneLineFailure() throws Exception {
        Path image = dir.resolve("e.png");
        ImageIO.write(InspectionTestModels.picture(64, 64, 4), "png", image.toFile());

        Outcome o = run("inspect", image.toString(), "--ensemble", ensemble.toString(), "--student", student.toString(),
                "--out", dir.resolve("o2").toString(), "--method", "magic");

        assertEquals(1, o.exit());
        assertTrue(o.err().contains("unknown fusion method 'magic'"), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
    }

    @Test
    void missingOutIsBadUsage() {
        assertEquals(2, run("inspect", "x.png").exit());
    }
}
