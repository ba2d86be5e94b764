package tessera.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.internal.NDArrayEx;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import tessera.util.AtomicFiles;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adam and SGD with momentum computed exactly as DJL's own optimizers do (the same fused engine
 * operations), but with their moment estimates open to a checkpoint: DJL keeps them private, so a
 * resumed run would restart its moments from zero and drift away from the uninterrupted run.
 * State is kept per parameter, not per device: one trainer trains on one device, as ModelTrainer does.
 */
public final class ResumableOptimizer extends Optimizer {

    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPSILON = 1e-8f;

    private final boolean adam;
    private final float momentum;
    private final Tracker learningRate;
    /** Moment estimates per parameter id: Adam {mean, variance}, SGD {velocity} or none without momentum. */
    private final Map<String, NDArray[]> states = new ConcurrentHashMap<>();

    private ResumableOptimizer(Builder builder, boolean adam, float momentum, Tracker learningRate) {
        super(builder);
        this.adam = adam;
        this.momentum = momentum;
        this.learningRate = learningRate;
    }

    /** @param beginStep optimisation steps already taken (a resumed run), so bias correction and schedule continue */
    public static ResumableOptimizer adam(Tracker learningRate, float weightDecay, int beginStep) {
        return new ResumableOptimizer(new Builder().optWeightDecays(weightDecay).optBeginNumUpdate(beginStep),
                true, 0, learningRate);
    }

    public static ResumableOptimizer sgd(Tracker learningRate, float momentum, float weightDecay, int beginStep) {
        return new ResumableOptimizer(new Builder().optWeightDecays(weightDecay).optBeginNumUpdate(beginStep),
                false, momentum, learningRate);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = updateCount(parameterId);
        float rate = learningRate.getNewValue(parameterId, t);
        float weightDecay = getWeightDecay();
        NDArrayEx ex = weight.getNDArrayInternal();
        if (adam) {
            NDArray[] s = states.computeIfAbsent(parameterId, id -> new NDArray[] {weight.zerosLike(), weight.zerosLike()});
            double c1 = 1.0 - Math.pow(BETA1, t);
            double c2 = 1.0 - Math.pow(BETA2, t);
            float corrected = (float) (rate * Math.sqrt(c2) / c1);
            ex.adamUpdate(new NDList(weight, grad, s[0], s[1]), new NDList(weight), rate, corrected, weightDecay,
                    rescaleGrad, clipGrad, BETA1, BETA2, EPSILON, true, false);
        } else if (momentum == 0f) {
            ex.sgdUpdate(new NDList(weight, grad), new NDList(weight), rate, weightDecay, rescaleGrad, clipGrad, 0f, true);
        } else {
            NDArray[] s = states.computeIfAbsent(parameterId, id -> new NDArray[] {weight.zerosLike()});
            ex.sgdUpdate(new NDList(weight, grad, s[0]), new NDList(weight), rate, weightDecay, rescaleGrad, clipGrad,
                    momentum, true);
        }
    }

    private int arraysPerParameter() {
        return adam ? 2 : momentum == 0f ? 0 : 1;
    }

    /** Writes the moment estimates in the network's parameter order (ids change between processes, names and order do not). */
    public void save(Path file, Block network) throws IOException {
        NDList all = new NDList();
        for (Parameter p : trained(network)) {
            NDArray[] s = states.get(p.getId());
            if (s == null && arraysPerParameter() > 0) {
                throw new IllegalStateException("no optimizer state for parameter " + p.getName() + " after an epoch");
            }
            for (int k = 0; k < arraysPerParameter(); k++) {
                all.add(s[k]);
            }
        }
        byte[] bytes = all.encode();
        AtomicFiles.write(file, bytes);
    }

    /** Reads what {@link #save} wrote into this optimizer, for the same network rebuilt in a new process. */
    public void load(Path file, Block network, NDManager manager) throws IOException {
        NDList all;
        try {
            all = NDList.decode(manager, Files.readAllBytes(file));
        } catch (RuntimeException e) {
            throw new TesseraException(file + ": unreadable optimizer state (" + e.getMessage() + ")", e);
        }
        List<Parameter> params = trained(network);
        int per = arraysPerParameter();
        if (all.size() != params.size() * per) {
            throw new TesseraException(file + ": holds " + all.size() + " optimizer arrays, the network needs "
                    + params.size() * per);
        }
        for (int i = 0; i < params.size(); i++) {
            NDArray[] s = new NDArray[per];
            for (int k = 0; k < per; k++) {
                s[k] = all.get(i * per + k);
                if (!s[k].getShape().equals(params.get(i).getArray().getShape())) {
                    throw new TesseraException(file + ": optimizer state of " + params.get(i).getName()
                            + " has shape " + s[k].getShape() + ", the parameter " + params.get(i).getArray().getShape());
                }
            }
            if (per > 0) {
                states.put(params.get(i).getId(), s);
            }
        }
    }

    private static List<Parameter> trained(Block network) {
        List<Parameter> list = new ArrayList<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            if (p.getValue().requiresGradient()) {
                list.add(p.getValue());
            }
        }
        return list;
    }

    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
