package tessera.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DoctorCommandTest {

    @Test
    void reportsTheEngineAndProvesAnInferenceOnTheCpu(@TempDir Path workspace) {
        // given the doctor on the CPU
        CommandLine cli = TesseraCli.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));

        // when it runs
        int status = cli.execute("doctor", "--device", "cpu", "--workspace", workspace.toString());

        // then it names the engine, the libtorch build really loaded, the offline settings, and a finite inference
        String text = out.toString();
        assertEquals(0, status, text);
        assertTrue(text.contains("PyTorch 2.7.1"), text);
        assertTrue(text.matches("(?s).*libtorch build\\s+CPU.*"), text);
        assertTrue(text.contains("ai.djl.offline=true"), text);
        assertTrue(text.matches("(?s).*JavaFX\\s+21\\..*"), text);
        assertTrue(text.matches("(?s).*inference\\s+OK: cnn-small, batch 16.*"), text);
    }
}
