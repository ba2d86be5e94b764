package tessera.evaluate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Accuracy, macro-F1, NLL and 15-bin ECE against figures worked out by hand. */
class ClassificationMetricsTest {

    private static final double EPS = 1e-12;

    @Test
    void fourSamplesOfThreeClassesGiveTheHandComputedFigures() {
        // given four predictions (confidences 0.70, 0.62, 0.65, 0.55, away from the bin edges k/15)
        double[][] p = {
                {0.70, 0.20, 0.10}, // true 0, predicted 0: right, bin 10 [0.667, 0.733)
                {0.10, 0.62, 0.28}, // true 2, predicted 1: wrong, bin 9 [0.600, 0.667)
                {0.18, 0.17, 0.65}, // true 2, predicted 2: right, bin 9
                {0.55, 0.40, 0.05}, // true 1, predicted 0: wrong, bin 8 [0.533, 0.600)
        };
        int[] labels = {0, 2, 2, 1};

        // when the metrics are computed
        ClassificationMetrics m = ClassificationMetrics.of(p, labels);

        // then accuracy is 2 of 4
        assertEquals(4, m.samples());
        assertEquals(0.5, m.accuracy(), EPS);
        // the confusion matrix counts [true][predicted]
        assertArrayEquals(new int[] {1, 0, 0}, m.confusion()[0]);
        assertArrayEquals(new int[] {1, 0, 0}, m.confusion()[1]);
        assertArrayEquals(new int[] {0, 1, 1}, m.confusion()[2]);
        // F1: class 0 = 2*1/(1+2), class 1 = 0 (never right), class 2 = 2*1/(2+1); macro = mean
        assertEquals((2.0 / 3 + 0 + 2.0 / 3) / 3, m.macroF1(), EPS);
        // NLL: mean of -ln p(true class)
        assertEquals(-(Math.log(0.70) + Math.log(0.28) + Math.log(0.65) + Math.log(0.40)) / 4, m.nll(), EPS);
        // ECE: sum over bins of |accuracy - confidence| weighted by the bin's share of samples
        double bin10 = Math.abs(1 - 0.70) * 1 / 4;
        double bin9 = Math.abs(1.0 / 2 - (0.62 + 0.65) / 2) * 2 / 4;
        double bin8 = Math.abs(0 - 0.55) * 1 / 4;
        assertEquals(bin10 + bin9 + bin8, m.ece(), EPS);
        assertEquals(0.28, m.ece(), EPS);
    }

    @Test
    void certainAndRightPredictionsArePerfectlyCalibrated() {
        double[][] p = {{1, 0}, {0, 1}, {1, 0}};
        ClassificationMetrics m = ClassificationMetrics.of(p, new int[] {0, 1, 0});
        assertEquals(1.0, m.accuracy(), EPS);
        assertEquals(1.0, m.macroF1(), EPS);
        assertEquals(0.0, m.nll(), EPS);
        assertEquals(0.0, m.ece(), EPS);
    }

    @Test
    void aZeroProbabilityForTheTrueClassCostsAFiniteNll() {
        // p = 0 for the true class is clipped at 1e-12, so one sure mistake costs -ln(1e-12) = 27.6, not infinity
        ClassificationMetrics m = ClassificationMetrics.of(new double[][] {{1, 0}}, new int[] {1});
        assertEquals(-Math.log(1e-12), m.nll(), 1e-9);
        assertEquals(1.0, m.ece(), EPS);
    }

    @Test
    void tiesGoToTheLowerClassAndAClassAbsentEverywhereDoesNotCountInMacroF1() {
        // given a tie between classes 0 and 1, and a class 2 that is neither true nor predicted
        double[][] p = {{0.4, 0.4, 0.2}, {0.1, 0.8, 0.1}};
        ClassificationMetrics m = ClassificationMetrics.of(p, new int[] {0, 1});
        // then the tie predicts class 0, both are right, and macro-F1 averages over classes 0 and 1 only
        assertEquals(1.0, m.accuracy(), EPS);
        assertEquals(1.0, m.macroF1(), EPS);
    }

    @Test
    void givenPredictionsOverrideTheArgMax() {
        // a fusion rule may predict class 1 where the fused scores favour class 0
        double[][] p = {{0.6, 0.4}};
        ClassificationMetrics m = ClassificationMetrics.of(p, new int[] {1}, new int[] {1});
        assertEquals(1.0, m.accuracy(), EPS);
        // the confidence of that prediction is its own probability, 0.4 (bin 6), with accuracy 1
        assertEquals(0.6, m.ece(), EPS);
    }
}
