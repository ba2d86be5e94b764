package tessera.model;

import ai.djl.nn.Block;

import java.util.Map;

/**
 * A named network family. The trunk ends in global average pooling, so any input size works and
 * the same network can later slide over whole images; the classification heads sit on top.
 */
public interface Architecture {

    String name();

    String description();

    /** Hyper-parameters with their defaults; a bundle records the values used, so it rebuilds exactly. */
    Map<String, Integer> defaults();

    /** The shared trunk: input (N, C, H, W) to pooled features (N, F). */
    Block trunk(int inputChannels, Map<String, Integer> params);
}
