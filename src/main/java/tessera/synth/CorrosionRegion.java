package tessera.synth;

/**
 * One corroded area of a generated image, as written to {@code regions/<name>.json}.
 *
 * @param kind      pitting, filiform, blistering, deposit or exfoliation
 * @param severity  1 (light) to 3 (severe): the value of its pixels in the mask
 * @param x         left edge of the bounding box of its mask pixels
 * @param y         top edge of that box
 * @param width     width of that box
 * @param height    height of that box
 * @param pixelArea number of mask pixels that belong to it
 */
public record CorrosionRegion(String kind, int severity, int x, int y, int width, int height, long pixelArea) {
}
