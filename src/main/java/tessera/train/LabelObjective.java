package tessera.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** Ordinary supervised training: cross-entropy of the (mean of the) heads against the labels. */
public final class LabelObjective implements Objective {

    @Override
    public NDArray loss(NDList heads, NDArray input, NDArray labels, int[] samples) {
        return Losses.crossEntropy(Losses.meanOfHeads(heads), labels);
    }

    @Override
    public String name() {
        return "labels";
    }
}
