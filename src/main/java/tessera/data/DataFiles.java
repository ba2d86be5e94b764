package tessera.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** File helpers shared by the readers of binary data sets. */
final class DataFiles {

    private static final int BUFFER = 1 << 16;

    private DataFiles() {
    }

    /** {@code dir/name}, or {@code dir/name.gz} when only the compressed file is there. */
    static Optional<Path> find(Path dir, String name) {
        Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) {
            return Optional.of(plain);
        }
        Path gz = dir.resolve(name + ".gz");
        return Files.isRegularFile(gz) ? Optional.of(gz) : Optional.empty();
    }

    /**
     * The whole file, gunzipped when it starts with the gzip magic (whatever its name says):
     * one bulk read is much faster than decoding records one at a time.
     */
    static byte[] readAll(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            InputStream in = gzip ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER) : raw;
            return in.readAllBytes();
        }
    }

    /** Non-blank, trimmed lines: the format of classes.txt and the CIFAR name files. */
    static List<String> readNames(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty())
                .toList();
    }
}
