package tessera.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

import java.util.Arrays;
import java.util.Map;

/**
 * The CIFAR ResNet of He et al. (2016): depth 6n+2, three stages of n basic blocks with widths
 * w, 2w, 4w, the stride-2 stages using a 1×1 projection shortcut.
 */
final class ResNet implements Architecture {

    private final int depth;

    ResNet(int depth) {
        if ((depth - 2) % 6 != 0) {
            throw new IllegalArgumentException("CIFAR ResNet depth must be 6n+2, got " + depth);
        }
        this.depth = depth;
    }

    @Override
    public String name() {
        return "resnet-" + depth;
    }

    @Override
    public String description() {
        return "CIFAR ResNet-" + depth + " (3 stages of " + (depth - 2) / 6 + " basic blocks)";
    }

    @Override
    public Map<String, Integer> defaults() {
        return Map.of("width", 16, "depth", depth);
    }

    @Override
    public Block trunk(int inputChannels, Map<String, Integer> params) {
        int width = params.get("width");
        int blocksPerStage = (params.get("depth") - 2) / 6;
        SequentialBlock trunk = new SequentialBlock().add(ConvNet.convBnRelu(width, 1));
        for (int stage = 0; stage < 3; stage++) {
            int filters = width << stage;
            for (int b = 0; b < blocksPerStage; b++) {
                boolean downsample = stage > 0 && b == 0;
                trunk.add(basicBlock(filters, downsample ? 2 : 1, downsample));
            }
        }
        trunk.add(Pool.globalAvgPool2dBlock());
        trunk.add(Blocks.batchFlattenBlock());
        return trunk;
    }

    private static Block basicBlock(int filters, int stride, boolean project) {
        SequentialBlock main = new SequentialBlock()
                .add(ConvNet.convBnRelu(filters, stride))
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters)
                        .optPadding(new Shape(1, 1)).optBias(false).build())
                .add(BatchNorm.builder().build());
        Block shortcut = project
                ? new SequentialBlock()
                        .add(Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(filters)
                                .optStride(new Shape(stride, stride)).optBias(false).build())
                        .add(BatchNorm.builder().build())
                : new LambdaBlock(x -> x, "identity");
        return new ParallelBlock(ResNet::addAndRelu, Arrays.asList(main, shortcut));
    }

    private static NDList addAndRelu(java.util.List<NDList> branches) {
        NDArray sum = branches.get(0).singletonOrThrow().add(branches.get(1).singletonOrThrow());
        return new NDList(Activation.relu(sum));
    }
}
