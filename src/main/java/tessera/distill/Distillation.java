package tessera.distill;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import tessera.data.DataSplits;
import tessera.data.ImageSet;
import tessera.data.Normalization;
import tessera.ensemble.Ensemble;
import tessera.experiment.Run;
import tessera.model.BatchInference;
import tessera.model.Classifier;
import tessera.train.CancellationToken;
import tessera.train.Losses;
import tessera.train.Objective;
import tessera.train.SetupCancelled;
import tessera.train.TrainingJob;
import tessera.train.TrainingSettings;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Builds the distillation objective of a run: loads the teacher ensemble, refuses teachers that do
 * not fit the data, and either caches their softened outputs once (no augmentation) or keeps them
 * loaded to answer on every augmented batch.
 */
public final class Distillation {

    private static final int BATCH = 256;

    private Distillation() {
    }

    /** The objective factory for a run's settings: labels, or a distillation mode with its teachers. */
    public static TrainingJob.ObjectiveFactory objectives(TrainingSettings settings) {
        DistillationMode mode = DistillationMode.parse(settings.objective);
        if (mode == DistillationMode.LABELS) {
            return TrainingJob.LABELS;
        }
        return (data, run, device, cancel) -> create(mode, settings, data, run, device, cancel);
    }

    static Objective create(DistillationMode mode, TrainingSettings s, DataSplits data, Run run, Device device,
                            CancellationToken cancel)
            throws IOException {
        if (s.teachers == null) {
            throw new TesseraException("distillation mode " + mode.id() + " needs --teachers DIR");
        }
        if (!(s.temperature > 0) || s.alpha < 0 || s.alpha > 1) {
            throw new TesseraException("need --temperature > 0 and 0 <= --alpha <= 1");
        }
        Ensemble ensemble = Ensemble.load(Path.of(s.teachers), device);
        try {
            checkFits(ensemble, data.train(), Path.of(s.teachers));
            if (mode == DistillationMode.SIMULTANEOUS && s.heads != ensemble.size()) {
                throw new TesseraException("a simultaneous student needs one head per teacher: " + ensemble.size()
                        + " teachers, " + s.heads + " heads");
            }
            if (mode == DistillationMode.STACKING && !ensemble.hasStacking()) {
                throw new TesseraException(s.teachers + ": the ensemble has no stacking combiner to distil from");
            }
            TeacherSource source;
            if (s.augmentation().enabled()) {
                run.log("teachers run on every augmented batch");
                source = new LiveTeachers(ensemble, mode, s.temperature, Normalization.fit(data.train()));
            } else {
                long t0 = System.nanoTime();
                source = new CachedTeachers(cache(ensemble, mode, data.train(), s.temperature, cancel));
                ensemble.close();
                run.log(String.format(java.util.Locale.ROOT, "teacher outputs cached once for %d samples in %.1f s",
                        data.train().size(), (System.nanoTime() - t0) / 1e9));
            }
            return new KdObjective(mode, source, s.temperature, s.alpha);
        } catch (RuntimeException e) {
            ensemble.close();
            throw e;
        }
    }

    /** A teacher of another class set or input shape than the data would be meaningless: refuse before training. */
    static void checkFits(Ensemble ensemble, ImageSet train, Path dir) {
        if (!ensemble.classNames().equals(train.classNames())) {
            throw new TesseraException(dir + ": teacher classes " + ensemble.classNames()
                    + " differ from the data set's " + train.classNames());
        }
        int[] shape = {train.channels(), train.height(), train.width()};
        if (!Arrays.equals(ensemble.inputShape(), shape)) {
            throw new TesseraException(dir + ": teachers take input " + Arrays.toString(ensemble.inputShape())
                    + " but the data set has " + Arrays.toString(shape));
        }
    }

    /**
     * Softened teacher probabilities for the whole training split, per teacher or fused as the mode
     * asks. A cancellation is honoured between teachers ({@link SetupCancelled}): one teacher's pass
     * is seconds, all of them a minute on the whole of Fashion-MNIST.
     */
    static TeacherTargets cache(Ensemble ensemble, DistillationMode mode, ImageSet train, double temperature,
                                CancellationToken cancel) {
        int classes = ensemble.classNames().size();
        int teachers = ensemble.size();
        double[][][] soft = new double[teachers][][];
        double[][][] plain = mode == DistillationMode.STACKING ? new double[teachers][][] : null;
        for (int t = 0; t < teachers; t++) {
            if (cancel.isCancelled()) {
                throw new SetupCancelled("caching the teachers' outputs (" + t + " of " + teachers + " done)");
            }
            Classifier teacher = ensemble.members().get(t);
            float[] logits = meanLogits(teacher.logits(train, BATCH), classes);
            soft[t] = BatchInference.softmax(logits, classes, temperature);
            if (plain != null) {
                plain[t] = BatchInference.softmax(logits, classes, 1.0);
            }
        }
        switch (mode) {
            case MEAN_TEACHER:
                return new TeacherTargets(new float[][] {flatten(mean(soft))}, classes);
            case STACKING:
                return new TeacherTargets(new float[][] {flatten(soften(ensemble.stacking().predictProba(plain), temperature))}, classes);
            default:
                float[][] each = new float[teachers][];
                for (int t = 0; t < teachers; t++) {
                    each[t] = flatten(soft[t]);
                }
                return new TeacherTargets(each, classes);
        }
    }

