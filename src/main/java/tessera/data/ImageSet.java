package tessera.data;

import java.util.Arrays;
import java.util.List;

/**
 * In-memory labelled 8-bit images, channel-major (C,H,W) per sample, contiguous in one byte[].
 * Bytes rather than floats keep 60k Fashion-MNIST images at 47 MB; batches are normalised to
 * floats only when they are fed to a model (see {@link Batches}).
 */
public final class ImageSet {

    private final int channels;
    private final int height;
    private final int width;
    private final byte[] pixels;
    private final int[] labels;
    private final List<String> classNames;

    public ImageSet(int channels, int height, int width, byte[] pixels, int[] labels, List<String> classNames) {
        if (channels <= 0 || height <= 0 || width <= 0) {
            throw new IllegalArgumentException("Image shape must be positive: " + channels + "x" + height + "x" + width);
        }
        long expected = (long) labels.length * channels * height * width;
        if (pixels.length != expected) {
            throw new IllegalArgumentException(
                    "Expected " + expected + " pixel bytes for " + labels.length + " images, got " + pixels.length);
        }
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("An image set needs at least one class name");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException(
                        "Label " + labels[i] + " of image " + i + " is outside 0.." + (classNames.size() - 1));
            }
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.pixels = pixels;
        this.labels = labels;
        this.classNames = List.copyOf(classNames);
    }

    public int size() {
        return labels.length;
    }

    public int channels() {
        return channels;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    /** C*H*W: the number of bytes (and of floats in a batch) one sample takes. */
    public int sampleLength() {
        return channels * height * width;
    }

    public List<String> classNames() {
        return classNames;
    }

    public int numClasses() {
        return classNames.size();
    }

    public int label(int i) {
        return labels[i];
    }

    /** A copy, so callers cannot relabel the set behind its back. */
    public int[] labels() {
        return labels.clone();
    }

    /** The backing array, read-only by convention: copying 47 MB per access would be wasteful. */
    public byte[] pixels() {
        return pixels;
    }

    /** The given samples, in the given order (repeats allowed, e.g. for bootstrap samples). */
    public ImageSet select(int[] indices) {
        int length = sampleLength();
        byte[] selected = new byte[indices.length * length];
        int[] selectedLabels = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(pixels, indices[k] * length, selected, k * length, length);
            selectedLabels[k] = labels[indices[k]];
        }
        return new ImageSet(channels, height, width, selected, selectedLabels, classNames);
    }

    /** Same images converted to the given channels (grey<->RGB) and size (bilinear); returns this when equal. */
    public ImageSet adaptedTo(int newChannels, int newHeight, int newWidth) {
        if (newChannels == channels && newHeight == height && newWidth == width) {
            return this;
        }
        int length = sampleLength();
        int newLength = newChannels * newHeight * newWidth;
        byte[] adapted = new byte[size() * newLength];
        // Resize on as few planes as possible: before adding channels, after dropping them.
        boolean resizeFirst = newChannels > channels;
        for (int i = 0; i < size(); i++) {
            byte[] sample = Arrays.copyOfRange(pixels, i * length, (i + 1) * length);
            byte[] out;
            if (resizeFirst) {
                out = Resampling.convertChannels(
                        Resampling.resize(sample, channels, height, width, newHeight, newWidth),
                        channels, newChannels, newHeight * newWidth);
            } else {
                out = Resampling.resize(
                        Resampling.convertChannels(sample, channels, newChannels, height * width),
                        newChannels, height, width, newHeight, newWidth);
            }
            System.arraycopy(out, 0, adapted, i * newLength, newLength);
        }
        return new ImageSet(newChannels, newHeight, newWidth, adapted, labels, classNames);
    }

    /** A set with no samples but this shape and these classes (e.g. a validation split of fraction 0). */
    ImageSet empty() {
        return select(new int[0]);
    }

    @Override
    public String toString() {
        return "ImageSet[" + size() + " x " + channels + "x" + height + "x" + width + ", " + numClasses() + " classes]";
    }
}
