package tessera.experiment;

import com.google.gson.JsonObject;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The experiment store: one folder per run under {@code <workspace>/runs/} (formats.md,
 * "Experiment store"). Stateless apart from its location, so any thread may use it.
 */
public final class RunStore {

    /** Local time reads naturally in a folder listing and sorts by start within one time zone. */
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final int MAX_ID_ATTEMPTS = 1000;

    private final Path runsDir;

    public RunStore(Path workspace) {
        this.runsDir = workspace.resolve("runs");
    }

    public Path runsDir() {
        return runsDir;
    }

    /**
     * Starts a run: reserves a new folder named {@code <local time>-<kind>-<4 hex>} and writes
     * run.json with status RUNNING. Folder creation is atomic, so two runs started in the same
     * second, even by two processes, get different ids.
     */
    public Run create(String kind, JsonObject config) {
        Instant now = Instant.now();
        String prefix = ID_TIME.format(now.atZone(ZoneId.systemDefault())) + "-" + slug(kind) + "-";
        try {
            Files.createDirectories(runsDir);
            for (int attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
                Path dir = runsDir.resolve(prefix + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt()));
                try {
                    Files.createDirectory(dir);
                } catch (FileAlreadyExistsException taken) {
                    continue;
                }
                return Run.start(dir, kind, config, now);
            }
        } catch (IOException e) {
            throw new TesseraException("cannot create a run in " + runsDir + ": " + e.getMessage(), e);
        }
        throw new TesseraException("cannot create a run in " + runsDir + ": no free id after " + MAX_ID_ATTEMPTS + " attempts");
    }

    /**
     * Opens a run by id, by a unique id prefix, or by the path of its folder.
     *
     * @throws TesseraException when there is no such run or its run.json cannot be read
     */
    public Run open(String idOrPath) {
        Path dir = locate(idOrPath);
        try {
            return Run.load(dir);
        } catch (IOException e) {
            throw new TesseraException("run " + idOrPath + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Every run, newest first; a folder whose run.json cannot be read is listed as a broken record. */
    public List<RunRecord> list() {
        record Listed(RunRecord record, Instant time) {
        }
        List<Listed> listed = new ArrayList<>();
        for (Path dir : runFolders()) {
            try {
                RunRecord record = RunJson.toRecord(RunJson.read(dir), dir);
                listed.add(new Listed(record, record.started()));
            } catch (IOException e) {
                listed.add(new Listed(RunRecord.broken(dir, e.getMessage()), modified(dir)));
            }
        }
        return listed.stream()
                .sorted(Comparator.comparing(Listed::time).thenComparing(l -> l.record().id()).reversed())
                .map(Listed::record)
                .toList();
    }

    private Path locate(String idOrPath) {
        if (isPlainName(idOrPath) && Files.isDirectory(runsDir.resolve(idOrPath))) {
            return runsDir.resolve(idOrPath);
        }
        try {
            Path path = Path.of(idOrPath);
            if (Files.isRegularFile(path.resolve(RunJson.FILE))) {
                return path;
            }
        } catch (InvalidPathException notAPath) {
            // fall through to prefix matching and the one-line failure below
        }
        if (isPlainName(idOrPath)) {
            List<Path> matches = runFolders().stream().filter(d -> d.getFileName().toString().startsWith(idOrPath)).toList();
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.size() > 1) {
                throw new TesseraException("run " + idOrPath + " is ambiguous in " + runsDir + ": "
                        + matches.stream().map(d -> d.getFileName().toString()).sorted().toList());
            }
        }
        throw new TesseraException("run " + idOrPath + " not found in " + runsDir);
    }

    /** Run folders; hidden entries (temporary files of atomic writes, editor litter) are not runs. */
    private List<Path> runFolders() {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(runsDir)) {
            return entries.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().startsWith(".")).toList();
        } catch (IOException e) {
            throw new TesseraException("cannot list " + runsDir + ": " + e.getMessage(), e);
        }
    }

    private static boolean isPlainName(String text) {
        return !text.isEmpty() && !text.startsWith(".") && !text.contains("/") && !text.contains("\\");
    }

    private static Instant modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir).toInstant();
        } catch (IOException e) {
            return FileTime.fromMillis(0).toInstant();
        }
    }

    /** The kind as it appears in an id: lower-case letters, digits and dashes. */
    private static String slug(String kind) {
        String slug = kind == null ? "" : kind.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "run" : slug;
    }
}
