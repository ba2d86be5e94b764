package tessera.inspect;

import ai.djl.Device;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.model.Classifier;
import tessera.model.ModelBundle;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TileInferenceTest {

    @TempDir
    static Path dir;
    static Classifier model;
    static DenseNetwork dense;

    @BeforeAll
    static void load() throws Exception {
        model = ModelBundle.load(InspectionTestModels.bundle(dir.resolve("m"), "m", 2, 7), Device.cpu());
        StringBuilder why = new StringBuilder();
        Optional<DenseNetwork> d = DenseNetwork.of(model, why);
        assertTrue(d.isPresent(), why.toString());
        dense = d.get();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static float[][] tiled(ScaledImage img, TileLayout layout) {
        return TileInference.tiled(List.of(model), img, layout, 64, null, InspectionProgress.NONE, "t")[0];
    }

    private static float[][] dense(ScaledImage img, TileLayout layout, int stride) {
        return TileInference.dense(List.of(model), List.of(dense), img, layout, stride, null, InspectionProgress.NONE, "t")[0];
    }

    @Test
    void theSplitNetworkDownsamplesByFour() {
        assertEquals(4, dense.downsampling());
        assertEquals(2, dense.headCount());
    }

    @Test
    void onAnImageOfOneTileBothPathsAreTheSameNetwork() {
        BufferedImage picture = InspectionTestModels.picture(64, 64, 1);
        ScaledImage img = ScaledImage.of(picture, 0.5, 3);
        TileLayout layout = TileLayout.of(new TileGrid(64, 64, 64, 32), 0.5, 32, img.width(), img.height());

        float[][] a = tiled(img, layout);
        float[][] b = dense(img, layout, 16);

        for (int h = 0; h < 2; h++) {
            for (int i = 0; i < a[h].length; i++) {
                assertEquals(a[h][i], b[h][i], 1e-5);
            }
        }
    }

    @Test
    void fullyConvolutionalMapsAgreeWithTiledMapsUpToTileBorderPadding() {
        // given a 330 x 250 picture (edge-aligned last column and row), 64 px tiles at stride 32, scale 1/2
        BufferedImage picture = InspectionTestModels.picture(330, 250, 2);
        ScaledImage img = ScaledImage.of(picture, 0.5, 3);
        TileGrid grid = new TileGrid(330, 250, 64, 32);
        TileLayout layout = TileLayout.of(grid, 0.5, 32, img.width(), img.height());

        // when both paths compute every tile's probabilities
        float[][] a = tiled(img, layout);
        float[][] b = dense(img, layout, 16);

        // then they differ only by what the zero padding at tile borders hides from the tiled path
        double max = 0;
        double sum = 0;
        double spread = 0;
        int n = a[0].length;
        for (int i = 0; i < n; i++) {
            double d = Math.abs(a[0][i] - b[0][i]);
            max = Math.max(max, d);
            sum += d;
            spread = Math.max(spread, Math.abs(a[0][i] - a[0][0]));
        }
        System.out.printf("fully convolutional vs tiled on %d tiles: max |diff| %.4f, mean %.4f, map range %.4f%n",
                n / 2, max, sum / n, spread);
        assertTrue(spread > 0.05, "the map varies: " + spread);
        assertTrue(sum / n < 0.05, "mean difference " + sum / n);
        // the probabilities of each tile still sum to one
        assertEquals(1.0, b[1][0] + b[1][1], 1e-5);
    }

    @Test
    void groupsSplitOriginsWhereTheSpacingChanges() {
        List<int[]> g = TileInference.groups(new int[] {0, 16, 32, 48, 52}, 16);

        assertEquals(2, g.size());
        assertEquals(List.of(0, 4), List.of(g.get(0)[0], g.get(0)[1]));
        assertEquals(List.of(4, 1), List.of(g.get(1)[0], g.get(1)[1]));
    }
}
