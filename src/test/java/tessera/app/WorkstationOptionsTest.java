package tessera.app;

import org.junit.jupiter.api.Test;
import tessera.util.TesseraException;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkstationOptionsTest {

    @Test
    void noArgumentsOrOnlyWorkstationOptionsOpenTheWindow() {
        assertTrue(WorkstationOptions.isWorkstationCall(new String[0]));
        assertTrue(WorkstationOptions.isWorkstationCall(new String[] {"--workspace", "/tmp/w", "--threads=2"}));
    }

    @Test
    void aSubcommandOrHelpGoesToTheCommandLine() {
        assertFalse(WorkstationOptions.isWorkstationCall(new String[] {"runs", "list"}));
        assertFalse(WorkstationOptions.isWorkstationCall(new String[] {"--workspace", "/tmp/w", "runs", "list"}));
        assertFalse(WorkstationOptions.isWorkstationCall(new String[] {"--help"}));
    }

    @Test
    void givenAnImageFileWhenItIsTheArgumentThenTheWindowOpensIt(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        Path tiff = java.nio.file.Files.createFile(dir.resolve("panel.tif"));
        assertTrue(WorkstationOptions.isWorkstationCall(new String[] {tiff.toString()}));
        assertEquals(java.util.List.of(tiff), WorkstationOptions.parse("--device", "cpu", tiff.toString()).images());
        assertFalse(WorkstationOptions.isWorkstationCall(new String[] {dir.resolve("missing.tif").toString()}));
        assertFalse(WorkstationOptions.isWorkstationCall(new String[] {"inspect", tiff.toString()}));
    }

    @Test
    void givenOptionsWhenParsedThenEachIsRead() {
        WorkstationOptions options = WorkstationOptions.parse("--workspace=/tmp/w", "--threads", "3", "--device", "cpu");
        assertEquals(Path.of("/tmp/w"), options.workspace().orElseThrow());
        assertEquals(3, options.threads());
        assertEquals("cpu", options.device());
    }

    @Test
    void compareOpensExperimentsWithThoseRunsAndViewNamesASection() {
        WorkstationOptions options = WorkstationOptions.parse("--compare", "run-a, run-b");
        assertEquals(Section.EXPERIMENTS, options.view().orElseThrow());
        assertEquals(java.util.List.of("run-a", "run-b"), options.compare());
        assertEquals(Section.TRAIN, WorkstationOptions.parse("--view=train").view().orElseThrow());
        assertThrows(TesseraException.class, () -> WorkstationOptions.parse("--view", "settings"));
    }

    @Test
    void aMissingValueIsRefusedWithTheOptionName() {
        TesseraException e = assertThrows(TesseraException.class, () -> WorkstationOptions.parse("--workspace"));
        assertTrue(e.getMessage().contains("--workspace"), e.getMessage());
    }
}
