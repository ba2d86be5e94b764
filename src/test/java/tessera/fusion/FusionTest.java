package tessera.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tessera.util.TesseraException;

/**
 * Every fusion rule of formats.md on small cases computed by hand (the arithmetic is in the
 * comments), ties included. Classes are A=0, B=1, C=2, D=3.
 */
class FusionTest {

    private static final double EPS = 1e-12;

    /**
     * Three members, three classes. Rankings: m0 A>B>C, m1 B>C>A, m2 C>B>A.
     * Sum of P per class (the tie-breaker): A 0.8, B 1.2, C 1.0.
     */
    static final double[][] THREE = {
            {0.5, 0.3, 0.2},
            {0.1, 0.6, 0.3},
            {0.2, 0.3, 0.5},
    };

    /**
     * Five members, three classes, where the rules disagree. Rankings: m0,m1 A>C>B; m2,m3 B>C>A;
     * m4 C>B>A. Sums of P: A 1.7, B 1.6, C 1.7.
     */
    static final double[][] FIVE = {
            {0.7, 0.05, 0.25},
            {0.7, 0.05, 0.25},
            {0.1, 0.6, 0.3},
            {0.1, 0.6, 0.3},
            {0.1, 0.3, 0.6},
    };

    private static void assertFused(FusionMethod method, double[][] p, double[] weights, int expectedClass,
                                    double... expectedRow) {
        assertEquals(expectedClass, Fusion.decide(method, p, weights), method + ": decided class");
        assertArrayEquals(expectedRow, Fusion.fuseSample(method, p, weights), 1e-9, method + ": output row");
    }

    private static double[] scaled(double divisor, double... values) {
        double[] out = values.clone();
        for (int c = 0; c < out.length; c++) {
            out[c] /= divisor;
        }
        return out;
    }

    @Nested
    class ProbabilityRules {

        @Test
        void meanIsSoftVoting() {
            // A (0.5+0.1+0.2)/3, B (0.3+0.6+0.3)/3, C (0.2+0.3+0.5)/3
            assertFused(FusionMethod.MEAN, THREE, null, 1, 0.8 / 3, 1.2 / 3, 1.0 / 3);
        }

        @Test
        void weightedMeanDividesBySumOfWeights() {
            // w = 4,1,1: A (2.0+0.1+0.2)/6 = 2.3/6, B (1.2+0.6+0.3)/6 = 2.1/6, C (0.8+0.3+0.5)/6 = 1.6/6
            assertFused(FusionMethod.WEIGHTED_MEAN, THREE, new double[] {4, 1, 1}, 0, 2.3 / 6, 2.1 / 6, 1.6 / 6);
            // weights that are all equal give the plain mean, whatever their scale
            assertFused(FusionMethod.WEIGHTED_MEAN, THREE, new double[] {7, 7, 7}, 1, 0.8 / 3, 1.2 / 3, 1.0 / 3);
        }

        @Test
        void meanIgnoresWeights() {
            assertFused(FusionMethod.MEAN, THREE, new double[] {4, 1, 1}, 1, 0.8 / 3, 1.2 / 3, 1.0 / 3);
        }

        @Test
        void productMultipliesProbabilities() {
            // A .5*.1*.2 = .010, B .3*.6*.3 = .054, C .2*.3*.5 = .030; sum .094
            assertFused(FusionMethod.PRODUCT, THREE, null, 1, 0.010 / 0.094, 0.054 / 0.094, 0.030 / 0.094);
        }

        @Test
        void productInLogSpaceSurvivesWhatWouldUnderflow() {
            // 201 members say [0.999, 0.001], 200 say [0.001, 0.999]: each direct product is below 1e-600
            // (0 in double), but their ratio is 0.999/0.001 = 999, so the row is [0.999, 0.001].
            double[][] p = new double[401][];
            for (int t = 0; t < p.length; t++) {
                p[t] = t < 201 ? new double[] {0.999, 0.001} : new double[] {0.001, 0.999};
            }
            assertFused(FusionMethod.PRODUCT, p, null, 0, 0.999, 0.001);
        }

