package tessera.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A file is replaced whole or not at all. */
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void aWriterThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        // given a file with its old content
        Path target = dir.resolve("run.json");
        AtomicFiles.writeString(target, "old");

        // when a new version fails after writing part of its bytes
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("new, but only ha".getBytes());
            throw new IOException("disk full");
        }));

        // then the old content is intact and nothing else is in the folder
        assertEquals("old", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aWholeWriteReplacesTheFileAndCreatesMissingFolders() throws IOException {
        Path target = dir.resolve("a/b/model.json");
        AtomicFiles.writeString(target, "first");
        AtomicFiles.writeString(target, "second");
        assertEquals("second", Files.readString(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(1, files.count());
        }
    }
}
