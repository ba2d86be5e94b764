package tessera.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tessera.fusion.FusionMethod;
import tessera.fusion.PredictionsCsv;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code tessera fuse} on predictions files written by the test, as another framework would write them. */
class FuseCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int fuse(String... args) {
        CommandLine cli = TesseraCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of("fuse"));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(new String[0]));
    }

    private Path file(String name, String... lines) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, String.join("\n", lines) + "\n");
        return f;
    }

    /** Three members on three samples of classes cat/dog/owl; sample s1 is FusionTest.THREE. */
    private List<Path> threeMembers() throws IOException {
        return List.of(
                file("a.csv", "id,label,p_cat,p_dog,p_owl", "s1,dog,0.5,0.3,0.2", "s2,cat,0.8,0.1,0.1", "s3,owl,0.3,0.3,0.4"),
                file("b.csv", "id,label,p_cat,p_dog,p_owl", "s1,dog,0.1,0.6,0.3", "s2,cat,0.7,0.2,0.1", "s3,owl,0.1,0.7,0.2"),
                file("c.csv", "id,label,p_cat,p_dog,p_owl", "s1,dog,0.2,0.3,0.5", "s2,cat,0.2,0.5,0.3", "s3,owl,0.1,0.2,0.7"));
    }

    private String[] args(List<Path> files, String... rest) {
        List<String> a = new ArrayList<>(List.of("--predictions"));
        files.forEach(f -> a.add(f.toString()));
        a.addAll(List.of(rest));
        return a.toArray(new String[0]);
    }

    private String[] withMethod(String method, List<Path> files, String... rest) {
        List<String> a = new ArrayList<>(List.of("--method", method));
        a.addAll(List.of(args(files, rest)));
        return a.toArray(new String[0]);
    }

    @Test
    void meanOfThreeFilesWritesFusedFileWithPredColumn() throws IOException {
        // given three members' files; when fused by mean
        Path fused = dir.resolve("fused.csv");
        int status = fuse(withMethod("mean", threeMembers(), "--out", fused.toString()));

        // then the file has the pred column, the labels and the mean rows
        assertEquals(0, status, err.toString());
        PredictionsCsv.Predictions p = PredictionsCsv.read(fused);
        assertEquals(List.of("s1", "s2", "s3"), p.ids());
        assertEquals(List.of("cat", "dog", "owl"), p.classNames());
        assertArrayEquals(new String[] {"dog", "cat", "owl"}, p.labels());
        // s1: (.8, 1.2, 1.0)/3 -> dog; s2: (1.7, .8, .5)/3 -> cat; s3: (.5, 1.2, 1.3)/3 -> owl
        assertArrayEquals(new int[] {1, 0, 2}, p.predicted());
        assertArrayEquals(new double[] {0.8 / 3, 0.4, 1.0 / 3}, p.probabilities()[0], 1e-6);
        assertTrue(Files.readString(fused).startsWith("id,label,pred,p_cat,p_dog,p_owl\ns1,dog,dog,"));
        assertTrue(out.toString().contains("accuracy 100.00%"), out.toString());
    }

    @Test
    void allWritesOneFilePerMethodAndPrintsAccuracyPerMethod() throws IOException {
        Path folder = dir.resolve("fused");
        int status = fuse(withMethod("all", threeMembers(), "--weights", "1,1,3", "--out", folder.toString()));

        assertEquals(0, status, err.toString());
        for (FusionMethod m : FusionMethod.values()) {
            assertTrue(Files.isRegularFile(folder.resolve(m.id() + ".csv")), m.id());
            assertTrue(out.toString().matches("(?s).*\\n" + m.id() + " +accuracy +\\d+\\.\\d\\d%.*"), out.toString());
        }
        // s3 under plurality: votes owl (a: .4 top), dog (b), owl (c) -> owl; all right -> 100 %
        assertTrue(out.toString().matches("(?s).*\\nplurality +accuracy 100\\.00%.*"), out.toString());
        // weighted-vote with w = 1,1,3 follows c: s1 owl (wrong), s2 dog 3 : cat 2 (wrong), s3 owl -> 33.33 %
        assertTrue(out.toString().matches("(?s).*\\nweighted-vote +accuracy  33\\.33%.*"), out.toString());
    }

    @Test
    void filesWithoutLabelsAreFusedWithoutAccuracy() throws IOException {
        List<Path> files = List.of(
                file("u.csv", "id,label,p_x,p_y", "1,,0.9,0.1"),
                file("v.csv", "id,label,p_x,p_y", "1,,0.2,0.8"));
        int status = fuse(withMethod("product", files, "--out", dir.resolve("f.csv").toString()));
        assertEquals(0, status, err.toString());
        assertFalse(out.toString().contains("%"), out.toString());
        // .9*.2 = .18 vs .1*.8 = .08 -> x
        assertArrayEquals(new int[] {0}, PredictionsCsv.read(dir.resolve("f.csv")).predicted());
    }

    @Test
    void weightsFromValidationAccuracyAreDerivedFromLabelledValidationFiles() throws IOException {
        List<Path> test = threeMembers();
        // validation: a right on 2 of 2, b on 1 of 2, c on 0 of 2 -> weights 1, 0.5, 0
        List<Path> val = List.of(
                file("va.csv", "id,label,p_cat,p_dog,p_owl", "v1,cat,0.6,0.2,0.2", "v2,dog,0.2,0.6,0.2"),
                file("vb.csv", "id,label,p_cat,p_dog,p_owl", "v1,cat,0.6,0.2,0.2", "v2,dog,0.6,0.2,0.2"),
                file("vc.csv", "id,label,p_cat,p_dog,p_owl", "v1,cat,0.2,0.2,0.6", "v2,dog,0.2,0.2,0.6"));
        List<String> a = new ArrayList<>(List.of(withMethod("weighted-mean", test, "--out", dir.resolve("w.csv").toString(),
                "--weights-from", "accuracy", "--validation")));
        val.forEach(v -> a.add(v.toString()));
        int status = fuse(a.toArray(new String[0]));
        assertEquals(0, status, err.toString());
        // s1 with weights 1, .5, 0: cat (.5+.05)/1.5, dog (.3+.3)/1.5, owl (.2+.15)/1.5
        assertArrayEquals(new double[] {0.55 / 1.5, 0.6 / 1.5, 0.35 / 1.5},
                PredictionsCsv.read(dir.resolve("w.csv")).probabilities()[0], 1e-6);
    }

    // ---- bad input: one line on stderr naming the first mismatch, exit 1 ----

    private void assertRefused(String expectedMessagePart, String... args) {
        int status = fuse(args);
        assertEquals(1, status, out.toString());
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("tessera fuse: "), message);
        assertTrue(message.contains(expectedMessagePart), message);
    }

    @Test
    void differentIdsAreRefusedNamingTheFirstMismatch() throws IOException {
        Path a = threeMembers().get(0);
        Path b = file("b2.csv", "id,label,p_cat,p_dog,p_owl", "s1,dog,0.1,0.6,0.3", "s9,cat,0.7,0.2,0.1", "s3,owl,0.1,0.7,0.2");
        assertRefused("b2.csv: row 2 has id 's9' but a.csv has 's2' (id 's9' is not in a.csv)",
                withMethod("mean", List.of(a, b), "--out", dir.resolve("x.csv").toString()));
    }

    @Test
    void sameIdsInAnotherOrderAreRefused() throws IOException {
        Path a = threeMembers().get(0);
        Path b = file("b3.csv", "id,label,p_cat,p_dog,p_owl", "s1,dog,0.1,0.6,0.3", "s3,owl,0.1,0.7,0.2", "s2,cat,0.7,0.2,0.1");
        assertRefused("b3.csv: row 2 has id 's3' but a.csv has 's2' (the same id is on another row",
                withMethod("mean", List.of(a, b), "--out", dir.resolve("x.csv").toString()));
    }

    @Test
    void differentClassesAreRefused() throws IOException {
        Path a = threeMembers().get(0);
        Path b = file("b4.csv", "id,label,p_cat,p_owl,p_dog", "s1,dog,0.1,0.3,0.6", "s2,cat,0.7,0.1,0.2", "s3,owl,0.1,0.2,0.7");
        assertRefused("b4.csv: classes [cat, owl, dog] differ from a.csv [cat, dog, owl] (same classes in a different order)",
                withMethod("mean", List.of(a, b), "--out", dir.resolve("x.csv").toString()));
    }

    @Test
    void differentRowCountsAreRefused() throws IOException {
        Path a = threeMembers().get(0);
        Path b = file("b5.csv", "id,label,p_cat,p_dog,p_owl", "s1,dog,0.1,0.6,0.3", "s2,cat,0.7,0.2,0.1");
        assertRefused("b5.csv: 2 rows but a.csv has 3; row 3 (id 's3') is only in a.csv",
                withMethod("mean", List.of(a, b), "--out", dir.resolve("x.csv").toString()));
    }

    @Test
    void negativeProbabilityIsRefusedNamingTheRow() throws IOException {
        Path a = threeMembers().get(0);
        Path b = file("neg.csv", "id,label,p_cat,p_dog,p_owl", "s1,dog,0.1,0.6,0.3", "s2,cat,1.1,-0.1,0.0", "s3,owl,0.1,0.7,0.2");
        assertRefused("neg.csv: line 3 (row 2, id 's2'): p_dog is -0.1, probabilities must be in [0, 1]",
                withMethod("mean", List.of(a, b), "--out", dir.resolve("x.csv").toString()));
    }

    @Test
    void nanProbabilityIsRefusedNamingTheRow() throws IOException {
        Path a = threeMembers().get(0);
        Path b = file("nan.csv", "id,label,p_cat,p_dog,p_owl", "s1,dog,0.1,0.6,0.3", "s2,cat,0.7,0.2,0.1", "s3,owl,NaN,0.7,0.2");
        assertRefused("nan.csv: line 4 (row 3, id 's3'): p_cat is NaN",
                withMethod("mean", List.of(a, b), "--out", dir.resolve("x.csv").toString()));
    }

    @Test
    void rowNotSummingToOneWithin1eMinus3IsRefused() throws IOException {
        Path a = threeMembers().get(0);
        Path ok = file("ok.csv", "id,label,p_cat,p_dog,p_owl", "s1,dog,0.1,0.6,0.3005", "s2,cat,0.7,0.2,0.1", "s3,owl,0.1,0.7,0.2");
        assertEquals(0, fuse(withMethod("mean", List.of(a, ok), "--out", dir.resolve("ok-fused.csv").toString())), err.toString());
        Path bad = file("sum.csv", "id,label,p_cat,p_dog,p_owl", "s1,dog,0.1,0.6,0.302", "s2,cat,0.7,0.2,0.1", "s3,owl,0.1,0.7,0.2");
        assertRefused("sum.csv: line 2 (row 1, id 's1'): probabilities sum to 1.00200, expected 1 (within 0.001)",
                withMethod("mean", List.of(a, bad), "--out", dir.resolve("x.csv").toString()));
    }

    @Test
    void wrongWeightCountIsRefused() throws IOException {
        assertRefused("--weights: expected 3 values (one per member), got 2",
                withMethod("weighted-mean", threeMembers(), "--weights", "1,2", "--out", dir.resolve("x.csv").toString()));
    }

    @Test
    void negativeWeightIsRefused() throws IOException {
        assertRefused("--weights: weight 3 is negative (-1.0)",
                withMethod("weighted-vote", threeMembers(), "--weights", "1,2,-1", "--out", dir.resolve("x.csv").toString()));
        assertFalse(Files.exists(dir.resolve("x.csv")), "nothing is written when the input is refused");
    }

    @Test
    void unknownMethodIsBadUsage() throws IOException {
        int status = fuse(withMethod("average", threeMembers(), "--out", dir.resolve("x.csv").toString()));
        assertEquals(2, status);
        assertTrue(err.toString().contains("unknown fusion method 'average'"), err.toString());
    }
}
