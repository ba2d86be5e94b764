package tessera.data;

/**
 * Training-time augmentation as in the usual CIFAR recipe: pad by {@code cropPadding} zero pixels,
 * crop back to the original size at a random offset, then mirror left-right with probability 1/2.
 */
public record Augmentation(int cropPadding, boolean horizontalFlip) {

    public static final Augmentation NONE = new Augmentation(0, false);

    public Augmentation {
        if (cropPadding < 0) {
            throw new IllegalArgumentException("Crop padding must not be negative, got " + cropPadding);
        }
    }

    public boolean enabled() {
        return cropPadding > 0 || horizontalFlip;
    }
}
