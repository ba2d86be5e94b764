package tessera.distill;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tessera.cli.TesseraCli;
import tessera.data.DataSplits;
import tessera.data.DatasetLoader;
import tessera.ensemble.Ensemble;
import tessera.evaluate.Agreement;
import tessera.evaluate.ClassificationMetrics;
import tessera.evaluate.ModelReport;
import tessera.evaluate.TradeOffEvaluation;
import tessera.experiment.Run;
import tessera.experiment.RunStatus;
import tessera.experiment.RunStore;
import tessera.model.BatchInference;
import tessera.model.Classifier;
import tessera.model.ModelBundle;
import tessera.train.CancellationToken;
import tessera.train.TrainingJob;
import tessera.train.TrainingListener;
import tessera.train.TrainingResult;
import tessera.train.TrainingSettings;
import tessera.util.TesseraException;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Distillation from a real (tiny) ensemble whose teachers disagree in a known way: teacher k
 * answers class c + k (mod 3). Trained once for the whole class: three teachers and one
 * simultaneous student, a few seconds on a CPU.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiTeacherDistillationTest {

    private Path root;

    private RunStore store;
    private Path data;
    private Path teachers;
    private Path student;
    private String studentRun;

    @BeforeAll
    void trainTeachersAndASimultaneousStudent(@TempDir Path dir) throws IOException {
        root = dir;
        store = new RunStore(root.resolve("workspace"));
        teachers = TinyTeachers.ensemble(root, store);
        data = TinyTeachers.dataset(root.resolve("data"), 9, TinyTeachers.CLASSES, 0);
        TrainingSettings s = studentSettings("simultaneous", 8);
        Run run = TrainingJob.create(store, "distill", s);
        TrainingResult r = TrainingJob.run(run, s, Distillation.objectives(s), TrainingListener.NONE, new CancellationToken());
        student = r.bundle();
        studentRun = run.id();
    }

    private TrainingSettings studentSettings(String mode, int epochs) {
        TrainingSettings s = TinyTeachers.settings(data, epochs, 7);
        s.objective = mode;
        s.teachers = teachers.toString();
        s.temperature = 2;
        s.alpha = 0.9;
        s.heads = "simultaneous".equals(mode) ? TinyTeachers.TEACHERS : 1;
        return s;
    }

    private static int[] argMax(double[][] p) {
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            out[i] = ClassificationMetrics.argMax(p[i]);
        }
        return out;
    }

    private static double agreement(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < a.length; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return (double) same / a.length;
    }

    @Test
    void theTeachersReallyDisagreeAsDesigned() throws IOException {
        DataSplits split = DatasetLoader.load(data, TinyTeachers.settings(data, 1, 7).datasetOptions());
        try (Ensemble ensemble = Ensemble.load(teachers, Device.cpu())) {
            double[][][] p = ensemble.memberProbabilities(split.test(), 64);
            int[] labels = split.test().labels();
            for (int k = 0; k < TinyTeachers.TEACHERS; k++) {
                int[] shifted = new int[labels.length];
                for (int i = 0; i < labels.length; i++) {
                    shifted[i] = (labels[i] + k) % 3;
                }
                double a = agreement(argMax(p[k]), shifted);
                assertTrue(a > 0.9, "teacher " + k + " answers class + " + k + " on " + a + " of the test set");
            }
        }
    }

    @Test
    void simultaneousHeadKTracksTeacherKBetterThanTheOtherTeachers() throws IOException {
        // given the student's heads and the teachers' answers on the test split
        DataSplits split = DatasetLoader.load(data, TinyTeachers.settings(data, 1, 7).datasetOptions());
        double[][] agree = new double[3][3];
        try (Ensemble ensemble = Ensemble.load(teachers, Device.cpu());
             Classifier s = ModelBundle.load(student, Device.cpu())) {
            assertEquals(3, s.heads());
            double[][][] heads = s.probabilities(split.test(), 64);
            double[][][] t = ensemble.memberProbabilities(split.test(), 64);
            for (int k = 0; k < 3; k++) {
                for (int j = 0; j < 3; j++) {
                    agree[k][j] = agreement(argMax(heads[k]), argMax(t[j]));
                }
            }
        }
        // then head k agrees with teacher k far more than with any other teacher
        String matrix = java.util.Arrays.deepToString(agree);
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 3; j++) {
                if (j != k) {
                    assertTrue(agree[k][k] > agree[k][j] + 0.3, "head " + k + " vs teachers: " + matrix);
                }
            }
            assertTrue(agree[k][k] > 0.8, "head " + k + " tracks its teacher: " + matrix);
        }
    }

    @Test
    void teacherOutputsAreCachedOnceWithoutAugmentationAndEqualTheSoftenedTeachers() throws IOException {
        // the student's run logged that the teachers ran once, before training
        Run run = store.open(studentRun);
        String log = Files.readString(run.logFile());
        assertTrue(log.contains("teacher outputs cached once for "), log);
        assertFalse(log.contains("teachers run on every augmented batch"), log);

        // and the cache holds softmax(teacher logits / T) of the un-augmented training images
        DataSplits split = DatasetLoader.load(data, TinyTeachers.settings(data, 1, 7).datasetOptions());
        double temperature = 3;
        try (Ensemble ensemble = Ensemble.load(teachers, Device.cpu())) {
            TeacherTargets cache = Distillation.cache(ensemble, DistillationMode.PER_TEACHER, split.train(), temperature, new CancellationToken());
            assertEquals(3, cache.count());
            for (int k = 0; k < 3; k++) {
                Classifier teacher = ensemble.members().get(k);
                double[][] expected = BatchInference.softmax(teacher.logits(split.train(), 64)[0], 3, temperature);
                try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
                    float[] rows = cache.rows(k, new int[] {5, 0}, m).toFloatArray();
                    assertArrayEquals(new float[] {(float) expected[5][0], (float) expected[5][1], (float) expected[5][2],
                            (float) expected[0][0], (float) expected[0][1], (float) expected[0][2]}, rows, 1e-6f);
                }
            }
            // mean-teacher caches one target: the mean of the softened teachers
            TeacherTargets mean = Distillation.cache(ensemble, DistillationMode.MEAN_TEACHER, split.train(), temperature, new CancellationToken());
            assertEquals(1, mean.count());
        }
    }

    @Test
    void cancelledWhileTheTeachersOutputsAreCachedTheRunIsCancelledAndResumable() throws IOException {
        TrainingSettings s = studentSettings("per-teacher", 1);
        Run run = TrainingJob.create(store, "distill", s);
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();
        TrainingResult r = TrainingJob.run(run, s, Distillation.objectives(s), TrainingListener.NONE, cancel);
        assertTrue(r.cancelled());
        assertEquals(0, r.epochsDone());
        Run reread = store.open(run.id());
        assertEquals(RunStatus.CANCELLED, reread.record().status());
        String log = Files.readString(reread.logFile());
        assertTrue(log.contains("cancelled while caching the teachers' outputs (0 of 3 done); resumable from epoch 0"), log);
        assertFalse(log.contains("cached once"), log);
        assertTrue(reread.metrics().isEmpty());

        TrainingResult resumed = TrainingJob.resume(store, run.id(), Distillation::objectives, TrainingListener.NONE,
                new CancellationToken());
        assertFalse(resumed.cancelled());
        assertEquals(RunStatus.FINISHED, store.open(run.id()).record().status());
        assertTrue(Files.isRegularFile(resumed.bundle().resolve(ModelBundle.PARAMS_FILE)));
    }

    @Test
    void withAugmentationTheTeachersRunOnEveryBatch() throws IOException {
        TrainingSettings s = studentSettings("mean-teacher", 1);
        s.cropPadding = 1;
        Run run = TrainingJob.create(store, "distill", s);
        TrainingJob.run(run, s, Distillation.objectives(s), TrainingListener.NONE, new CancellationToken());
        String log = Files.readString(run.logFile());
        assertTrue(log.contains("teachers run on every augmented batch"), log);
        assertFalse(log.contains("cached once"), log);
    }

    @Test
    void teachersOfAnotherInputShapeAreRefusedBeforeTrainingStarts() throws IOException {
        Path other = TinyTeachers.dataset(root.resolve("data-10px"), 10, TinyTeachers.CLASSES, 0);
        TrainingSettings s = studentSettings("per-teacher", 1);
        s.dataset = other.toString();
        Run run = TrainingJob.create(store, "distill", s);
        TesseraException e = assertThrows(TesseraException.class,
                () -> TrainingJob.run(run, s, Distillation.objectives(s), TrainingListener.NONE, new CancellationToken()));
        assertEquals(teachers + ": teachers take input [1, 9, 9] but the data set has [1, 10, 10]", e.getMessage());
        assertNothingTrained(run);
    }

    @Test
    void teachersOfAnotherClassSetAreRefusedBeforeTrainingStarts() throws IOException {
        Path other = TinyTeachers.dataset(root.resolve("data-4-classes"), 9, List.of("cat", "dog", "owl", "eel"), 0);
        TrainingSettings s = studentSettings("simultaneous", 1);
        s.dataset = other.toString();
        Run run = TrainingJob.create(store, "distill", s);
        TesseraException e = assertThrows(TesseraException.class,
                () -> TrainingJob.run(run, s, Distillation.objectives(s), TrainingListener.NONE, new CancellationToken()));
        assertEquals(teachers + ": teacher classes [cat, dog, owl] differ from the data set's [cat, dog, owl, eel]",
                e.getMessage());
        assertNothingTrained(run);
    }

    private void assertNothingTrained(Run run) throws IOException {
        Run reread = store.open(run.id());
        assertEquals(RunStatus.FAILED, reread.record().status());
        assertTrue(reread.metrics().isEmpty(), "no epoch was trained: " + reread.metrics());
        assertFalse(Files.exists(reread.bundleDir().resolve(ModelBundle.PARAMS_FILE)));
    }

    @Test
    void tradeOffTableHasEveryMemberEveryFusionMethodEveryHeadAndTheFusedHeads() throws IOException {
        DataSplits split = DatasetLoader.load(data, TinyTeachers.settings(data, 1, 7).datasetOptions());
        TradeOffEvaluation.Part ensemble = TradeOffEvaluation.evaluate(teachers, split.test(), Device.cpu(), true);
        TradeOffEvaluation.Part heads = TradeOffEvaluation.evaluate(student, split.test(), Device.cpu(), true);

        // 3 members + 16 fusion methods (no stacking combiner in this ensemble)
        assertEquals(3 + 16, ensemble.rows().size());
        ModelReport member = ensemble.rows().get(0);
        ModelReport mean = ensemble.rows().get(3);
        assertEquals("teachers/member-1", member.name());
        assertEquals("teachers [mean]", mean.name());
        assertEquals("teachers [mean]", ensemble.headlineRow().name());
        // the ensemble costs the sum of its members
        long params = 0;
        double latency = 0;
        for (int t = 0; t < 3; t++) {
            params += ensemble.rows().get(t).parameters();
            latency += ensemble.rows().get(t).latencyMsBatch1();
        }
        assertEquals(params, mean.parameters());
        assertTrue(mean.latencyMsBatch1() >= latency, "fused latency includes every member");
        // the rotated teachers: each member is right on about a third, and they almost never agree
        Agreement a = ensemble.agreement();
        assertEquals(List.of("member-1", "member-2", "member-3"), a.members());
        assertEquals(1.0, a.agreement()[1][1], 0);
        assertTrue(a.meanPairwiseDisagreement() > 0.8, "disagreement " + a.meanPairwiseDisagreement());
        assertTrue(a.oracleAccuracy() > 0.9, "some member is right almost always: " + a.oracleAccuracy());

        // student: the heads fused as recorded (mean), each head, and 13 other unweighted methods
        String name = heads.rows().get(0).name();
        assertEquals(1 + 3 + 13, heads.rows().size());
        assertEquals(name + " head 1", heads.rows().get(1).name());
        assertEquals(name + " heads [product]", heads.rows().get(4).name());
        assertEquals("simultaneous", heads.rows().get(0).kind());
        // one network however many heads: every row costs the student's parameters
        for (ModelReport r : heads.rows()) {
            assertEquals(heads.rows().get(0).parameters(), r.parameters(), r.name());
        }
        assertTrue(heads.rows().get(0).parameters() < params, "the student is smaller than the ensemble");
        assertEquals(3, heads.agreement().members().size());
    }

    @Test
    void evaluateCommandPrintsTheTableAndWritesJsonAndAgreementHeatMap() throws IOException {
        CommandLine cli = TesseraCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        Path out = root.resolve("eval").resolve("evaluation.json");
        Files.createDirectories(out.getParent());
        java.io.PrintStream previous = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            status = cli.execute("evaluate", "--dataset", data.toString(), "--model", teachers.toString(),
                    "--model", student.toString(), "--device", "cpu", "--no-latency", "--out", out.toString(),
                    "--workspace", root.resolve("workspace").toString());
        } finally {
            System.setOut(previous);
        }
        String text = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, status, err + text);
        assertTrue(text.contains("teachers [borda]"), text);
        assertTrue(text.contains("pairwise agreement of teachers"), text);
        String json = Files.readString(out);
        assertTrue(json.contains("\"agreement\""), json);
        assertTrue(json.contains("\"teachers [stv]\""), json);
        Path png = out.resolveSibling("evaluation-agreement-teachers.png");
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 200 && image.getHeight() > 200, "heat map " + image.getWidth() + "x" + image.getHeight());
        assertTrue(Files.isRegularFile(out.resolveSibling("evaluation-agreement-teachers.json")));
    }
}
