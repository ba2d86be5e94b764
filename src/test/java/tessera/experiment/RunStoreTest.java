package tessera.experiment;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The experiment store: whole files, torn lines tolerated, killed runs recognised, statuses kept. */
class RunStoreTest {

    @TempDir
    Path workspace;

    @Test
    void aNewRunIsRunningOwnedByThisProcessWithItsConfig() {
        // given a store, when a run starts
        RunStore store = new RunStore(workspace);
        JsonObject config = new JsonObject();
        config.addProperty("architecture", "cnn-small");
        Run run = store.create("train", config);

        // then run.json says RUNNING, owned by this live process, with the config, and it is listed
        RunRecord record = store.open(run.id()).record();
        assertEquals(RunStatus.RUNNING, record.status());
        assertEquals(ProcessHandle.current().pid(), record.pid());
        assertFalse(record.interrupted());
        assertEquals("RUNNING", record.displayStatus());
        assertEquals("cnn-small", record.config().get("architecture").getAsString());
        assertEquals(List.of(run.id()), store.list().stream().map(RunRecord::id).toList());
        assertTrue(run.id().contains("-train-"), run.id());
    }

    @Test
    void runJsonIsAlwaysWholeWhileItIsRewrittenAndNoTemporaryFileIsLeft() throws Exception {
        // given a run whose run.json a training thread rewrites 300 times
        RunStore store = new RunStore(workspace);
        Run run = store.create("train", new JsonObject());
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 300; i++) {
                run.putSummary("step_" + i, i);
            }
        });

        // when another reader (a GUI, `runs list`) reads it all the while
        writer.start();
        int reads = 0;
        while (writer.isAlive() || reads == 0) {
            try {
                RunJson.read(run.dir());
                reads++;
            } catch (IOException e) {
                readerFailure.set(e);
                break;
            }
        }
        writer.join();

        // then every read found a complete file, the last write is there, and no temporary file remains
        assertNull(readerFailure.get(), () -> "a reader saw a partial run.json: " + readerFailure.get());
        assertEquals(299, store.open(run.id()).record().summaryNumber("step_299").orElseThrow(), 0);
        try (Stream<Path> files = Files.list(run.dir())) {
            assertEquals(List.of("run.json"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aTornLastLineOfMetricsIsIgnoredByReadersAndCutBeforeTheNextAppend() throws IOException {
        // given metrics.csv with two rows and a third row that a crash left half written
        RunStore store = new RunStore(workspace);
        Run run = store.create("train", new JsonObject());
        run.appendMetric(1, 10, "train", "loss", 0.9);
        run.appendMetric(1, 10, "validation", "accuracy", 0.7);
        Files.writeString(run.metricsFile(), "2,20,train,lo", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        // when it is read, then only the whole rows count
        Run reopened = store.open(run.id());
        assertEquals(List.of(new Metric(1, 10, "train", "loss", 0.9), new Metric(1, 10, "validation", "accuracy", 0.7)),
                reopened.metrics());

        // when a resumed run appends, then the torn line is cut and the new row follows the whole ones
        reopened.appendMetric(2, 20, "train", "loss", 0.5);
        assertEquals(List.of("epoch,step,split,name,value", "1,10,train,loss,0.9", "1,10,validation,accuracy,0.7",
                "2,20,train,loss,0.5"), Files.readAllLines(run.metricsFile()));
        assertEquals(3, store.open(run.id()).metrics().size());
    }

    @Test
    void aRunLeftRunningByADeadProcessIsReportedInterrupted() throws Exception {
        // given a run that a process on this host owned and that process has died (kill -9 leaves RUNNING)
        RunStore store = new RunStore(workspace);
        Run run = store.create("train", new JsonObject());
        Process owner = new ProcessBuilder("java", "-version").redirectErrorStream(true).start();
        owner.getInputStream().readAllBytes();
        owner.waitFor();
        JsonObject doc = RunJson.read(run.dir());
        doc.addProperty(RunJson.PID, owner.pid());
        RunJson.write(run.dir(), doc);

        // when the store is listed
        RunRecord record = store.list().get(0);

        // then the run is still RUNNING on disk but shown as INTERRUPTED
        assertEquals(RunStatus.RUNNING, record.status());
        assertTrue(record.interrupted());
        assertEquals("INTERRUPTED", record.displayStatus());
    }

    @Test
    void aRunOwnedByAnotherHostIsNeverJudgedInterrupted() throws IOException {
        // given a RUNNING run owned by a process on another machine (a shared workspace)
        RunStore store = new RunStore(workspace);
        Run run = store.create("train", new JsonObject());
        JsonObject doc = RunJson.read(run.dir());
        doc.addProperty(RunJson.HOST, "another-workstation");
        doc.addProperty(RunJson.PID, 1);
        RunJson.write(run.dir(), doc);

        // then we cannot see its processes, so it stays RUNNING
        assertEquals("RUNNING", store.list().get(0).displayStatus());
    }

    @ParameterizedTest
    @EnumSource(value = RunStatus.class, names = {"FINISHED", "FAILED", "CANCELLED"})
    void anEndedRunKeepsItsStatusEndTimeAndReason(RunStatus status) {
        // given a run that ends with this status
        RunStore store = new RunStore(workspace);
        Run run = store.create("train", new JsonObject());
        switch (status) {
            case FINISHED -> run.markFinished();
            case FAILED -> run.markFailed("data/train-images-idx3-ubyte is truncated");
            default -> run.markCancelled();
        }

        // when it is read back by another reader
        RunRecord record = store.open(run.id()).record();

        // then status, end and reason are as written, and it is not taken for interrupted
        assertEquals(status, record.status());
        assertEquals(status.name(), record.displayStatus());
        assertTrue(record.ended() != null && !record.ended().isBefore(record.started()));
        assertEquals(status == RunStatus.FAILED ? "data/train-images-idx3-ubyte is truncated" : null, record.reason());
        assertFalse(record.interrupted());
    }

    @Test
    void resumingMakesARunRunningAgainAndRecordsWhen() {
        RunStore store = new RunStore(workspace);
        Run run = store.create("train", new JsonObject());
        run.markFailed("out of memory");

        store.open(run.id()).markRunning();

        RunRecord record = store.open(run.id()).record();
        assertEquals(RunStatus.RUNNING, record.status());
        assertNull(record.reason());
        assertNull(record.ended());
        assertEquals(1, record.resumed().size());
    }

    @Test
    void aDamagedRunJsonIsListedAsBrokenWithoutHidingTheOthers() throws IOException {
        // given two runs, one of whose run.json is cut short
        RunStore store = new RunStore(workspace);
        Run good = store.create("train", new JsonObject());
        Run bad = store.create("distill", new JsonObject());
        Files.writeString(bad.dir().resolve("run.json"), "{\"id\": \"x\", \"kind\": ");

        // when listed, then both appear, the damaged one BROKEN with a reason naming its file
        List<RunRecord> runs = store.list();
        assertEquals(2, runs.size());
        RunRecord broken = runs.stream().filter(r -> r.id().equals(bad.id())).findFirst().orElseThrow();
        assertEquals("BROKEN", broken.displayStatus());
        assertTrue(broken.reason().contains("run.json"), broken.reason());
        assertEquals("RUNNING", runs.stream().filter(r -> r.id().equals(good.id())).findFirst().orElseThrow().displayStatus());

        // and opening it fails in one line naming the run
        TesseraException e = assertThrows(TesseraException.class, () -> store.open(bad.id()));
        assertTrue(e.getMessage().contains(bad.id()), e.getMessage());
    }

    @Test
    void runsAreFoundByUniquePrefixAndAnUnknownIdIsRefused() {
        RunStore store = new RunStore(workspace);
        Run run = store.create("ensemble", new JsonObject());
        assertEquals(run.id(), store.open(run.id().substring(0, run.id().length() - 2)).id());
        TesseraException e = assertThrows(TesseraException.class, () -> store.open("20991231-000000-nothing"));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
    }
}
