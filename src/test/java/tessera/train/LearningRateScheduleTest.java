package tessera.train;

import org.junit.jupiter.api.Test;
import tessera.util.TesseraException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The learning rate is a function of the global step alone, so a resumed run continues on the same curve. */
class LearningRateScheduleTest {

    private static TrainingSettings settings(String schedule) {
        TrainingSettings s = new TrainingSettings();
        s.schedule = schedule;
        s.learningRate = 0.1;
        s.epochs = 4;
        s.stepEpochs = 2;
        s.stepGamma = 0.1;
        return s;
    }

    @Test
    void cosineFallsFromTheBaseRateToZeroOverTheWholeRun() {
        // 4 epochs of 10 steps: 40 steps
        LearningRateSchedule cosine = new LearningRateSchedule(settings("cosine"), 10);
        assertEquals(0.1, cosine.at(0), 1e-12);
        assertEquals(0.05, cosine.at(20), 1e-12);
        assertEquals(0.1 * 0.5 * (1 + Math.cos(Math.PI / 4)), cosine.at(10), 1e-12);
        assertEquals(0.0, cosine.at(40), 1e-12);
        assertEquals(0.0, cosine.at(55), 1e-12);
    }

    @Test
    void stepMultipliesByGammaEveryFewEpochs() {
        LearningRateSchedule step = new LearningRateSchedule(settings("step"), 10);
        assertEquals(0.1, step.at(0), 1e-12);
        assertEquals(0.1, step.at(19), 1e-12);
        assertEquals(0.01, step.at(20), 1e-12);
        assertEquals(0.001, step.at(39) * 0.1, 1e-12);
    }

    @Test
    void constantIsConstantAndUnknownNamesAreRefused() {
        assertEquals(0.1, new LearningRateSchedule(settings("constant"), 10).at(37), 0);
        TesseraException e = assertThrows(TesseraException.class, () -> new LearningRateSchedule(settings("linear"), 10));
        assertEquals("unknown schedule 'linear' (use cosine, step or constant)", e.getMessage());
    }
}