        @Test
        void productFloorsZeroAt1eMinus12SoOneMemberCannotVeto() {
            // A: 1e-12*1*1 = 1e-12; B: 1*1e-12*1e-12 = 1e-24; row [1/(1+1e-12), 1e-12/(1+1e-12)]
            double[][] p = {{0, 1}, {1, 0}, {1, 0}};
            double[] row = Fusion.fuseSample(FusionMethod.PRODUCT, p, null);
            assertEquals(0, Fusion.decide(FusionMethod.PRODUCT, p, null));
            assertEquals(1e-12, row[1], 1e-18);
            assertTrue(row[1] > 0, "a floored product is small but not zero");
        }

        @Test
        void maxMinAndMedianTakeThatStatisticPerClass() {
            // max: A .5, B .6, C .5 (sum 1.6)
            assertFused(FusionMethod.MAX, THREE, null, 1, 0.5 / 1.6, 0.6 / 1.6, 0.5 / 1.6);
            // min: A .1, B .3, C .2 (sum .6)
            assertFused(FusionMethod.MIN, THREE, null, 1, 0.1 / 0.6, 0.3 / 0.6, 0.2 / 0.6);
        }

        @Test
        void medianTieGoesToLargerSumOfProbabilities() {
            // median: A .2, B .3, C .3 -> B and C tie; sums B 1.2 > C 1.0 -> B
            assertFused(FusionMethod.MEDIAN, THREE, null, 1, 0.2 / 0.8, 0.3 / 0.8, 0.3 / 0.8);
        }

        @Test
        void medianOfAnEvenNumberOfMembersIsTheMeanOfTheMiddleTwo() {
            double[][] p = {{0.2, 0.8}, {0.6, 0.4}};
            assertFused(FusionMethod.MEDIAN, p, null, 1, 0.4, 0.6);
        }

        @Test
        void aRowOfZerosBecomesUniform() {
            // min over members is 0 for every class: uniform row; all sums 1 -> lower index
            double[][] p = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
            assertFused(FusionMethod.MIN, p, null, 0, 1.0 / 3, 1.0 / 3, 1.0 / 3);
        }
    }

    @Nested
    class VotingRules {

        @Test
        void pluralityThreeWayTieGoesToLargerSumOfProbabilities() {
            // one vote each: 1/3 each; sums A .8, B 1.2, C 1.0 -> B
            assertFused(FusionMethod.PLURALITY, THREE, null, 1, 1.0 / 3, 1.0 / 3, 1.0 / 3);
        }

        @Test
        void pluralityTieWithEqualSumsGoesToLowerIndex() {
            double[][] p = {{0.6, 0.4}, {0.4, 0.6}};
            assertFused(FusionMethod.PLURALITY, p, null, 0, 0.5, 0.5);
        }

        @Test
        void pluralityCountsVotesOverMembers() {
            // FIVE: A 2 votes, B 2, C 1 -> A and B tie at 2/5; sums A 1.7 > B 1.6 -> A
            assertFused(FusionMethod.PLURALITY, FIVE, null, 0, 0.4, 0.4, 0.2);
        }

        @Test
        void equalProbabilitiesRankTheLowerIndexFirstSoItGetsTheVote() {
            // a member undecided between B and C votes B
            double[][] p = {{0.2, 0.4, 0.4}};
            assertFused(FusionMethod.PLURALITY, p, null, 1, 0, 1, 0);
            // and ranks B (rank 0) above C (rank 1): Borda B 2, C 1, A 0
            assertFused(FusionMethod.BORDA, p, null, 1, 0, 2.0 / 3, 1.0 / 3);
        }

