package tessera.model;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import tessera.util.TesseraException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The registry of named networks, and the assembly of a trunk with its K classification heads. */
public final class Architectures {

    private static final Map<String, Architecture> REGISTRY = new LinkedHashMap<>();

    static {
        register(new ConvNet("cnn-small", "small student CNN: 3 stages 16-32-64, one conv each", 16, 3, 1, 0));
        register(new ConvNet("cnn-medium", "medium CNN: 3 stages 32-64-128, one conv each, two in the last", 32, 3, 1, 1));
        register(new ConvNet("cnn-large", "large CNN: 3 stages 32-64-128, two convs each", 32, 3, 2, 0));
        register(new ResNet(8));
        register(new ResNet(14));
        register(new ResNet(20));
    }

    private Architectures() {
    }

    private static void register(Architecture a) {
        REGISTRY.put(a.name(), a);
    }

    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    public static Architecture get(String name) {
        Architecture a = REGISTRY.get(name);
        if (a == null) {
            throw new TesseraException("unknown architecture '" + name + "' (known: " + String.join(", ", names()) + ")");
        }
        return a;
    }

    /** The architecture's defaults overridden by the given values; unknown keys are refused. */
    public static Map<String, Integer> resolveParams(String name, Map<String, Integer> overrides) {
        Architecture a = get(name);
        Map<String, Integer> params = new LinkedHashMap<>(a.defaults());
        if (overrides != null) {
            for (Map.Entry<String, Integer> e : overrides.entrySet()) {
                if (!params.containsKey(e.getKey())) {
                    throw new TesseraException("architecture " + name + " has no hyper-parameter '" + e.getKey()
                            + "' (it has: " + String.join(", ", a.defaults().keySet()) + ")");
                }
                params.put(e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(params);
    }

    /**
     * The whole network: the trunk, then one linear head per teacher. With K heads the output
     * NDList holds K logit arrays (N, classes), one per head, in head order.
     */
    public static Block network(NetworkSpec spec) {
        Architecture a = get(spec.architecture());
        Block trunk = a.trunk(spec.inputShape()[0], resolveParams(spec.architecture(), spec.params()));
        Block heads;
        if (spec.heads() == 1) {
            heads = head(spec.classes());
        } else {
            List<Block> list = new ArrayList<>();
            for (int k = 0; k < spec.heads(); k++) {
                list.add(head(spec.classes()));
            }
            heads = new ParallelBlock(Architectures::concatHeads, list);
        }
        return new SequentialBlock().add(trunk).add(heads);
    }

    private static Block head(int classes) {
        return Linear.builder().setUnits(classes).build();
    }

    private static NDList concatHeads(List<NDList> outputs) {
        NDList all = new NDList(outputs.size());
        for (NDList o : outputs) {
            all.add(o.singletonOrThrow());
        }
        return all;
    }
}
