package tessera.inspect;

import tessera.util.TesseraException;

/**
 * How an image is inspected.
 *
 * @param tileSize        tile side in image pixels (the reference is 64)
 * @param stride          distance between tile origins in image pixels (the reference is 32)
 * @param scale           image pixels to model pixels; 0 derives it as model input / tile size
 * @param batchSize       tiles per forward pass on the tiled path
 * @param threshold       overrides the models' calibrated thresholds when not null
 * @param fusionMethod    how the teachers' maps are fused; null uses the ensemble's default
 * @param mmPerPixel      ground sampling distance, for finding areas in mm²; null when unknown
 * @param maxPixels       images above this many pixels are refused before decoding
 * @param method          tiled, fully convolutional, or auto (fully convolutional where possible)
 */
public record InspectionSettings(int tileSize, int stride, double scale, int batchSize, Double threshold,
                                 String fusionMethod, Double mmPerPixel, long maxPixels, InferenceMethod method) {

    public static final int DEFAULT_TILE = 64;
    public static final int DEFAULT_STRIDE = 32;
    public static final long DEFAULT_MAX_PIXELS = 100_000_000L;

    public InspectionSettings {
        if (tileSize < 1 || stride < 1 || stride > tileSize) {
            throw new TesseraException("need tile size >= 1 and 1 <= stride <= tile size, got tile " + tileSize
                    + ", stride " + stride);
        }
        if (scale < 0 || Double.isNaN(scale)) {
            throw new TesseraException("scale must be positive (or 0 for automatic), got " + scale);
        }
        if (batchSize < 1) {
            throw new TesseraException("batch size must be at least 1, got " + batchSize);
        }
        if (threshold != null && !(threshold >= 0 && threshold <= 1)) {
            throw new TesseraException("threshold must be between 0 and 1, got " + threshold);
        }
        if (mmPerPixel != null && !(mmPerPixel > 0)) {
            throw new TesseraException("mm per pixel must be positive, got " + mmPerPixel);
        }
        if (maxPixels < 1) {
            throw new TesseraException("max pixels must be positive, got " + maxPixels);
        }
        if (method == null) {
            method = InferenceMethod.AUTO;
        }
    }

    public static InspectionSettings defaults() {
        return new InspectionSettings(DEFAULT_TILE, DEFAULT_STRIDE, 0, 256, null, null, null, DEFAULT_MAX_PIXELS,
                InferenceMethod.AUTO);
    }

    public InspectionSettings withTile(int tile, int newStride) {
        return new InspectionSettings(tile, newStride, scale, batchSize, threshold, fusionMethod, mmPerPixel, maxPixels, method);
    }

    public InspectionSettings withScale(double newScale) {
        return new InspectionSettings(tileSize, stride, newScale, batchSize, threshold, fusionMethod, mmPerPixel, maxPixels, method);
    }

    public InspectionSettings withBatchSize(int n) {
        return new InspectionSettings(tileSize, stride, scale, n, threshold, fusionMethod, mmPerPixel, maxPixels, method);
    }

    public InspectionSettings withThreshold(Double t) {
        return new InspectionSettings(tileSize, stride, scale, batchSize, t, fusionMethod, mmPerPixel, maxPixels, method);
    }

    public InspectionSettings withFusionMethod(String m) {
        return new InspectionSettings(tileSize, stride, scale, batchSize, threshold, m, mmPerPixel, maxPixels, method);
    }

    public InspectionSettings withMmPerPixel(Double mm) {
        return new InspectionSettings(tileSize, stride, scale, batchSize, threshold, fusionMethod, mm, maxPixels, method);
    }

    public InspectionSettings withMaxPixels(long max) {
        return new InspectionSettings(tileSize, stride, scale, batchSize, threshold, fusionMethod, mmPerPixel, max, method);
    }

    public InspectionSettings withMethod(InferenceMethod m) {
        return new InspectionSettings(tileSize, stride, scale, batchSize, threshold, fusionMethod, mmPerPixel, maxPixels, m);
    }

    /**
     * The scale for a model taking {@code inputSize}-pixel tiles: tile size × scale must be exactly the
     * model's input, so that a tile is what the model was trained on.
     */
    public double effectiveScale(int inputSize) {
        double s = scale > 0 ? scale : (double) inputSize / tileSize;
        if (Math.abs(tileSize * s - inputSize) > 1e-6) {
            throw new TesseraException("tile of " + tileSize + " px at scale " + s + " is " + tileSize * s
                    + " model pixels, but the model takes " + inputSize + " px tiles (use --tile " + Math.round(inputSize / s)
                    + " or scale " + (double) inputSize / tileSize + ")");
        }
        return s;
    }
}