        @Test
        void weightedVoteSumsTheWeightsOfTheVoters() {
            // w = 2,1,1: A 2/4, B 1/4, C 1/4
            assertFused(FusionMethod.WEIGHTED_VOTE, THREE, new double[] {2, 1, 1}, 0, 0.5, 0.25, 0.25);
            // a zero weight silences m0: B 1/2, C 1/2 tie -> sums B 1.2 > C 1.0
            assertFused(FusionMethod.WEIGHTED_VOTE, THREE, new double[] {0, 1, 1}, 1, 0, 0.5, 0.5);
        }
    }

    @Nested
    class RankedRules {

        @Test
        void bordaGivesCMinusOneMinusRank() {
            // THREE: A 2+0+0 = 2, B 1+2+1 = 4, C 0+1+2 = 3; sum 9
            assertFused(FusionMethod.BORDA, THREE, null, 1, 2.0 / 9, 4.0 / 9, 3.0 / 9);
            // FIVE: A 2+2 = 4, B 2+2+1 = 5, C 1+1+1+1+2 = 6; sum 15
            assertFused(FusionMethod.BORDA, FIVE, null, 2, 4.0 / 15, 5.0 / 15, 6.0 / 15);
        }

        @Test
        void dowdallGivesOneOverRankPlusOne() {
            // A 1+1/3+1/3 = 10/6, B 1/2+1+1/2 = 12/6, C 1/3+1/2+1 = 11/6; sum 33/6
            assertFused(FusionMethod.DOWDALL, THREE, null, 1, 10.0 / 33, 12.0 / 33, 11.0 / 33);
        }

        @Test
        void copelandCountsPairwiseWinsMinusLossesPlusCMinusOne() {
            // THREE: B beats A (2:1) and C (2:1); C beats A (2:1). B 2-0+2 = 4, C 1-1+2 = 2, A 0-2+2 = 0
            assertFused(FusionMethod.COPELAND, THREE, null, 1, 0, 4.0 / 6, 2.0 / 6);
            // FIVE: C beats A (3:2) and B (3:2), B beats A (3:2): C 4, B 2, A 0
            assertFused(FusionMethod.COPELAND, FIVE, null, 2, 0, 2.0 / 6, 4.0 / 6);
        }

        @Test
        void copelandPairwiseDrawCountsNeitherWinNorLoss() {
            // two members A>B and B>A: a draw; both score 0+1 = 1 -> sums A .9 < B 1.1 -> B
            double[][] p = {{0.7, 0.3}, {0.2, 0.8}};
            assertFused(FusionMethod.COPELAND, p, null, 1, 0.5, 0.5);
        }

        @Test
        void simpsonIsTMinusTheWorstPairwiseDefeat() {
            // THREE: A is beaten 2:1 by B and by C -> 3-2 = 1; B worst defeat 1 -> 2; C beaten 2:1 by B -> 1
            assertFused(FusionMethod.SIMPSON, THREE, null, 1, 0.25, 0.5, 0.25);
            // FIVE: A worst 3 -> 2; B worst (C over B) 3 -> 2; C worst 2 -> 3; sum 7
            assertFused(FusionMethod.SIMPSON, FIVE, null, 2, 2.0 / 7, 2.0 / 7, 3.0 / 7);
        }
    }

    @Nested
    class IterativeRules {

        @Test
        void allFourAgreeWhenOneClassIsClearlyPreferred() {
            // THREE: baldwin drops A (Borda 2 of 2,4,3) then C (B 2 : C 1 over {B,C}); stv drops A (1 vote each,
            // smallest sum .8) then C (B 2 : C 1); nanson drops A (2 < mean 3) then C (1 < 1.5).
            for (FusionMethod m : new FusionMethod[] {FusionMethod.BALDWIN, FusionMethod.STV, FusionMethod.NANSON}) {
                assertFused(m, THREE, null, 1, 1.0 / 6, 3.0 / 6, 2.0 / 6);
            }
            // bucklin: top-1 counts 1,1,1 (no majority of 3); top-2 counts A 1, B 3, C 2 -> B has a majority
            assertFused(FusionMethod.BUCKLIN, THREE, null, 1, 1.0 / 6, 3.0 / 6, 2.0 / 6);
        }

