package tessera.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tessera experiment} refuses bad grids before training anything: exit 2 for bad usage, 1 with one line otherwise. */
class ExperimentCommandTest {

    @TempDir
    Path tmp;

    private record Outcome(int status, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private Outcome run(String... args) {
        CommandLine cli = TesseraCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int status = cli.execute(args);
        return new Outcome(status, err.toString());
    }

    private Path dataset() throws Exception {
        Path d = tmp.resolve("data");
        Files.createDirectories(d);
        return d;
    }

    @Test
    void withoutAnOutputFolderItIsBadUsage() throws Exception {
        Outcome o = run("experiment", "--dataset", dataset().toString(), "--quick");

        assertEquals(2, o.status());
        assertTrue(o.err().contains("--out"), o.err());
    }

    @Test
    void aMissingDataSetIsNamedOnOneLine() {
        Path missing = tmp.resolve("nowhere");

        Outcome o = run("experiment", "--dataset", missing.toString(), "--out", tmp.resolve("s").toString(), "--quick");

        assertEquals(1, o.status());
        assertEquals(1, o.errLines().size(), o.err());
        assertTrue(o.errLines().get(0).contains(missing.toString()), o.err());
        assertFalse(Files.exists(tmp.resolve("s")), "nothing written for a refused study");
    }

    @Test
    void labelsIsNotADistillationModeOfTheGrid() throws Exception {
        Outcome o = run("experiment", "--dataset", dataset().toString(), "--out", tmp.resolve("s").toString(),
                "--quick", "--modes", "mean-teacher,labels");

        assertEquals(1, o.status());
        assertTrue(o.errLines().get(0).contains("'labels' is the baseline"), o.err());
    }

    @Test
    void anUnknownModeOrArchitectureOrAnImpossibleGridIsRefused() throws Exception {
        String data = dataset().toString();
        String out = tmp.resolve("s").toString();

        Outcome mode = run("experiment", "--dataset", data, "--out", out, "--modes", "telepathy");
        Outcome arch = run("experiment", "--dataset", data, "--out", out, "--arch", "resnet-9000");
        Outcome teachers = run("experiment", "--dataset", data, "--out", out, "--teachers", "2,0");
        Outcome subset = run("experiment", "--dataset", data, "--out", out, "--subsets", "0.5,1.5");

        assertTrue(mode.status() == 1 && mode.errLines().get(0).contains("unknown distillation mode 'telepathy'"), mode.err());
        assertTrue(arch.status() == 1 && arch.errLines().get(0).contains("unknown architecture 'resnet-9000'"), arch.err());
        assertTrue(teachers.status() == 1 && teachers.errLines().get(0).contains("--teachers must be at least 1"), teachers.err());
        assertTrue(subset.status() == 1 && subset.errLines().get(0).contains("--subsets must lie in (0, 1], got 1.5"), subset.err());
    }
}
