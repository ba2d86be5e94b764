package tessera.inspect;

/**
 * The student's map of an image, ready before the teachers have run: the inspector sees where the
 * student finds the positive class at the student's cost, and the ensemble's maps follow.
 *
 * @param grid          the tile grid of the image
 * @param student       the student's per-tile probability of the positive class (heads fused)
 * @param threshold     the student's calibrated threshold
 * @param studentMillis how long the student took on this image
 */
public record StudentPreview(TileGrid grid, float[] student, double threshold, long studentMillis) {
}