        @Test
        void stvTransfersTheVotesOfTheEliminatedClass() {
            // FIVE first preferences: A 2, B 2, C 1 -> C out (score 1); m4 (C>B>A) transfers to B: B 3, A 2 -> A out (2)
            assertFused(FusionMethod.STV, FIVE, null, 1, 2.0 / 6, 3.0 / 6, 1.0 / 6);
        }

        @Test
        void baldwinRecomputesBordaOverTheRemainingClasses() {
            // FIVE Borda A 4, B 5, C 6 -> A out (1); over {B,C}: C first for m0,m1,m4 -> C 3, B 2 -> B out (2)
            assertFused(FusionMethod.BALDWIN, FIVE, null, 2, 1.0 / 6, 2.0 / 6, 3.0 / 6);
        }

        @Test
        void baldwinEliminationTieDropsTheSmallerSumThenTheHigherIndex() {
            // m0 A>B>C, m1 C>B>A: Borda 2,2,2 all tie; sums A .7, B .6, C .7 -> B out first (1);
            // over {A,C}: 1 each, sums equal -> the higher index C goes (2); A survives (3)
            double[][] p = {{0.5, 0.3, 0.2}, {0.2, 0.3, 0.5}};
            assertFused(FusionMethod.BALDWIN, p, null, 0, 3.0 / 6, 1.0 / 6, 2.0 / 6);
        }

        @Test
        void nansonDropsEveryClassBelowTheMeanInOneRound() {
            // four classes, m0 and m1 both A>B>C>D, m2 B>A>C>D. Borda: A 3+3+2 = 8, B 2+2+3 = 7, C 1*3 = 3,
            // D 0; mean 4.5 -> C and D out in round 1 (score 1). Over {A,B}: A 2, B 1, mean 1.5 -> B out in
            // round 2 (score 2); A scores 3. Sum 1+1+2+3 = 7.
            double[][] p = {
                    {0.4, 0.3, 0.2, 0.1},
                    {0.4, 0.3, 0.2, 0.1},
                    {0.3, 0.4, 0.2, 0.1},
            };
            assertFused(FusionMethod.NANSON, p, null, 0, 3.0 / 7, 2.0 / 7, 1.0 / 7, 1.0 / 7);
        }

        @Test
        void nansonStopsWhenNobodyIsBelowTheMeanAndTheDecisionTieRuleSettles() {
            // A>B and B>A: Borda 1 and 1, nobody below the mean -> both score 1; sums A .9 < B 1.1 -> B
            double[][] p = {{0.7, 0.3}, {0.2, 0.8}};
            assertFused(FusionMethod.NANSON, p, null, 1, 0.5, 0.5);
        }

        @Test
        void nansonAndBaldwinOverturnPluralityAndBordaInACondorcetCycle() {
            // 4 classes, 5 members with rankings: 2x A>B>C>D, 2x B>C>A>D, 1x C>A>B>D (a Condorcet cycle A>B>C>A).
            // Borda: A 3+3+1+1+2 = 10, B 2+2+3+3+1 = 11, C 1+1+2+2+3 = 9, D 0; mean 7.5.
            // nanson: D out (round 1). Over {A,B,C}: A 2+2+0+0+1 = 5, B 1+1+2+2+0 = 6, C 0+0+1+1+2 = 4, mean 5
            //   -> C out (round 2). Over {A,B}: A 3 (m0,m1,m4), B 2 -> B out (round 3). Winner A (4).
            // baldwin: D out (1), then C (Borda 4) out (2), then B (2 vs 3) out (3): also A.
            double[][] p = {
                    {0.4, 0.3, 0.2, 0.1},
                    {0.4, 0.3, 0.2, 0.1},
                    {0.2, 0.4, 0.3, 0.1},
                    {0.2, 0.4, 0.3, 0.1},
                    {0.3, 0.2, 0.4, 0.1},
            };
            assertFused(FusionMethod.NANSON, p, null, 0, 4.0 / 10, 3.0 / 10, 2.0 / 10, 1.0 / 10);
            assertFused(FusionMethod.BALDWIN, p, null, 0, 4.0 / 10, 3.0 / 10, 2.0 / 10, 1.0 / 10);
            // while plurality (A 2, B 2, C 1; sums A 1.5 < B 1.6) and borda (B 11) pick B
            assertEquals(1, Fusion.decide(FusionMethod.PLURALITY, p, null));
            assertEquals(1, Fusion.decide(FusionMethod.BORDA, p, null));
        }

