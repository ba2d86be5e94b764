package tessera.study;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.experiment.RunStore;
import tessera.experiment.RunStatus;
import tessera.train.CancellationToken;
import tessera.util.OfflineEngine;
import tessera.util.TesseraException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grid end to end on tiny real data: real DJL training, real files, resumed after a cancel. */
class StudyRunnerTest {

    @TempDir
    static Path tmp;
    static Path data;

    @BeforeAll
    static void tinyData() throws Exception {
        OfflineEngine.configure();
        data = TinyData.write(tmp.resolve("tiny"), 150, 45);
    }

    private static StudyPlan plan() {
        StudyPlan p = StudyPlan.quick();
        p.dataset = data.toString();
        p.trainLimit = 120;
        p.teachers = new ArrayList<>(List.of(2));
        p.subsets = new ArrayList<>(List.of(0.8));
        p.modes = new ArrayList<>(List.of("mean-teacher", "simultaneous"));
        p.batchSize = 16;
        p.device = "cpu";
        return p;
    }

    /** Records the progress lines; cancels the study once the given number of units has finished. */
    private static final class Recorder implements StudyProgress {
        final List<String> lines = new ArrayList<>();
        final CancellationToken cancel = new CancellationToken();
        final int cancelAfter;
        int finished;

        Recorder(int cancelAfter) {
            this.cancelAfter = cancelAfter;
        }

        @Override
        public void line(String line) {
            lines.add(line);
            if (line.contains(" s)") && ++finished == cancelAfter) {
                cancel.cancel();
            }
        }
    }

    @Test
    void aCancelledStudyResumesWithoutRedoingFinishedUnitsAndARerunSkipsEverything() throws Exception {
        Path out = tmp.resolve("study");
        // given a study cancelled after its first 2 of 6 units (baseline, teacher 1)
        Recorder first = new Recorder(2);
        StudyRunner.Outcome stopped = new StudyRunner(plan(), out, first, first.cancel).run();
        assertTrue(stopped.cancelled());
        assertEquals(2, stopped.unitsDone());
        assertEquals(6, stopped.unitsTotal());
        String baselineRun = Files.readString(out.resolve(StudyState.FILE));

        // when it is run again
        Recorder second = new Recorder(-1);
        StudyRunner.Outcome resumed = new StudyRunner(plan(), out, second, second.cancel).run();

        // then the 2 finished units are skipped and the other 4 done
        assertFalse(resumed.cancelled());
        assertEquals(2, resumed.unitsSkipped());
        assertEquals(4, resumed.unitsDone());
        assertTrue(second.lines.get(0).contains("labels baseline, seed 1: finished before, skipped"), second.lines.toString());
        List<String> csv = Files.readAllLines(out.resolve(StudyReport.CSV));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("baseline,0,1.0,labels,1,")), csv.toString());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("ensemble,2,0.8,mean,1,")), csv.toString());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("student,2,0.8,simultaneous,1,")), csv.toString());
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("student,2,0.8,mean-teacher,1,")), csv.toString());
        for (String line : csv.subList(1, csv.size())) {
            double accuracy = StudyRow.parse(line).accuracy();
            assertTrue(accuracy >= 0 && accuracy <= 1, line);
        }
        for (String png : StudyPlots.FILES) {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
        }
        // every model is a FINISHED run in the study's own run store: 1 baseline, 2 teachers, 2 students
        var runs = new RunStore(out).list();
        assertEquals(5, runs.size());
        assertTrue(runs.stream().allMatch(r -> r.status() == RunStatus.FINISHED), runs.toString());
        // the simultaneous student has one head per teacher and was distilled from the ensemble folder
        assertTrue(Files.isRegularFile(out.resolve("ensembles/t2-f0.8-s1/ensemble.json")));
        assertTrue(baselineRun.contains("baseline/s0"));

        // and a third run has nothing left to do
        Recorder third = new Recorder(-1);
        StudyRunner.Outcome again = new StudyRunner(plan(), out, third, third.cancel).run();
        assertEquals(0, again.unitsDone());
        assertEquals(6, again.unitsSkipped());
        assertEquals(csv, Files.readAllLines(out.resolve(StudyReport.CSV)));
    }

    @Test
    void aStudyFolderRefusesAnotherRecipe() throws Exception {
        Path out = tmp.resolve("recipe");
        StudyPlan plan = plan();
        StudyState state = StudyState.openOrCreate(out, plan);
        Files.createDirectories(out);
        state.save(out);
        StudyPlan changed = plan();
        changed.epochs = 3;

        TesseraException e = assertThrows(TesseraException.class, () -> StudyState.openOrCreate(out, changed));

        assertTrue(e.getMessage().contains("another recipe"), e.getMessage());
        assertTrue(e.getMessage().startsWith(out.resolve(StudyState.FILE).toString()), e.getMessage());
    }

    @Test
    void aGrownGridKeepsItsFinishedUnits() throws Exception {
        // more teacher counts or seeds are the same recipe: the state accepts the wider plan
        Path out = tmp.resolve("grow");
        Files.createDirectories(out);
        StudyState state = StudyState.openOrCreate(out, plan());
        state.unit(StudyState.baselineKey(0)).done = true;
        state.save(out);
        StudyPlan wider = plan();
        wider.teachers = new ArrayList<>(List.of(2, 3));
        wider.seeds = 2;

        StudyState reopened = StudyState.openOrCreate(out, wider);

        assertTrue(reopened.isDone(StudyState.baselineKey(0)));
        assertEquals(List.of(2, 3), reopened.plan.teachers);
    }
}
