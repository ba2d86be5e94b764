package tessera.inspect;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import tessera.ensemble.EnsembleInfo;
import tessera.model.Architectures;
import tessera.model.ModelBundle;
import tessera.model.ModelInfo;
import tessera.model.NetworkSpec;
import tessera.util.Json;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Real DJL bundles with seeded random weights for the inspection tests: no training, but real
 * networks with varied outputs, so tiled and fully convolutional maps can be compared.
 */
public final class InspectionTestModels {

    public static final List<String> CLASSES = List.of("clean", "corrosion");

    private InspectionTestModels() {
    }

    /** A cnn-small bundle (3x32x32 input) with {@code heads} heads. */
    public static Path bundle(Path dir, String name, int heads, int seed) throws IOException {
        NetworkSpec spec = new NetworkSpec("cnn-small", Map.of(), new int[] {3, 32, 32}, CLASSES.size(), heads);
        try (Model model = Model.newInstance(name)) {
            Engine.getInstance().setRandomSeed(seed);
            Block network = Architectures.network(spec);
            model.setBlock(network);
            network.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, 32, 32));
            // Fresh batch-norm statistics (mean 0, variance 1) would leave untrained activations
            // unscaled; shrink the final layer so the probabilities stay away from 0 and 1.
            // Out of place, then copied in as data: an in-place product on a parameter fails whenever libtorch's
            // thread-local grad mode is on, which depends on what ran on this thread before (test order).
            for (Pair<String, Parameter> p : network.getParameters()) {
                if (p.getKey().startsWith("02") || p.getKey().contains("Linear")) {
                    ai.djl.ndarray.NDArray array = p.getValue().getArray();
                    float[] scaled = array.toFloatArray();
                    for (int i = 0; i < scaled.length; i++) {
                        scaled[i] *= 0.2f;
                    }
                    array.set(scaled);
                }
            }
            ModelInfo info = new ModelInfo();
            info.name = name;
            info.architecture = spec.architecture();
            info.architectureParams = spec.params();
            info.inputShape = spec.inputShape();
            info.normalizationMean = new float[] {0.5f, 0.5f, 0.5f};
            info.normalizationStd = new float[] {0.25f, 0.25f, 0.25f};
            info.classNames = CLASSES;
            info.heads = heads;
            info.trainedBy = heads > 1 ? "simultaneous" : "teacher";
            ModelBundle.save(dir, info, network);
        }
        return dir;
    }

    /** An ensemble folder of {@code members} random cnn-small teachers and a simultaneous student beside it. */
    public static Path ensemble(Path dir, int members) throws IOException {
        EnsembleInfo info = new EnsembleInfo();
        info.name = "test-ensemble";
        for (int k = 0; k < members; k++) {
            String m = "member-" + (k + 1);
            bundle(dir.resolve(m), m, 1, 100 + k);
            info.members.add(m);
        }
        info.classNames = CLASSES;
        info.inputShape = new int[] {3, 32, 32};
        Json.write(dir.resolve(EnsembleInfo.FILE), info);
        return dir;
    }

    /** A picture with smooth gradients and noisy blobs, so networks respond differently across it. */
    public static BufferedImage picture(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 120 + (int) (60 * Math.sin(x / 23.0));
                int g = 110 + (int) (50 * Math.cos(y / 17.0));
                row[x] = r << 16 | g << 8 | 100;
            }
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        int blobs = Math.max(3, width * height / 4000);
        for (int k = 0; k < blobs; k++) {
            int cx = random.nextInt(width);
            int cy = random.nextInt(height);
            int radius = 8 + random.nextInt(30);
            for (int y = Math.max(0, cy - radius); y < Math.min(height, cy + radius); y++) {
                for (int x = Math.max(0, cx - radius); x < Math.min(width, cx + radius); x++) {
                    int dx = x - cx;
                    int dy = y - cy;
                    if (dx * dx + dy * dy < radius * radius) {
                        int r = 200 + random.nextInt(40);
                        int g = 180 - random.nextInt(60);
                        int b = 60 + random.nextInt(40);
                        image.setRGB(x, y, r << 16 | g << 8 | b);
                    }
                }
            }
        }
        return image;
    }
}
