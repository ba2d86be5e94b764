package tessera.study;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeanAndErrorTest {

    @Test
    void meanAndStandardErrorOfRepeatedAccuracies() {
        // given three seeds' accuracies 0.80, 0.82, 0.84: sample sd 0.02, SE 0.02 / sqrt(3)
        MeanAndError m = MeanAndError.of(0.80, 0.82, 0.84);

        assertEquals(0.82, m.mean(), 1e-12);
        assertEquals(0.02 / Math.sqrt(3), m.standardError(), 1e-12);
        assertEquals(3, m.n());
        assertEquals("82.00 ± 1.15", m.percent());
    }

    @Test
    void oneSeedHasNoStandardErrorRatherThanZero() {
        MeanAndError m = MeanAndError.of(0.9);

        assertEquals(0.9, m.mean(), 1e-12);
        assertTrue(Double.isNaN(m.standardError()));
        assertEquals("90.00", m.percent());
    }

    @Test
    void nothingMeasuredShowsADash() {
        MeanAndError m = MeanAndError.of();

        assertEquals(0, m.n());
        assertEquals("–", m.percent());
    }

    @Test
    void identicalValuesHaveZeroError() {
        assertEquals(0.0, MeanAndError.of(0.5, 0.5).standardError(), 0.0);
        assertEquals("50.00 ± 0.00", MeanAndError.of(0.5, 0.5).percent());
    }
}
