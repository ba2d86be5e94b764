package tessera.experiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A text file that only grows by whole lines (metrics.csv, log.txt).
 *
 * <p>Why appending rather than a temporary file and a rename like run.json: a run logs a row
 * per step, and rewriting the whole file each time costs time quadratic in its length. Lines
 * are made safe instead: a line counts only once its terminating newline is on disk, so a
 * crash in the middle of a write leaves at most one torn last line, which readers ignore and
 * the next writer (a resumed run) cuts off before appending. Earlier lines are never rewritten,
 * so a crash cannot lose them.
 */
final class LineFile {

    private static final byte NEWLINE = '\n';

    private final Path file;
    private final String header;
    private boolean tailRepaired;

    /** @param header first line written into a new file, or null for none */
    LineFile(Path file, String header) {
        this.file = file;
        this.header = header;
    }

    Path path() {
        return file;
    }

    /** Appends the lines in one write; callers serialise calls (Run is synchronized). */
    void append(List<String> lines) throws IOException {
        if (!tailRepaired) {
            cutTornTail();
            tailRepaired = true;
        }
        StringBuilder text = new StringBuilder();
        if (header != null && (!Files.exists(file) || Files.size(file) == 0)) {
            text.append(header).append('\n');
        }
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Files.write(file, text.toString().getBytes(StandardCharsets.UTF_8),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** The complete lines after the header; an unterminated last line is a torn write and left out. */
    List<String> lines() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            String line = text.substring(start, end);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (!(start == 0 && line.equals(header))) {
                lines.add(line);
            }
            start = end + 1;
        }
        return lines;
    }

    /** Truncates the file after its last newline, dropping a line a crash left half written. */
    private void cutTornTail() throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long keep = channel.size();
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                channel.read(one, keep - 1);
                if (one.get(0) == NEWLINE) {
                    break;
                }
                keep--;
            }
            if (keep < channel.size()) {
                channel.truncate(keep);
            }
        }
    }
}
