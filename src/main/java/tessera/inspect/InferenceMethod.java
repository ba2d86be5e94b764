package tessera.inspect;

import tessera.util.TesseraException;

import java.util.Locale;

/** How per-tile probabilities are computed from an image. */
public enum InferenceMethod {
    /** Fully convolutional when the network and grid allow it, else tiled. */
    AUTO("auto"),
    /** Every tile cropped, resized and run through the whole network, in batches. */
    TILED("tiled"),
    /**
     * The trunk runs once over (bands of) the scaled image; the tiles' features are averaged from the
     * feature map and the heads run per tile position: dense sliding windows without recomputing the
     * overlapping convolutions.
     */
    FULLY_CONVOLUTIONAL("fully-convolutional");

    private final String id;

    InferenceMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static InferenceMethod parse(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (InferenceMethod m : values()) {
            if (m.id.equals(wanted) || (m == FULLY_CONVOLUTIONAL && wanted.equals("fcn"))) {
                return m;
            }
        }
        throw new TesseraException("unknown inference method '" + id + "' (use auto, tiled or fully-convolutional)");
    }

    @Override
    public String toString() {
        return id;
    }
}
