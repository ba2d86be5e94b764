package tessera.experiment;

import com.google.gson.JsonObject;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One run folder, written by the process that owns it. Every method is synchronized because a
 * training thread writes while a GUI thread reads; run.json is rewritten whole (temporary file,
 * atomic rename) on every change, metrics.csv and log.txt grow by whole lines (see {@link LineFile}).
 */
public final class Run {

    static final String METRICS_FILE = "metrics.csv";
    static final String LOG_FILE = "log.txt";

    private final Path dir;
    private final JsonObject doc;
    private final LineFile metrics;
    private final LineFile log;

    private Run(Path dir, JsonObject doc) {
        this.dir = dir;
        this.doc = doc;
        this.metrics = new LineFile(dir.resolve(METRICS_FILE), Metric.CSV_HEADER);
        this.log = new LineFile(dir.resolve(LOG_FILE), null);
    }

    /** Writes run.json for a new run in an empty, freshly reserved folder. */
    static Run start(Path dir, String kind, JsonObject config, Instant started) {
        JsonObject doc = new JsonObject();
        doc.addProperty(RunJson.ID, dir.getFileName().toString());
        doc.addProperty(RunJson.KIND, kind);
        doc.addProperty(RunJson.STATUS, RunStatus.RUNNING.name());
        doc.add(RunJson.CONFIG, config == null ? new JsonObject() : config.deepCopy());
        doc.addProperty(RunJson.STARTED, started.toString());
        doc.add(RunJson.VERSIONS, versions());
        doc.add(RunJson.SUMMARY, new JsonObject());
        Run run = new Run(dir, doc);
        run.takeOwnership();
        run.save();
        return run;
    }

    static Run load(Path dir) throws IOException {
        return new Run(dir, RunJson.read(dir));
    }

    public String id() {
        return dir.getFileName().toString();
    }

    public Path dir() {
        return dir;
    }

    /** A snapshot of run.json as this run last wrote it. */
    public synchronized RunRecord record() {
        try {
            return RunJson.toRecord(doc, dir);
        } catch (IOException e) {
            throw new IllegalStateException("run.json in memory became inconsistent", e); // only our own writes change doc
        }
    }

    /** {@code <dir>/checkpoints}, created on first use. */
    public Path checkpointsDir() {
        Path checkpoints = dir.resolve("checkpoints");
        try {
            Files.createDirectories(checkpoints);
        } catch (IOException e) {
            throw new TesseraException("cannot create " + checkpoints + ": " + e.getMessage(), e);
        }
        return checkpoints;
    }

    /** {@code <dir>/model}, where the output bundle goes; not created, so its writer can put it in place whole. */
    public Path bundleDir() {
        return dir.resolve("model");
    }

    public Path metricsFile() {
        return metrics.path();
    }

    public Path logFile() {
        return log.path();
    }

    public synchronized void setDevice(String device) {
        doc.addProperty(RunJson.DEVICE, device);
        save();
    }

    public synchronized void putSummary(String key, double value) {
        summary().addProperty(key, value);
        save();
    }

    public synchronized void putSummary(String key, String value) {
        summary().addProperty(key, value);
        save();
    }

    public synchronized void appendMetric(int epoch, long step, String split, String name, double value) {
        String row = new Metric(epoch, step, split, name, value).toCsv();
        try {
            metrics.append(List.of(row));
        } catch (IOException e) {
            throw new TesseraException("cannot append to " + metrics.path() + ": " + e.getMessage(), e);
        }
    }

    /** Every complete row of metrics.csv in file order; a torn last line or a foreign line is skipped. */
    public synchronized List<Metric> metrics() {
        List<Metric> rows = new ArrayList<>();
        try {
            for (String line : metrics.lines()) {
                Metric metric = Metric.parseCsv(line);
                if (metric != null) {
                    rows.add(metric);
                }
            }
        } catch (IOException e) {
            throw new TesseraException("cannot read " + metrics.path() + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /** Appends to log.txt, every line of the message prefixed with the current ISO-8601 instant. */
    public synchronized void log(String message) {
        String stamp = Instant.now().toString();
        List<String> lines = Arrays.stream(String.valueOf(message).split("\\R", -1))
                .map(line -> stamp + " " + line).toList();
        try {
            log.append(lines);
        } catch (IOException e) {
            throw new TesseraException("cannot append to " + log.path() + ": " + e.getMessage(), e);
        }
    }

    /** On resume: RUNNING again, owned by this process, with the resume time recorded. */
    public synchronized void markRunning() {
        doc.addProperty(RunJson.STATUS, RunStatus.RUNNING.name());
        doc.remove(RunJson.ENDED);
        doc.remove(RunJson.REASON);
        RunJson.array(doc, RunJson.RESUMED).add(Instant.now().toString());
        takeOwnership();
        save();
    }

    public synchronized void markFinished() {
        end(RunStatus.FINISHED, null);
    }

    public synchronized void markFailed(String reason) {
        end(RunStatus.FAILED, reason);
    }

    public synchronized void markCancelled() {
        end(RunStatus.CANCELLED, null);
    }

    private void end(RunStatus status, String reason) {
        doc.addProperty(RunJson.STATUS, status.name());
        doc.addProperty(RunJson.ENDED, Instant.now().toString());
        if (reason == null) {
            doc.remove(RunJson.REASON);
        } else {
            doc.addProperty(RunJson.REASON, reason);
        }
        save();
    }

    /** The summary object, added when a run.json written by hand or an older version lacks it. */
    private JsonObject summary() {
        if (!doc.has(RunJson.SUMMARY) || !doc.get(RunJson.SUMMARY).isJsonObject()) {
            doc.add(RunJson.SUMMARY, new JsonObject());
        }
        return doc.getAsJsonObject(RunJson.SUMMARY);
    }

    private void takeOwnership() {
        doc.addProperty(RunJson.HOST, RunOwner.host());
        doc.addProperty(RunJson.PID, RunOwner.pid());
    }

    private void save() {
        try {
            RunJson.write(dir, doc);
        } catch (IOException e) {
            throw new TesseraException("cannot write " + dir.resolve(RunJson.FILE) + ": " + e.getMessage(), e);
        }
    }

    private static JsonObject versions() {
        JsonObject versions = new JsonObject();
        String tessera = Run.class.getPackage().getImplementationVersion();
        versions.addProperty("tessera", tessera == null ? "development" : tessera);
        versions.addProperty("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        versions.addProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"));
        return versions;
    }
}
