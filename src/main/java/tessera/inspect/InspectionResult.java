package tessera.inspect;

import tessera.fusion.FusionMethod;
import tessera.imaging.ImageMetadata;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one inspection computed, at tile resolution: each teacher's and each student head's
 * probability of the positive class per tile, the student's fused map, and how long it took. The
 * fused ensemble, vote and disagreement maps derive from the teachers' maps (see {@link HeatMaps}),
 * so a view can re-fuse them under another method without running a model again.
 *
 * @param imageFile         the inspected file
 * @param metadata          what its header said
 * @param grid              the tiles, in image pixels
 * @param scale             image pixels to model pixels
 * @param classNames        the models' classes
 * @param positiveClasses   the classes whose probabilities form the score
 * @param teachers          {@code [teacher][tile]}
 * @param teacherNames      one per teacher (the member folder names)
 * @param teacherSha256     the parameters' SHA-256 of each teacher
 * @param studentHeads      {@code [head][tile]}; one head for a plain student
 * @param student           {@code [tile]}: the heads fused with the student's head fusion
 * @param studentName       the student bundle's name
 * @param studentSha256     its parameters' SHA-256
 * @param headFusion        how the student's heads were fused
 * @param fusionMethod      the fusion method of {@link #ensemble()}
 * @param teacherWeights    member weights for the weighted rules (null = equal)
 * @param studentThreshold  the student map's threshold
 * @param ensembleThreshold the threshold of the fused map and of each teacher (for votes)
 * @param thresholdSource   where the thresholds came from
 * @param ensemble          {@code [tile]}: the teachers fused with {@code fusionMethod}
 * @param method            the inference path used: tiled or fully convolutional
 * @param ensembleMillis    wall time of all teachers
 * @param studentMillis     wall time of the student
 * @param prepareMillis     wall time of resampling the image to the model scale (shared)
 */
public record InspectionResult(Path imageFile, ImageMetadata metadata, TileGrid grid, double scale,
                               List<String> classNames, List<String> positiveClasses,
                               float[][] teachers, List<String> teacherNames, List<String> teacherSha256,
                               float[][] studentHeads, float[] student, String studentName, String studentSha256,
                               String headFusion, String fusionMethod, double[] teacherWeights,
                               double studentThreshold, double ensembleThreshold, String thresholdSource,
                               float[] ensemble, InferenceMethod method,
                               long ensembleMillis, long studentMillis, long prepareMillis) {

    public int tiles() {
        return grid.tileCount();
    }

    public int teacherCount() {
        return teachers.length;
    }

    /** The teachers fused under another rule (cheap: no model runs). */
    public float[] fused(FusionMethod m) {
        return HeatMaps.fuse(m, teachers, teacherWeights);
    }

    /** How many teachers reach the ensemble threshold per tile. */
    public int[] votes() {
        return HeatMaps.votes(teachers, ensembleThreshold);
    }

    public float[] disagreement() {
        return HeatMaps.disagreement(teachers);
    }

    /** The findings of the student's map. */
    public Findings studentFindings(Double mmPerPixel) {
        return Findings.detect(grid, student, studentThreshold, teachers, ensembleThreshold, mmPerPixel);
    }

    /** The findings of the fused ensemble map. */
    public Findings ensembleFindings(Double mmPerPixel) {
        return Findings.detect(grid, ensemble, ensembleThreshold, teachers, ensembleThreshold, mmPerPixel);
    }

    /** Student time over ensemble time: the cost the distillation saves. */
    public double speedup() {
        return studentMillis == 0 ? Double.NaN : (double) ensembleMillis / studentMillis;
    }
}
