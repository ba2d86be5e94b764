package tessera.inspect;

import ai.djl.Device;
import tessera.ensemble.Ensemble;
import tessera.ensemble.EnsembleInfo;
import tessera.fusion.Fusion;
import tessera.fusion.FusionMethod;
import tessera.imaging.ImageMetadata;
import tessera.imaging.LoadedImage;
import tessera.model.Classifier;
import tessera.model.ModelBundle;
import tessera.train.CancellationToken;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Inspects images with a teacher ensemble and its student: tiles at the model's scale, every
 * teacher's and the student's probability maps, timed separately. Owns the loaded models' native
 * memory: close it. One inspection at a time (one thread).
 */
public final class Inspector implements AutoCloseable {

    private final Ensemble ensemble;
    private final Classifier student;
    private final Path studentDir;
    private final InspectionSettings settings;
    private final DetectionProfile studentProfile;
    private final DetectionProfile ensembleProfile;
    private final List<DenseNetwork> teacherDense;
    private final DenseNetwork studentDense;
    private final String denseUnavailable;
    private final String fusionMethod;

    private Inspector(Ensemble ensemble, Classifier student, Path studentDir, InspectionSettings settings,
                      DetectionProfile studentProfile, DetectionProfile ensembleProfile) {
        this.ensemble = ensemble;
        this.student = student;
        this.studentDir = studentDir;
        this.settings = settings;
        this.studentProfile = studentProfile;
        this.ensembleProfile = ensembleProfile;
        StringBuilder why = new StringBuilder();
        List<DenseNetwork> dense = new ArrayList<>();
        for (Classifier c : ensemble.members()) {
            Optional<DenseNetwork> d = DenseNetwork.of(c, why);
            if (d.isEmpty()) {
                break;
            }
            dense.add(d.get());
        }
        Optional<DenseNetwork> sd = dense.size() == ensemble.size() ? DenseNetwork.of(student, why) : Optional.empty();
        this.teacherDense = sd.isPresent() ? List.copyOf(dense) : null;
        this.studentDense = sd.orElse(null);
        this.denseUnavailable = sd.isPresent() ? null : why.toString();
        String m = settings.fusionMethod() != null ? settings.fusionMethod() : ensemble.info().defaultFusion;
        if (Ensemble.STACKING.equals(m)) {
            if (!ensemble.hasStacking() || ensemble.classNames().size() != 2) {
                throw new TesseraException(ensemble.dir() + ": stacking maps need a trained combiner and two classes");
            }
        } else {
            m = FusionMethod.parse(m).id();
        }
        this.fusionMethod = m;
    }

    /** Loads the ensemble and the student (each checked) and their detection profiles. */
    public static Inspector open(Path ensembleDir, Path studentDir, InspectionSettings settings, Device device)
            throws IOException {
        Ensemble ensemble = Ensemble.load(ensembleDir, device);
        Classifier student = null;
        try {
            student = ModelBundle.load(studentDir, device);
            List<String> classes = ensemble.classNames();
            if (!student.info().classNames.equals(classes)) {
                throw new TesseraException(studentDir + ": student classes " + student.info().classNames
                        + " differ from the ensemble's " + classes);
            }
            if (!Arrays.equals(student.info().inputShape, ensemble.inputShape())) {
                throw new TesseraException(studentDir + ": student input " + Arrays.toString(student.info().inputShape)
                        + " differs from the ensemble's " + Arrays.toString(ensemble.inputShape()));
            }
            int[] shape = ensemble.inputShape();
            if (shape[1] != shape[2]) {
                throw new TesseraException(ensembleDir + ": models take " + shape[2] + "x" + shape[1]
                        + " inputs; inspection needs square tiles");
            }
            settings.effectiveScale(shape[1]);
            DetectionProfile sp = DetectionProfile.read(studentDir, ModelBundle.INFO_FILE, classes);
            DetectionProfile ep = DetectionProfile.read(ensembleDir, EnsembleInfo.FILE, classes);
            if (!sp.positiveClasses().equals(ep.positiveClasses())) {
                throw new TesseraException(studentDir + ": positive classes " + sp.positiveClasses()
                        + " differ from the ensemble's " + ep.positiveClasses());
            }
            if (settings.threshold() != null) {
                sp = sp.withThreshold(settings.threshold());
                ep = ep.withThreshold(settings.threshold());
            }
            return new Inspector(ensemble, student, studentDir, settings, sp, ep);
        } catch (IOException | RuntimeException e) {
            if (student != null) {
                student.close();
            }
            ensemble.close();
            throw e;
        }
    }