        @Test
        void bucklinWidensToLowerPreferencesUntilAMajority() {
            // FIVE: top-1 A 2, B 2, C 1 (majority needs 3); top-2: A 2, B 3, C 5 -> decides; sum 10
            assertFused(FusionMethod.BUCKLIN, FIVE, null, 2, 0.2, 0.3, 0.5);
        }

        @Test
        void bucklinDecidesInTheFirstRoundWithAMajority() {
            // 2 of 3 members put B first: top-1 counts A 0, B 2, C 1
            double[][] p = {{0.1, 0.6, 0.3}, {0.2, 0.5, 0.3}, {0.2, 0.3, 0.5}};
            assertFused(FusionMethod.BUCKLIN, p, null, 1, 0, 2.0 / 3, 1.0 / 3);
        }
    }

    @Nested
    class TieRules {

        @Test
        void scoresEqualInExactArithmeticTieEvenWhenFloatingPointRoundsThemApart() {
            // A = 0.3+0.2+0.1 and B = 0.1+0.2+0.3: both 0.6 exactly, but in double B's sum comes out
            // 0.6000000000000001 and A's 0.6. Sums of P tie too, so the lower index A must win.
            // (Fusion itself does not require rows summing to 1; the predictions reader does.)
            double[][] p = {{0.3, 0.1}, {0.2, 0.2}, {0.1, 0.3}};
            assertEquals(0, Fusion.decide(FusionMethod.MEAN, p, null));
            assertEquals(0, Fusion.decide(FusionMethod.WEIGHTED_MEAN, p, new double[] {1, 1, 1}));
            assertEquals(0, Fusion.decide(FusionMethod.MAX, p, null));
        }

        @Test
        void allEqualMembersGiveUniformRowAndLowestIndex() {
            double[][] p = {{0.25, 0.25, 0.25, 0.25}, {0.25, 0.25, 0.25, 0.25}};
            for (FusionMethod m : FusionMethod.values()) {
                double[] row = Fusion.fuseSample(m, p, null);
                assertEquals(1.0, java.util.Arrays.stream(row).sum(), 1e-9, m + " row sums to 1");
                if (m.kind() == FusionMethod.Kind.PROBABILITY) {
                    assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, row, 1e-9, m.id());
                    assertEquals(0, Fusion.decide(m, p, null), m.id());
                }
            }
            // for the ranked rules equal P ranks the lower index first, so A is every member's top choice
            assertArrayEquals(new double[] {1, 0, 0, 0}, Fusion.fuseSample(FusionMethod.PLURALITY, p, null), EPS);
            assertArrayEquals(new double[] {0.5, 2.0 / 6, 1.0 / 6, 0}, Fusion.fuseSample(FusionMethod.BORDA, p, null), EPS);
        }

        @Test
        void negativeScoresAreShiftedToZeroBeforeNormalising() {
            assertArrayEquals(new double[] {0, 1.0 / 3, 2.0 / 3}, Fusion.normalise(new double[] {-1, 0, 1}), EPS);
            assertArrayEquals(new double[] {0.5, 0.5}, Fusion.normalise(new double[] {0, 0}), EPS);
            assertArrayEquals(new double[] {0.2, 0.8}, Fusion.normalise(new double[] {1, 4}), EPS);
        }

