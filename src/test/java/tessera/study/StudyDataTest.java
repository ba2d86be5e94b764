package tessera.study;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.data.DataSplits;
import tessera.data.DatasetLoader;
import tessera.data.DatasetOptions;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StudyDataTest {

    @TempDir
    Path tmp;

    @Test
    void aTrainLimitWritesASeededDrawAsIdxFilesThatLoadLikeTheOriginal() throws Exception {
        Path source = TinyData.write(tmp.resolve("tiny"), 90, 30);
        StudyPlan plan = StudyPlan.quick();
        plan.dataset = source.toString();
        plan.trainLimit = 40;
        plan.testLimit = 0;

        Path drawn = StudyData.prepare(plan, tmp.resolve("study"));

        DataSplits original = DatasetLoader.load(source, new DatasetOptions(null, 0, 1, 0));
        DataSplits d = DatasetLoader.load(drawn, new DatasetOptions(null, 0, 1, 0));
        assertEquals(tmp.resolve("study").resolve("data"), drawn);
        assertEquals(40, d.train().size());
        assertEquals(30, d.test().size(), "no test limit: the whole test split");
        assertEquals(List.of("top", "middle", "bottom"), d.train().classNames());
        assertArrayEquals(original.test().pixels(), d.test().pixels());
        // the same seed draws the same images again
        StudyPlan again = StudyPlan.quick();
        again.dataset = source.toString();
        again.trainLimit = 40;
        Path second = StudyData.prepare(again, tmp.resolve("study2"));
        assertArrayEquals(d.train().pixels(), DatasetLoader.load(second, new DatasetOptions(null, 0, 1, 0)).train().pixels());
    }

    @Test
    void limitsAboveTheDataSetsSizeLeaveItWhereItIs() throws Exception {
        Path source = TinyData.write(tmp.resolve("tiny"), 30, 9);
        StudyPlan plan = StudyPlan.quick();
        plan.dataset = source.toString();
        plan.trainLimit = 10_000;

        assertEquals(source, StudyData.prepare(plan, tmp.resolve("study")));
        assertEquals(false, java.nio.file.Files.exists(tmp.resolve("study").resolve("data")));
    }

    @Test
    void withoutLimitsTheDataSetIsUsedWhereItIs() throws Exception {
        Path source = TinyData.write(tmp.resolve("tiny"), 30, 9);
        StudyPlan plan = StudyPlan.full();
        plan.dataset = source.toString();

        assertEquals(source, StudyData.prepare(plan, tmp.resolve("study")));
    }
}