    public InspectionSettings settings() {
        return settings;
    }

    public Ensemble ensemble() {
        return ensemble;
    }

    public Classifier student() {
        return student;
    }

    public Path studentDir() {
        return studentDir;
    }

    public DetectionProfile studentProfile() {
        return studentProfile;
    }

    public DetectionProfile ensembleProfile() {
        return ensembleProfile;
    }

    public List<String> classNames() {
        return ensemble.classNames();
    }

    public int inputSize() {
        return ensemble.inputShape()[1];
    }

    /** Why the fully convolutional path cannot be used with these models, or null when it can. */
    public String fullyConvolutionalUnavailable() {
        return denseUnavailable;
    }

    public InspectionResult inspect(LoadedImage image, CancellationToken cancel, InspectionProgress progress) {
        return inspect(image.file(), image.image(), image.metadata(), cancel, progress);
    }

    /** Inspects a decoded image (TYPE_INT_RGB); see {@link #inspect(LoadedImage, CancellationToken, InspectionProgress)}. */
    public InspectionResult inspect(Path file, java.awt.image.BufferedImage image, ImageMetadata metadata,
                                    CancellationToken cancel, InspectionProgress progress) {
        InspectionProgress p = progress == null ? InspectionProgress.NONE : progress;
        long pixels = (long) image.getWidth() * image.getHeight();
        if (pixels > settings.maxPixels()) {
            throw new TesseraException(file + ": " + image.getWidth() + "x" + image.getHeight() + " is "
                    + pixels / 1_000_000 + " megapixels, above the limit of " + settings.maxPixels() / 1_000_000);
        }
        TileGrid grid;
        try {
            grid = new TileGrid(image.getWidth(), image.getHeight(), settings.tileSize(), settings.stride());
        } catch (TesseraException e) {
            throw new TesseraException(file + ": " + e.getMessage(), e);
        }
        int input = inputSize();
        double scale = settings.effectiveScale(input);
        long t0 = System.nanoTime();
        ScaledImage scaled = ScaledImage.of(image, scale, ensemble.inputShape()[0]);
        TileLayout layout = TileLayout.of(grid, scale, input, scaled.width(), scaled.height());
        long prepareMillis = millisSince(t0);

        double strideModel = settings.stride() * scale;
        int scaledStride = (int) Math.round(strideModel);
        InferenceMethod method = resolveMethod(layout, strideModel, scaledStride);

        t0 = System.nanoTime();
        float[][] studentProbs = run(List.of(student), studentDense == null ? null : List.of(studentDense),
                scaled, layout, scaledStride, method, cancel, p, "student")[0];
        long studentMillis = millisSince(t0);
        List<String> classes = classNames();
        boolean[] positive = studentProfile.positiveMask(classes);
        int n = grid.tileCount();
        float[][] heads = new float[studentProbs.length][];
        for (int h = 0; h < heads.length; h++) {
            heads[h] = positiveScore(studentProbs[h], positive, n);
        }
        float[] studentMap = heads.length == 1 ? heads[0].clone()
                : fuseHeads(studentProbs, FusionMethod.parse(student.info().headFusion), positive, n);
        p.studentReady(new StudentPreview(grid, studentMap.clone(), studentProfile.threshold(), studentMillis));
        t0 = System.nanoTime();
        float[][][] teacherProbs = run(ensemble.members(), teacherDense, scaled, layout, scaledStride, method,
                cancel, p, "ensemble");
        long ensembleMillis = millisSince(t0);

        float[][] teachers = new float[teacherProbs.length][];
        for (int t = 0; t < teachers.length; t++) {
            float[] sum = new float[n];
            for (float[] head : teacherProbs[t]) {
                float[] s = positiveScore(head, positive, n);
                for (int i = 0; i < n; i++) {
                    sum[i] += s[i] / teacherProbs[t].length;
                }
            }
            teachers[t] = sum;
        }
        float[] ensembleMap = fuseTeachers(teachers);

        List<String> names = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int t = 0; t < ensemble.size(); t++) {
            names.add(ensemble.info().members.get(t));
            hashes.add(ensemble.members().get(t).info().paramsSha256);
        }
        return new InspectionResult(file, metadata, grid, scale, classes, studentProfile.positiveClasses(),
                teachers, List.copyOf(names), List.copyOf(hashes), heads, studentMap,
                student.info().name, student.info().paramsSha256, student.info().headFusion, fusionMethod,
                ensemble.weights(), studentProfile.threshold(), ensembleProfile.threshold(), studentProfile.source(),
                ensembleMap, method, ensembleMillis, studentMillis, prepareMillis);
    }

    private InferenceMethod resolveMethod(TileLayout layout, double strideModel, int scaledStride) {
        boolean integral = Math.abs(strideModel - scaledStride) < 1e-9;
        boolean possible = denseUnavailable == null && integral && TileInference.denseApplicable(studentDense, layout, scaledStride)
                && teacherDense.stream().allMatch(d -> TileInference.denseApplicable(d, layout, scaledStride));
        return switch (settings.method()) {
            case TILED -> InferenceMethod.TILED;
            case AUTO -> possible ? InferenceMethod.FULLY_CONVOLUTIONAL : InferenceMethod.TILED;
            case FULLY_CONVOLUTIONAL -> {
                if (!possible) {
                    throw new TesseraException("fully convolutional inspection is not possible here: " + (denseUnavailable != null
                            ? denseUnavailable : "stride " + strideModel + " model pixels is not a multiple of the feature map's step"));
                }
                yield InferenceMethod.FULLY_CONVOLUTIONAL;
            }
        };
    }

    private float[][][] run(List<Classifier> models, List<DenseNetwork> dense, ScaledImage image, TileLayout layout,
                            int scaledStride, InferenceMethod method, CancellationToken cancel, InspectionProgress p,
                            String phase) {
        if (method == InferenceMethod.FULLY_CONVOLUTIONAL) {
            return TileInference.dense(models, dense, image, layout, scaledStride, cancel, p, phase);
        }
        return TileInference.tiled(models, image, layout, settings.batchSize(), cancel, p, phase);
    }

    /** The teachers fused with the configured method. */
    float[] fuseTeachers(float[][] teachers) {
        if (Ensemble.STACKING.equals(fusionMethod)) {
            int n = teachers[0].length;
            int positive = studentProfile.positiveMask(classNames())[1] ? 1 : 0;
            double[][][] p = new double[teachers.length][n][2];
            for (int t = 0; t < teachers.length; t++) {
                for (int i = 0; i < n; i++) {
                    p[t][i][positive] = teachers[t][i];
                    p[t][i][1 - positive] = 1 - teachers[t][i];
                }
            }
            double[][] scores = ensemble.fuse(Ensemble.STACKING, p).scores();
            float[] fused = new float[n];
            for (int i = 0; i < n; i++) {
                fused[i] = (float) scores[i][positive];
            }
            return fused;
        }
        return HeatMaps.fuse(FusionMethod.parse(fusionMethod), teachers, ensemble.weights());
    }

    private static float[] positiveScore(float[] probs, boolean[] positive, int tiles) {
        int classes = positive.length;
        float[] s = new float[tiles];
        for (int i = 0; i < tiles; i++) {
            float sum = 0;
            for (int c = 0; c < classes; c++) {
                if (positive[c]) {
                    sum += probs[i * classes + c];
                }
            }
            s[i] = Math.min(1f, sum);
        }
        return s;
    }

    /** A multi-head student's heads fused on the full class rows, as its bundle says. */
    private static float[] fuseHeads(float[][] heads, FusionMethod method, boolean[] positive, int tiles) {
        int classes = positive.length;
        float[] out = new float[tiles];
        double[][] sample = new double[heads.length][classes];
        for (int i = 0; i < tiles; i++) {
            for (int h = 0; h < heads.length; h++) {
                for (int c = 0; c < classes; c++) {
                    sample[h][c] = heads[h][i * classes + c];
                }
            }
            double[] row = Fusion.fuseSample(method, sample, null);
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                if (positive[c]) {
                    sum += row[c];
                }
            }
            out[i] = (float) Math.min(1, sum);
        }
        return out;
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Override
    public void close() {
        try {
            student.close();
        } finally {
            ensemble.close();
        }
    }
}
