package tessera.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tessera.util.TesseraException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every registered network works on any input size (global average pooling), with K heads, at a known cost. */
class ArchitecturesTest {

    private static final int CLASSES = 10;
    private static final int[][] INPUTS = {{1, 28, 28}, {3, 32, 32}, {3, 64, 64}};

    static List<String> architectures() {
        return Architectures.names();
    }

    @Test
    void theRegistryHoldsTheStudentTheMediumCnnAndAResNetFamily() {
        assertTrue(Architectures.names().containsAll(List.of("cnn-small", "cnn-medium", "resnet-8", "resnet-14", "resnet-20")),
                Architectures.names().toString());
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void runsOnGreyAndColourInputsOfThreeSizesWithThreeHeads(String name) {
        // (one head is the K = 1 case of the same assembly, and every other test uses it)
        for (int[] input : INPUTS) {
            for (int heads : new int[] {3}) {
                // given the network for this input with K heads
                NetworkSpec spec = new NetworkSpec(name, Map.of(), input, CLASSES, heads);
                try (Model model = Model.newInstance(name, Device.cpu())) {
                    Block network = initialised(model, spec);
                    // when a batch of 2 goes through it
                    try (NDManager batch = model.getNDManager().newSubManager()) {
                        NDArray x = batch.randomUniform(0f, 1f, new Shape(2, input[0], input[1], input[2]));
                        NDList out = network.forward(new ParameterStore(batch, false), new NDList(x), false);
                        // then there are K finite logit arrays of shape (2, classes)
                        assertEquals(heads, out.size(), name + " " + spec);
                        for (NDArray head : out) {
                            assertEquals(new Shape(2, CLASSES), head.getShape(), name + " " + spec);
                            for (float v : head.toFloatArray()) {
                                assertTrue(Float.isFinite(v), name + " " + spec);
                            }
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("architectures")
    void costIsPositiveAndTheConvolutionCostGrowsWithTheImageArea(String name) {
        // given the network on 32x32 and on 64x64 colour images
        NetworkCost small = cost(new NetworkSpec(name, Map.of(), new int[] {3, 32, 32}, CLASSES, 1));
        NetworkCost large = cost(new NetworkSpec(name, Map.of(), new int[] {3, 64, 64}, CLASSES, 1));

        // then the parameters do not depend on the input size (global pooling), and MACs grow 4-fold with the area
        assertTrue(small.parameters() > 0);
        assertEquals(small.parameters(), large.parameters());
        double ratio = (double) large.macs() / small.macs();
        assertTrue(ratio > 3.99 && ratio < 4.0, name + " MACs ratio " + ratio);
    }

    @Test
    void theStudentCnnCostsWhatItsLayersAddUpToByHand() {
        // cnn-small on 1x28x28, 10 classes: conv3x3 1->16 @28x28, pool, 16->32 @14x14, pool, 32->64 @7x7, GAP, linear 64->10
        long convWeights = 1 * 16 * 9 + 16 * 32 * 9 + 32 * 64 * 9;
        long batchNorm = 2 * (16 + 32 + 64); // gamma and beta; running statistics are not learned
        long head = 64 * 10 + 10;
        long convMacs = 1 * 16 * 9 * 28 * 28 + 16 * 32 * 9 * 14 * 14 + 32 * 64 * 9 * 7 * 7;

        NetworkCost one = cost(new NetworkSpec("cnn-small", Map.of(), new int[] {1, 28, 28}, 10, 1));
        assertEquals(convWeights + batchNorm + head, one.parameters());
        assertEquals(24_058, one.parameters());
        assertEquals(convMacs + 640, one.macs());
        assertEquals(1_919_872, one.macs());

        // with 4 heads the trunk is shared and only the heads multiply
        NetworkCost four = cost(new NetworkSpec("cnn-small", Map.of(), new int[] {1, 28, 28}, 10, 4));
        assertEquals(convWeights + batchNorm + 4 * head, four.parameters());
        assertEquals(convMacs + 4 * 640, four.macs());
    }

    @Test
    void resNet20HasTheSizeOfThePublishedCifarResNet20() {
        // He et al. report 0.27 M parameters and about 41 M multiply-accumulates on 32x32x3 (ours adds 1x1 projections)
        NetworkCost cost = cost(new NetworkSpec("resnet-20", Map.of(), new int[] {3, 32, 32}, 10, 1));
        assertTrue(cost.parameters() > 270_000 && cost.parameters() < 280_000, "parameters " + cost.parameters());
        assertTrue(cost.macs() > 39_000_000 && cost.macs() < 43_000_000, "MACs " + cost.macs());
    }

    @Test
    void unknownNamesAndHyperParametersAreRefusedWithTheKnownOnes() {
        TesseraException arch = assertThrows(TesseraException.class, () -> Architectures.get("vgg-99"));
        assertTrue(arch.getMessage().contains("vgg-99") && arch.getMessage().contains("cnn-small"), arch.getMessage());
        TesseraException param = assertThrows(TesseraException.class,
                () -> Architectures.resolveParams("cnn-small", Map.of("depth", 3)));
        assertTrue(param.getMessage().contains("depth") && param.getMessage().contains("width"), param.getMessage());
    }

    private static NetworkCost cost(NetworkSpec spec) {
        try (Model model = Model.newInstance(spec.architecture(), Device.cpu())) {
            Block network = initialised(model, spec);
            return NetworkCost.of(network, ModelBundle.batchOfOne(spec.inputShape()));
        }
    }

    private static Block initialised(Model model, NetworkSpec spec) {
        Block network = Architectures.network(spec);
        model.setBlock(network);
        int[] s = spec.inputShape();
        network.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, s[0], s[1], s[2]));
        return network;
    }
}
