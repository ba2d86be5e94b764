package tessera.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.util.Pair;

/**
 * Learned parameter count and multiply-accumulates per sample of an initialised network, found by
 * walking its blocks with their shapes (convolutions and linear layers; the rest is negligible).
 */
public record NetworkCost(long parameters, long macs) {

    public static NetworkCost of(Block network, Shape inputShape) {
        long params = 0;
        for (Pair<String, Parameter> p : network.getParameters()) {
            // Learned parameters only, as PyTorch counts them: batch-norm running statistics are buffers.
            if (p.getValue().isInitialized() && p.getValue().requiresGradient()) {
                params += p.getValue().getArray().getShape().size();
            }
        }
        long macs = macs(network, inputShape);
        return new NetworkCost(params, macs);
    }

    private static long macs(Block block, Shape input) {
        if (block instanceof SequentialBlock) {
            long total = 0;
            Shape shape = input;
            for (Pair<String, Block> child : block.getChildren()) {
                total += macs(child.getValue(), shape);
                shape = child.getValue().getOutputShapes(new Shape[] {shape})[0];
            }
            return total;
        }
        if (block instanceof ParallelBlock) {
            long total = 0;
            for (Pair<String, Block> child : block.getChildren()) {
                total += macs(child.getValue(), input);
            }
            return total;
        }
        if (block instanceof Convolution || block instanceof Linear) {
            Shape out = block.getOutputShapes(new Shape[] {input})[0];
            long weight = 0;
            for (Pair<String, Parameter> p : block.getDirectParameters()) {
                if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                    weight = p.getValue().getArray().getShape().size();
                }
            }
            // Each output position of a convolution applies the whole filter bank once.
            long positions = block instanceof Convolution ? out.size() / out.get(0) / out.get(1) : 1;
            return weight * positions;
        }
        return 0;
    }
}
