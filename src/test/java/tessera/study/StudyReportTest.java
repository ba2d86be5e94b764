package tessera.study;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyReportTest {

    @TempDir
    Path dir;

    /** A finished 2×2 grid with 2 seeds whose figures are chosen so the aggregates are known. */
    private static StudyState finishedGrid(StudyPlan plan) {
        StudyState state = new StudyState();
        state.plan = plan;
        for (int r = 0; r < plan.seeds; r++) {
            double jitter = r == 0 ? -0.01 : 0.01;
            put(state, StudyState.baselineKey(r), "labels", 0.80 + jitter, 1000);
            for (double f : plan.subsets) {
                for (int m = 1; m <= plan.maxTeachers(); m++) {
                    put(state, StudyState.teacherKey(f, r, m), "labels", 0.78 + f / 100 + jitter, 5000);
                }
                for (int t : plan.teachers) {
                    StudyState.Unit e = state.unit(StudyState.ensembleKey(t, f, r));
                    e.done = true;
                    e.results.put("mean", measured(0.84 + t / 100.0 + jitter, 5000L * t));
                    e.results.put("plurality", measured(0.83 + t / 100.0 + jitter, 5000L * t));
                    for (String mode : plan.modes) {
                        double bonus = mode.equals("simultaneous") ? 0.02 : 0.0;
                        put(state, StudyState.studentKey(t, f, r, mode), mode, 0.82 + bonus + jitter, 1000 + 10L * t);
                    }
                }
            }
        }
        return state;
    }

    private static void put(StudyState state, String key, String method, double accuracy, long macs) {
        StudyState.Unit u = state.unit(key);
        u.done = true;
        u.results.put(method, measured(accuracy, macs));
    }

    private static StudyState.Measured measured(double accuracy, long macs) {
        return new StudyState.Measured(accuracy, accuracy - 0.01, 0.4, 0.03, macs, 12.5);
    }

    private static StudyPlan plan() {
        StudyPlan plan = StudyPlan.quick();
        plan.dataset = "/data/fashion";
        plan.teachers = List.of(2, 3);
        plan.subsets = List.of(0.6, 1.0);
        plan.seeds = 2;
        return plan;
    }

    @Test
    void csvHasOneRowPerModelOrFusionMethodAndSeed() throws Exception {
        StudyPlan plan = plan();

        StudyReport.write(dir, plan, finishedGrid(plan), false);

        List<String> lines = Files.readAllLines(dir.resolve(StudyReport.CSV));
        assertEquals(StudyRow.HEADER, lines.get(0));
        // per seed: 1 baseline + 2 subsets × (3 teachers + 2 T × (2 fusion methods + 3 modes))
        int perSeed = 1 + 2 * (3 + 2 * (2 + 3));
        assertEquals(1 + 2 * perSeed, lines.size());
        assertEquals("baseline,0,1.0,labels,1,0.790000,0.780000,0.400000,0.030000,1000,12.5", lines.get(1));
        for (String line : lines.subList(1, lines.size())) {
            assertEquals(line, StudyRow.parse(line).csv(), "a row reads back as written");
        }
        assertTrue(lines.contains("student,3,0.6,simultaneous,2,0.850000,0.840000,0.400000,0.030000,1030,12.5"), lines.toString());
    }

    @Test
    void markdownShowsMeanAndStandardErrorPerCellAndTheBestMode() throws Exception {
        StudyPlan plan = plan();

        StudyReport.write(dir, plan, finishedGrid(plan), false);

        String md = Files.readString(dir.resolve(StudyReport.MARKDOWN));
        // seeds at −1 and +1 point: mean 84 (simultaneous) with SE 1; ensemble of 3 by mean fusion: 87 ± 1
        assertTrue(md.contains("| 3 | 0.6 | 80.00 ± 1.00 |"), md);
        assertTrue(md.contains("| 87.00 ± 1.00 | mean 87.00 ± 1.00 | 82.00 ± 1.00 | 82.00 ± 1.00 | 84.00 ± 1.00 | simultaneous |"), md);
        assertTrue(md.contains("| 2 | 1.0 | 86.00 ± 1.00 | 85.00 ± 1.00 |"), md);
        assertTrue(md.contains("| ensemble of 3 | 15,000 |"), md);
        for (String png : StudyPlots.FILES) {
            assertTrue(md.contains("](" + png + ")"), png);
        }
    }

    @Test
    void plotsAreWrittenAsPngsOfTheirDeclaredSize() throws Exception {
        StudyPlan plan = plan();

        StudyReport.write(dir, plan, finishedGrid(plan), true);

        Map<String, int[]> sizes = Map.of(
                StudyPlots.TEACHERS, new int[] {StudyPlots.PANEL_WIDTH * plan.subsets.size(), StudyPlots.PANEL_HEIGHT + StudyPlots.LEGEND_HEIGHT},
                StudyPlots.SUBSET, new int[] {StudyPlots.PANEL_WIDTH * plan.teachers.size(), StudyPlots.PANEL_HEIGHT + StudyPlots.LEGEND_HEIGHT},
                // 2 fusion methods + 3 modes + the baseline
                StudyPlots.FUSION, new int[] {StudyPlots.FUSION_WIDTH, StudyPlots.FUSION_MARGIN + 6 * StudyPlots.FUSION_ROW},
                StudyPlots.COST, new int[] {StudyPlots.COST_WIDTH, StudyPlots.COST_HEIGHT});
        for (var e : sizes.entrySet()) {
            BufferedImage image = ImageIO.read(dir.resolve(e.getKey()).toFile());
            assertNotNull(image, e.getKey() + " is not a readable PNG");
            assertEquals(e.getValue()[0], image.getWidth(), e.getKey());
            assertEquals(e.getValue()[1], image.getHeight(), e.getKey());
            assertTrue(hasColour(image), e.getKey() + " is blank");
        }
    }

    @Test
    void unfinishedUnitsAreLeftOutNotShownAsZero() throws Exception {
        StudyPlan plan = plan();
        StudyState state = finishedGrid(plan);
        state.units.get(StudyState.studentKey(2, 0.6, 0, "per-teacher")).done = false;
        state.units.get(StudyState.studentKey(2, 0.6, 1, "per-teacher")).done = false;

        StudyReport.write(dir, plan, state, true);

        String md = Files.readString(dir.resolve(StudyReport.MARKDOWN));
        assertTrue(md.contains("| 82.00 ± 1.00 | – | 84.00 ± 1.00 | simultaneous |"), md);
        assertEquals(false, Files.readString(dir.resolve(StudyReport.CSV)).contains("student,2,0.6,per-teacher"));
    }

    /** True when some pixel is neither white nor grey: the series were drawn. */
    private static boolean hasColour(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int r = rgb >> 16 & 0xFF;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                if (Math.abs(r - g) > 40 || Math.abs(g - b) > 40) {
                    return true;
                }
            }
        }
        return false;
    }
}
