package tessera.cli;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tessera.experiment.RunRecord;
import tessera.experiment.RunStatus;
import tessera.experiment.RunStore;
import tessera.train.StripesDataset;
import tessera.util.Json;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a user who feeds the command line something wrong sees: exit 1 (2 for bad usage) and one
 * line on stderr that names the file or value and the problem, never a stack trace.
 */
class BadInputTest {

    @TempDir
    Path tmp;

    private Path workspace;
    private PrintStream systemOut;
    private PrintStream systemErr;
    private final ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
    private final ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();

    /** Exit status and everything written to stdout and stderr, by picocli and by the code it ran. */
    private record Outcome(int status, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    @BeforeEach
    void captureConsole() {
        workspace = tmp.resolve("workspace");
        systemOut = System.out;
        systemErr = System.err;
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setOut(systemOut);
        System.setErr(systemErr);
    }

    @Test
    void aMissingDataSetFolder() {
        Path missing = tmp.resolve("no-such-data");
        assertOneLineFailure(tessera("train", "--dataset", missing.toString()), 1, missing.toString(), "no such");
        assertTrue(new RunStore(workspace).list().isEmpty(), "no run is created for a path that is not there");
    }

    @Test
    void aMissingRequiredOptionIsBadUsage() {
        assertOneLineFailure(tessera("train", "--arch", "cnn-small"), 2, "--dataset");
    }

    @Test
    void anUnknownOptionIsBadUsage() {
        assertOneLineFailure(tessera("train", "--colour", "red"), 2, "--colour");
    }

    @Test
    void anUnknownArchitecture() throws IOException {
        Path data = StripesDataset.write(tmp.resolve("stripes"), 30, 1);
        assertOneLineFailure(tessera("train", "--dataset", data.toString(), "--arch", "vgg-99"), 1,
                "unknown architecture 'vgg-99'", "cnn-small");
        assertTrue(new RunStore(workspace).list().isEmpty(), "a typo leaves no run behind");
    }

    @Test
    void anUnknownFormat() throws IOException {
        Path data = StripesDataset.write(tmp.resolve("stripes"), 30, 1);
        assertOneLineFailure(tessera("train", "--dataset", data.toString(), "--format", "tiff"), 1, "'tiff'", "idx");
        assertTrue(new RunStore(workspace).list().isEmpty(), "a typo leaves no run behind");
    }

    @Test
    void anIdxFileWithAWrongMagicNumberFailsTheRunWithItsReason() throws IOException {
        // given IDX training labels whose magic number is that of an image file
        Path data = StripesDataset.write(tmp.resolve("stripes"), 30, 1);
        Path labels = data.resolve("train-labels-idx1-ubyte");
        byte[] bytes = Files.readAllBytes(labels);
        bytes[3] = 0x03;
        Files.write(labels, bytes);

        // when trained on, then one line names the file and the magic number
        assertOneLineFailure(tessera("train", "--dataset", data.toString(), "--epochs", "1"), 1,
                labels.toString(), "magic number is 0x00000803, expected 0x00000801");

        // and the run is recorded FAILED with that reason
        List<RunRecord> runs = new RunStore(workspace).list();
        assertEquals(1, runs.size());
        assertEquals(RunStatus.FAILED, runs.get(0).status());
        assertTrue(runs.get(0).reason().contains(labels.toString()), runs.get(0).reason());
    }

    @Test
    void aTruncatedIdxFile() throws IOException {
        Path data = StripesDataset.write(tmp.resolve("stripes"), 30, 1);
        Path images = data.resolve("t10k-images-idx3-ubyte");
        byte[] bytes = Files.readAllBytes(images);
        Files.write(images, Arrays.copyOf(bytes, bytes.length - 100));
        assertOneLineFailure(tessera("train", "--dataset", data.toString(), "--epochs", "1"), 1,
                images.toString(), "truncated");
    }

    @Test
    void anEmptyClassFolder() throws IOException {
        Path data = tmp.resolve("tiles");
        png(data.resolve("clean/a.png"), 0x404040);
        png(data.resolve("clean/b.png"), 0x505050);
        Files.createDirectories(data.resolve("corroded"));
        assertOneLineFailure(tessera("train", "--dataset", data.toString(), "--epochs", "1"), 1,
                data.resolve("corroded").toString(), "no readable images");
    }

    @Test
    void aNonImageFileInAClassFolderIsSkippedWithAWarningNamingIt() throws IOException {
        // given a two-class image folder with a text file among the images
        Path data = tmp.resolve("tiles");
        for (int i = 0; i < 12; i++) {
            png(data.resolve("clean/c" + i + ".png"), 0x303030 + i);
            png(data.resolve("corroded/k" + i + ".png"), 0xA06030 + i);
        }
        Path notes = data.resolve("corroded/notes.txt");
        Files.writeString(notes, "photographed 2026-11-30");

        // when trained on for one epoch
        Outcome outcome = tessera("train", "--dataset", data.toString(), "--epochs", "1", "--batch-size", "4",
                "--arch", "cnn-small", "--device", "cpu");

        // then training succeeds and stderr holds one warning that names the skipped file
        assertEquals(0, outcome.status(), outcome.toString());
        assertEquals(1, outcome.errLines().size(), outcome.err());
        assertTrue(outcome.err().contains(notes.toString()) && outcome.err().contains("not an image"), outcome.err());
        assertEquals(RunStatus.FINISHED, new RunStore(workspace).list().get(0).status());
    }

    @Test
    void aTrainedModelIsEvaluatedWithEveryFigureButATamperedOneIsRefused() throws IOException {
        // given a model trained on the command line and copied to a bundle folder
        Path data = StripesDataset.write(tmp.resolve("stripes"), 120, 3);
        Path bundle = tmp.resolve("bundle");
        Outcome trained = tessera("train", "--dataset", data.toString(), "--arch", "cnn-small", "--epochs", "1",
                "--batch-size", "16", "--device", "cpu", "--out", bundle.toString());
        assertEquals(0, trained.status(), trained.toString());
        assertTrue(trained.out().contains("device: cpu"), trained.out());
        assertEquals("", trained.err(), "a successful run prints nothing on stderr");

        // when it is evaluated with --out
        Path json = tmp.resolve("evaluation.json");
        Outcome evaluated = tessera("evaluate", "--dataset", data.toString(), "--model", bundle.toString(),
                "--device", "cpu", "--out", json.toString());

        // then the table names every figure, and the JSON holds them
        assertEquals(0, evaluated.status(), evaluated.toString());
        for (String column : List.of("accuracy", "macro-F1", "NLL", "ECE", "params", "MACs", "ms/img b1", "ms/img b64",
                "confusion matrix")) {
            assertTrue(evaluated.out().contains(column), column + " in\n" + evaluated.out());
        }
        JsonObject model = Json.readTree(json).getAsJsonObject().getAsJsonArray("models").get(0).getAsJsonObject();
        for (String field : List.of("accuracy", "macroF1", "nll", "ece", "latencyMsBatch1", "latencyMsBatch64", "confusion")) {
            assertTrue(model.has(field), field + " in " + model);
        }
        assertTrue(model.get("latencyMsBatch64").getAsDouble() > 0);

        // when a byte of its parameters changes, then evaluation refuses it in one line
        Path params = bundle.resolve("model.params");
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(params, bytes);
        assertOneLineFailure(tessera("evaluate", "--dataset", data.toString(), "--model", bundle.toString(),
                "--device", "cpu", "--no-latency"), 1, params.toString(), "SHA-256");
    }

    @Test
    void aMissingModelPath() throws IOException {
        Path data = StripesDataset.write(tmp.resolve("stripes"), 30, 1);
        Path missing = tmp.resolve("models/none");
        assertOneLineFailure(tessera("evaluate", "--dataset", data.toString(), "--model", missing.toString()), 1,
                missing.toString(), "no such model");
    }

    private Outcome tessera(String... args) {
        CommandLine cli = TesseraCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] withWorkspace = Arrays.copyOf(args, args.length + 2);
        withWorkspace[args.length] = "--workspace";
        withWorkspace[args.length + 1] = workspace.toString();
        capturedOut.reset();
        capturedErr.reset();
        int status = cli.execute(withWorkspace);
        return new Outcome(status, out + capturedOut.toString(StandardCharsets.UTF_8),
                err + capturedErr.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLineFailure(Outcome outcome, int status, String... fragments) {
        assertEquals(status, outcome.status(), outcome.toString());
        assertEquals(1, outcome.errLines().size(), "exactly one line on stderr:\n" + outcome.err());
        String line = outcome.errLines().get(0);
        for (String fragment : fragments) {
            assertTrue(line.contains(fragment), "'" + fragment + "' in: " + line);
        }
        assertFalse(line.contains("Exception") || line.contains("\tat "), "no stack trace or exception name: " + line);
    }

    private static void png(Path file, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? rgb : rgb ^ 0x0F0F0F);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }
}
