package tessera.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import tessera.util.TesseraException;

class MemberWeightsTest {

    @Test
    void weightsFromValidationAccuracyAreTheAccuracies() {
        assertArrayEquals(new double[] {0.9, 0.3, 0.3}, MemberWeights.fromAccuracy(new double[] {0.9, 0.3, 0.3}), 0);
    }

    @Test
    void accuracyWeightsChangeTheWeightedVote() {
        // FusionTest.THREE: m0 votes A, m1 B, m2 C. Plain vote: a three-way tie (B by the sum of P);
        // weighted by accuracy 0.9, 0.3, 0.3: A 0.9/1.5 = 0.6, B 0.2, C 0.2
        double[] w = MemberWeights.fromAccuracy(new double[] {0.9, 0.3, 0.3});
        assertEquals(1, Fusion.decide(FusionMethod.PLURALITY, FusionTest.THREE, null));
        assertEquals(0, Fusion.decide(FusionMethod.WEIGHTED_VOTE, FusionTest.THREE, w));
        assertArrayEquals(new double[] {0.6, 0.2, 0.2}, Fusion.fuseSample(FusionMethod.WEIGHTED_VOTE, FusionTest.THREE, w), 1e-12);
    }

    @Test
    void weightsFromValidationLossAreInverseNll() {
        double[] w = MemberWeights.fromLoss(new double[] {0.25, 0.5, 1.0});
        assertArrayEquals(new double[] {4, 2, 1}, w, 1e-12);
        // weighted mean of THREE with 4,2,1: A (2.0+0.2+0.2)/7, B (1.2+1.2+0.3)/7, C (0.8+0.6+0.5)/7
        assertArrayEquals(new double[] {2.4 / 7, 2.7 / 7, 1.9 / 7},
                Fusion.fuseSample(FusionMethod.WEIGHTED_MEAN, FusionTest.THREE, w), 1e-12);
    }

    @Test
    void accuracyOutsideZeroToOneAndNonPositiveLossAreRefused() {
        TesseraException acc = assertThrows(TesseraException.class, () -> MemberWeights.fromAccuracy(new double[] {0.5, 1.5}));
        assertEquals("validation accuracy of member 1 is 1.5, expected a value in [0, 1]", acc.getMessage());
        assertThrows(TesseraException.class, () -> MemberWeights.fromAccuracy(new double[] {0, 0}));
        assertThrows(TesseraException.class, () -> MemberWeights.fromLoss(new double[] {0.3, 0}));
        assertThrows(TesseraException.class, () -> MemberWeights.fromLoss(new double[] {Double.NaN}));
        assertThrows(TesseraException.class, () -> MemberWeights.fromLoss(new double[] {}));
    }

    @Test
    void weightsTextIsParsedOnePerMember() {
        assertArrayEquals(new double[] {1, 0.5, 2}, MemberWeights.parse("1, 0.5,2", 3), 0);
    }

    @Test
    void weightsTextOfTheWrongCountNegativeOrNotANumberIsRefused() {
        assertEquals("--weights: expected 3 values (one per member), got 2",
                assertThrows(TesseraException.class, () -> MemberWeights.parse("1,2", 3)).getMessage());
        assertEquals("--weights: weight 2 is negative (-0.5)",
                assertThrows(TesseraException.class, () -> MemberWeights.parse("1,-0.5,1", 3)).getMessage());
        assertEquals("--weights: weight 1 is NaN",
                assertThrows(TesseraException.class, () -> MemberWeights.parse("NaN,1,1", 3)).getMessage());
        assertEquals("--weights: value 3 'x' is not a number",
                assertThrows(TesseraException.class, () -> MemberWeights.parse("1,1,x", 3)).getMessage());
        assertEquals("--weights: all weights are zero",
                assertThrows(TesseraException.class, () -> MemberWeights.parse("0,0,0", 3)).getMessage());
    }
}
