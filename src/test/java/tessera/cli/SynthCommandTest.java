package tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SynthCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = TesseraCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void writesADataSetWithTheRequestedOptions(@TempDir Path dir) {
        // when synth runs with a small size, tile and severity classes
        int status = run("synth", "--out", dir.toString(), "--images", "2", "--seed", "3", "--width", "256",
                "--height", "192", "--tile", "32", "--corrosion-rate", "0.1", "--severity-classes");

        // then it succeeds and the options are in the manifest and the files
        assertEquals(0, status, err.toString());
        assertTrue(Files.exists(dir.resolve("images/fuselage-0000.png")));
        assertTrue(Files.exists(dir.resolve("masks/fuselage-0001.png")));
        assertTrue(Files.isDirectory(dir.resolve("tiles/test/clean")));
        assertTrue(out.toString().contains("fuselage-0001 (test"), out.toString());
        String manifest = assertDoesNotThrowRead(dir.resolve("synth.json"));
        assertTrue(manifest.contains("\"tile\": 32"), manifest);
        assertTrue(manifest.contains("\"severityClasses\": true"), manifest);
        assertTrue(manifest.contains("\"seed\": 3"), manifest);
    }

    @Test
    void badOptionsAreUsageErrors(@TempDir Path dir) {
        int status = run("synth", "--out", dir.toString(), "--images", "1", "--tile", "4");

        assertEquals(2, status);
        assertTrue(err.toString().contains("--tile must be at least 8"), err.toString());
    }

    @Test
    void anExistingDataSetIsAFailureExplainedInOneLine(@TempDir Path dir) {
        String[] args = {"synth", "--out", dir.toString(), "--images", "1", "--width", "128", "--height", "96"};
        assertEquals(0, run(args));
        err.getBuffer().setLength(0);

        int status = run(args);

        assertEquals(1, status);
        String message = err.toString().trim();
        assertTrue(message.startsWith("tessera synth: " + dir), message);
        assertTrue(message.contains("--overwrite"), message);
        assertEquals(1, message.lines().count(), message);
    }

    private static String assertDoesNotThrowRead(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(file + " unreadable", e);
        }
    }
}