    /** A multi-head teacher answers with the mean of its heads' logits. */
    private static float[] meanLogits(float[][] heads, int classes) {
        if (heads.length == 1) {
            return heads[0];
        }
        float[] mean = new float[heads[0].length];
        for (float[] h : heads) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += h[i] / heads.length;
            }
        }
        return mean;
    }

    static double[][] mean(double[][][] p) {
        double[][] m = new double[p[0].length][p[0][0].length];
        for (double[][] member : p) {
            for (int i = 0; i < m.length; i++) {
                for (int c = 0; c < m[i].length; c++) {
                    m[i][c] += member[i][c] / p.length;
                }
            }
        }
        return m;
    }

    /** Softens a distribution at temperature T: softmax(log p / T), i.e. p^(1/T) renormalised. */
    static double[][] soften(double[][] p, double temperature) {
        double[][] out = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            double[] row = new double[p[i].length];
            double sum = 0;
            for (int c = 0; c < row.length; c++) {
                row[c] = Math.pow(Math.max(p[i][c], 1e-12), 1.0 / temperature);
                sum += row[c];
            }
            for (int c = 0; c < row.length; c++) {
                row[c] /= sum;
            }
            out[i] = row;
        }
        return out;
    }

    private static float[] flatten(double[][] rows) {
        int classes = rows[0].length;
        float[] out = new float[rows.length * classes];
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < classes; c++) {
                out[i * classes + c] = (float) rows[i][c];
            }
        }
        return out;
    }

    /** Targets looked up in the cache by sample index. */
    private static final class CachedTeachers implements TeacherSource {
        private final TeacherTargets cache;

        CachedTeachers(TeacherTargets cache) {
            this.cache = cache;
        }

        @Override
        public NDList targets(NDArray input, int[] samples, NDManager batch) {
            NDList list = new NDList(cache.count());
            for (int k = 0; k < cache.count(); k++) {
                list.add(cache.rows(k, samples, batch));
            }
            return list;
        }
    }

    /** Teachers run on each augmented batch, re-normalised from the student's to each teacher's statistics. */
    private static final class LiveTeachers implements TeacherSource {
        private final Ensemble ensemble;
        private final DistillationMode mode;
        private final double temperature;
        private final Normalization student;

        LiveTeachers(Ensemble ensemble, DistillationMode mode, double temperature, Normalization student) {
            this.ensemble = ensemble;
            this.mode = mode;
            this.temperature = temperature;
            this.student = student;
        }

        @Override
        public NDList targets(NDArray input, int[] samples, NDManager batch) {
            int teachers = ensemble.size();
            NDList soft = new NDList(teachers);
            double[][][] plain = mode == DistillationMode.STACKING ? new double[teachers][][] : null;
            for (int t = 0; t < teachers; t++) {
                Classifier teacher = ensemble.members().get(t);
                NDArray x = renormalise(input, teacher.normalization(), batch);
                NDList out = teacher.network().forward(new ParameterStore(batch, false), new NDList(x), false);
                NDArray logits = Losses.meanOfHeads(out).stopGradient();
                soft.add(logits.div(temperature).softmax(1));
                if (plain != null) {
                    int classes = (int) logits.getShape().get(1);
                    plain[t] = BatchInference.softmax(logits.toFloatArray(), classes, 1.0);
                }
            }
            switch (mode) {
                case MEAN_TEACHER: {
                    NDArray sum = soft.get(0);
                    for (int t = 1; t < teachers; t++) {
                        sum = sum.add(soft.get(t));
                    }
                    return new NDList(sum.div(teachers));
                }
                case STACKING: {
                    double[][] p = soften(ensemble.stacking().predictProba(plain), temperature);
                    return new NDList(batch.create(flatten(p), new Shape(p.length, p[0].length)));
                }
                default:
                    return soft;
            }
        }

        private NDArray renormalise(NDArray x, Normalization teacher, NDManager batch) {
            if (Arrays.equals(teacher.mean(), student.mean()) && Arrays.equals(teacher.std(), student.std())) {
                return x;
            }
            int c = student.mean().length;
            float[] scale = new float[c];
            float[] shift = new float[c];
            for (int k = 0; k < c; k++) {
                scale[k] = student.std()[k] / teacher.std()[k];
                shift[k] = (student.mean()[k] - teacher.mean()[k]) / teacher.std()[k];
            }
            return x.mul(batch.create(scale, new Shape(1, c, 1, 1))).add(batch.create(shift, new Shape(1, c, 1, 1)));
        }

        @Override
        public void close() {
            ensemble.close();
        }
    }
}
