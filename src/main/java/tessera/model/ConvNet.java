package tessera.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plain VGG-style CNN: stages of 3×3 conv-BN-ReLU doubling the width, 2×2 max pooling between
 * stages, global average pooling at the end.
 */
final class ConvNet implements Architecture {

    private final String name;
    private final String description;
    private final Map<String, Integer> defaults;

    ConvNet(String name, String description, int width, int stages, int convsPerStage, int extraLastConvs) {
        this.name = name;
        this.description = description;
        Map<String, Integer> d = new LinkedHashMap<>();
        d.put("width", width);
        d.put("stages", stages);
        d.put("convsPerStage", convsPerStage);
        d.put("extraLastConvs", extraLastConvs);
        this.defaults = Map.copyOf(d);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Map<String, Integer> defaults() {
        return defaults;
    }

    @Override
    public Block trunk(int inputChannels, Map<String, Integer> params) {
        int width = params.get("width");
        int stages = params.get("stages");
        int convs = params.get("convsPerStage");
        int extra = params.get("extraLastConvs");
        SequentialBlock trunk = new SequentialBlock();
        for (int s = 0; s < stages; s++) {
            int filters = width << s;
            int n = convs + (s == stages - 1 ? extra : 0);
            for (int c = 0; c < n; c++) {
                trunk.add(convBnRelu(filters, 1));
            }
            if (s < stages - 1) {
                trunk.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            }
        }
        trunk.add(Pool.globalAvgPool2dBlock());
        trunk.add(Blocks.batchFlattenBlock());
        return trunk;
    }

    static SequentialBlock convBnRelu(int filters, int stride) {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters)
                        .optStride(new Shape(stride, stride)).optPadding(new Shape(1, 1)).optBias(false).build())
                .add(BatchNorm.builder().build())
                .add(Activation.reluBlock());
    }
}
