package tessera.model;

import java.util.Arrays;
import java.util.Map;

/**
 * Everything needed to rebuild a network exactly: architecture, its hyper-parameters, the input
 * shape (C, H, W), the number of classes and of output heads.
 */
public record NetworkSpec(String architecture, Map<String, Integer> params, int[] inputShape, int classes, int heads) {

    public NetworkSpec {
        params = Architectures.resolveParams(architecture, params);
        if (inputShape == null || inputShape.length != 3) {
            throw new IllegalArgumentException("input shape must be C,H,W");
        }
        inputShape = inputShape.clone();
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes, got " + classes);
        }
        if (heads < 1) {
            throw new IllegalArgumentException("at least one head is needed, got " + heads);
        }
    }

    @Override
    public int[] inputShape() {
        return inputShape.clone();
    }

    public NetworkSpec withHeads(int k) {
        return new NetworkSpec(architecture, params, inputShape, classes, k);
    }

    @Override
    public String toString() {
        return architecture + params + " input " + Arrays.toString(inputShape) + " classes " + classes + " heads " + heads;
    }
}