        @Test
        void everyMethodYieldsANonNegativeRowSummingToOne() {
            java.util.Random random = new java.util.Random(7);
            for (int trial = 0; trial < 200; trial++) {
                int members = 1 + random.nextInt(6);
                int classes = 2 + random.nextInt(5);
                double[][] p = new double[members][classes];
                for (double[] row : p) {
                    double sum = 0;
                    for (int c = 0; c < classes; c++) {
                        // coarse values so that ties are frequent
                        row[c] = random.nextInt(4);
                        sum += row[c];
                    }
                    for (int c = 0; c < classes; c++) {
                        row[c] = sum == 0 ? 1.0 / classes : row[c] / sum;
                    }
                }
                double[] w = new double[members];
                for (int t = 0; t < members; t++) {
                    w[t] = random.nextInt(3);
                }
                w[0] = 1;
                for (FusionMethod m : FusionMethod.values()) {
                    double[] row = Fusion.fuseSample(m, p, w);
                    assertEquals(1.0, java.util.Arrays.stream(row).sum(), 1e-9, m.id());
                    for (double v : row) {
                        assertTrue(v >= 0, m.id() + " gives a negative entry");
                    }
                    int decided = Fusion.decide(m, p, w);
                    assertTrue(row[decided] >= java.util.Arrays.stream(row).max().orElseThrow() - 1e-9,
                            m.id() + ": the decided class has the highest score");
                }
            }
        }

        @Test
        void batchFusionAgreesWithPerSampleFusion() {
            double[][][] p = new double[3][2][];
            for (int t = 0; t < 3; t++) {
                p[t][0] = THREE[t];
                p[t][1] = THREE[2 - t];
            }
            for (FusionMethod m : FusionMethod.values()) {
                FusedPredictions fused = Fusion.fuse(m, p, new double[] {1, 2, 3});
                assertArrayEquals(Fusion.fuseSample(m, THREE, new double[] {1, 2, 3}), fused.scores()[0], EPS, m.id());
                assertEquals(Fusion.decide(m, THREE, new double[] {1, 2, 3}), fused.predictions()[0], m.id());
            }
        }
    }

    @Nested
    class BadInput {

        @Test
        void negativeOrNaNProbabilitiesAreRefusedNamingMemberSampleAndClass() {
            double[][][] p = {{{0.5, 0.5}}, {{1.2, -0.2}}};
            TesseraException e = assertThrows(TesseraException.class, () -> Fusion.fuse(FusionMethod.MEAN, p, null));
            assertEquals("member 1, sample 0, class 1: probability -0.2 is not a finite non-negative number", e.getMessage());
            double[][][] nan = {{{0.5, 0.5}}, {{Double.NaN, 0.5}}};
            assertThrows(TesseraException.class, () -> Fusion.fuse(FusionMethod.MEAN, nan, null));
        }

        @Test
        void membersOfDifferentShapesAreRefused() {
            double[][][] samples = {{{0.5, 0.5}, {0.5, 0.5}}, {{0.5, 0.5}}};
            assertThrows(TesseraException.class, () -> Fusion.fuse(FusionMethod.MEAN, samples, null));
            double[][][] classes = {{{0.5, 0.5}}, {{0.2, 0.3, 0.5}}};
            assertThrows(TesseraException.class, () -> Fusion.fuse(FusionMethod.MEAN, classes, null));
        }

        @Test
        void weightsOfTheWrongCountOrNegativeAreRefused() {
            double[][][] p = {{{0.5, 0.5}}, {{0.4, 0.6}}};
            TesseraException count = assertThrows(TesseraException.class,
                    () -> Fusion.fuse(FusionMethod.WEIGHTED_MEAN, p, new double[] {1, 1, 1}));
            assertEquals("weights: expected 2 values (one per member), got 3", count.getMessage());
            TesseraException negative = assertThrows(TesseraException.class,
                    () -> Fusion.fuse(FusionMethod.WEIGHTED_MEAN, p, new double[] {1, -1}));
            assertEquals("weights: weight 2 is negative (-1.0)", negative.getMessage());
            assertThrows(TesseraException.class, () -> Fusion.fuse(FusionMethod.WEIGHTED_MEAN, p, new double[] {0, 0}));
        }
    }
}
