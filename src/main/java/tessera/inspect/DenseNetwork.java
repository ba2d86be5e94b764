package tessera.inspect;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import tessera.model.Classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A classifier split into its convolutional part (the trunk without its global average pooling)
 * and its heads, so that the convolutions run once over a whole region and the tiles' pooled
 * features are read off the feature map (average pooling with the tile's footprint), the heads
 * then running per tile position. Built only for networks of the form trunk(..., GAP, flatten) +
 * heads whose split reproduces the whole network on a single tile.
 */
final class DenseNetwork {

    private final List<Block> features;
    private final Block heads;
    private final int downsampling;
    private final int headCount;
    private final int classes;

    private DenseNetwork(List<Block> features, Block heads, int downsampling, int headCount, int classes) {
        this.features = features;
        this.heads = heads;
        this.downsampling = downsampling;
        this.headCount = headCount;
        this.classes = classes;
    }

    /**
     * The split of a loaded classifier, or empty (with the reason) when its network has another
     * form or the split does not reproduce the network on one tile to 1e-4.
     */
    static Optional<DenseNetwork> of(Classifier classifier, StringBuilder why) {
        Block network = classifier.network();
        if (!(network instanceof SequentialBlock whole) || whole.getChildren().size() != 2
                || !(whole.getChildren().get(0).getValue() instanceof SequentialBlock trunk)) {
            why.append("network is not trunk + heads");
            return Optional.empty();
        }
        List<Block> children = new ArrayList<>();
        for (Pair<String, Block> p : trunk.getChildren()) {
            children.add(p.getValue());
        }
        if (children.size() < 3) {
            why.append("trunk too short");
            return Optional.empty();
        }
        List<Block> features = List.copyOf(children.subList(0, children.size() - 2));
        Block heads = whole.getChildren().get(1).getValue();
        int[] shape = classifier.info().inputShape;
        int input = shape[1];
        if (shape[1] != shape[2]) {
            why.append("input is not square");
            return Optional.empty();
        }
        try (NDManager m = classifier.model().getNDManager().newSubManager()) {
            NDArray x = m.randomNormal(new Shape(1, shape[0], input, input));
            ParameterStore ps = new ParameterStore(m, false);
            NDList f = new NDList(x);
            for (Block b : features) {
                f = b.forward(ps, f, false);
            }
            Shape fs = f.singletonOrThrow().getShape();
            if (fs.dimension() != 4 || fs.get(2) != fs.get(3) || input % fs.get(2) != 0) {
                why.append("feature map of shape ").append(fs).append(" does not tile the input");
                return Optional.empty();
            }
            DenseNetwork dense = new DenseNetwork(features, heads, (int) (input / fs.get(2)),
                    classifier.heads(), classifier.classes());
            NDList whole1 = network.forward(ps, new NDList(x), false);
            NDList split = dense.logits(ps, x, input, input);
            for (int h = 0; h < classifier.heads(); h++) {
                float diff = whole1.get(h).sub(split.get(h)).abs().max().getFloat();
                if (!(diff < 1e-4f)) {
                    why.append("the split differs from the network by ").append(diff);
                    return Optional.empty();
                }
            }
            return Optional.of(dense);
        } catch (RuntimeException e) {
            why.append("the split fails: ").append(e.getMessage());
            return Optional.empty();
        }
    }

    /** Pixels of the input per pixel of the feature map. */
    int downsampling() {
        return downsampling;
    }

    int headCount() {
        return headCount;
    }

    int classes() {
        return classes;
    }

    /**
     * Logits for every tile position of a region, per head {@code (rows*cols, classes)}, positions
     * row-major.
     *
     * @param x      the region (1, C, H, W), H and W multiples of the downsampling
     * @param tile   tile side in model pixels
     * @param stride distance between tile origins in model pixels (any value for one row and column)
     */
    NDList logits(ParameterStore ps, NDArray x, int tile, int stride) {
        NDList f = new NDList(x);
        for (Block b : features) {
            f = b.forward(ps, f, false);
        }
        NDArray map = f.singletonOrThrow();
        int k = tile / downsampling;
        int s = Math.max(1, stride / downsampling);
        NDArray pooled = Pool.avgPool2d(map, new Shape(k, k), new Shape(s, s), new Shape(0, 0), false, true);
        long channels = pooled.getShape().get(1);
        NDArray rows = pooled.transpose(0, 2, 3, 1).reshape(-1, channels);
        return heads.forward(ps, new NDList(rows), false);
    }
}
