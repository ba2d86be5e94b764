package tessera.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import tessera.util.AtomicFiles;
import tessera.util.Hashing;
import tessera.util.Json;
import tessera.util.TesseraException;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model bundle folder: {@code model.json} and {@code model.params} (DJL parameters). Loading checks
 * the parameters' SHA-256 and every parameter's shape, and refuses a mismatch in one line.
 */
public final class ModelBundle {

    public static final String INFO_FILE = "model.json";
    public static final String PARAMS_FILE = "model.params";

    private ModelBundle() {
    }

    public static boolean isBundle(Path dir) {
        return Files.isRegularFile(dir.resolve(INFO_FILE));
    }

    /**
     * Writes the parameters, then the description with their hash, each file whole or not at all. A new
     * bundle is written into a hidden sibling folder renamed into place, so a crash leaves no half bundle.
     */
    public static void save(Path dir, ModelInfo info, Block network) throws IOException {
        if (Files.exists(dir)) {
            writeInto(dir, info, network);
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        // Not createTempDirectory: its owner-only permissions would stay on the bundle after the rename.
        Path tmp = Files.createDirectory(parent.resolve("." + dir.getFileName() + "."
                + Long.toHexString(System.nanoTime()) + ".tmp"));
        try {
            writeInto(tmp, info, network);
            Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(tmp)) {
                Files.deleteIfExists(tmp.resolve(PARAMS_FILE));
                Files.deleteIfExists(tmp.resolve(INFO_FILE));
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void writeInto(Path dir, ModelInfo info, Block network) throws IOException {
        Path params = dir.resolve(PARAMS_FILE);
        writeParameters(params, network);
        info.paramsSha256 = Hashing.sha256(params);
        NetworkCost cost = NetworkCost.of(network, batchOfOne(info.inputShape));
        info.parameterCount = cost.parameters();
        info.macsPerSample = cost.macs();
        if (info.createdAt == null) {
            info.createdAt = Instant.now().toString();
        }
        Json.write(dir.resolve(INFO_FILE), info);
    }

    public static void writeParameters(Path file, Block network) throws IOException {
        AtomicFiles.write(file, out -> {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
            network.saveParameters(data);
            data.flush();
        });
    }

    public static ModelInfo readInfo(Path dir) throws IOException {
        Path file = dir.resolve(INFO_FILE);
        if (!Files.isRegularFile(file)) {
            throw new TesseraException(dir + ": not a model bundle (no " + INFO_FILE + ")");
        }
        ModelInfo info = Json.read(file, ModelInfo.class);
        if (info.architecture == null || info.inputShape == null || info.classNames == null
                || info.normalizationMean == null || info.normalizationStd == null) {
            throw new TesseraException(file + ": incomplete model description (architecture, inputShape, "
                    + "classNames and normalization are required)");
        }
        return info;
    }

    /**
     * Checks a bundle without loading it: a complete description of a known network, and parameters
     * whose SHA-256 is the recorded one. Cheap enough to run on every bundle before long work starts.
     */
    public static ModelInfo verify(Path dir) throws IOException {
        ModelInfo info = readInfo(dir);
        Path params = dir.resolve(PARAMS_FILE);
        if (!Files.isRegularFile(params)) {
            throw new TesseraException(dir + ": model bundle lacks " + PARAMS_FILE);
        }
        if (info.paramsSha256 == null || info.paramsSha256.isBlank()) {
            throw new TesseraException(dir.resolve(INFO_FILE) + ": records no SHA-256 of " + PARAMS_FILE
                    + ", so nothing vouches for the parameters");
        }
        String actual = Hashing.sha256(params);
        if (!info.paramsSha256.equalsIgnoreCase(actual)) {
            throw new TesseraException(params + ": SHA-256 " + actual.substring(0, 12)
                    + "… does not match model.json (" + info.paramsSha256.substring(0, Math.min(12, info.paramsSha256.length()))
                    + "…): the parameters were changed or damaged");
        }
        try {
            info.networkSpec();
        } catch (TesseraException | IllegalArgumentException e) {
            throw new TesseraException(dir.resolve(INFO_FILE) + ": " + e.getMessage(), e);
        }
        return info;
    }

    /** Loads a bundle onto a device; the caller closes the returned classifier. */
    public static Classifier load(Path dir, Device device) throws IOException {
        ModelInfo info = verify(dir);
        Path params = dir.resolve(PARAMS_FILE);
        Model model = Model.newInstance(info.name == null ? "tessera" : info.name, device);
        try {
            Block network = Architectures.network(info.networkSpec());
            model.setBlock(network);
            network.initialize(model.getNDManager(), DataType.FLOAT32, batchOfOne(info.inputShape));
            Map<String, Shape> expected = shapes(network);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(params))) {
                network.loadParameters(model.getNDManager(), new DataInputStream(in));
            } catch (MalformedModelException | IOException | RuntimeException e) {
                throw new TesseraException(params + ": does not fit " + info.architecture + " with "
                        + info.classNames.size() + " classes and " + info.heads + " head(s) (" + e.getMessage() + ")", e);
            }
            checkShapes(params, expected, shapes(network));
            return new Classifier(model, network, info);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    static Shape batchOfOne(int[] inputShape) {
        return new Shape(1, inputShape[0], inputShape[1], inputShape[2]);
    }

    private static Map<String, Shape> shapes(Block network) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            shapes.put(p.getKey(), p.getValue().getArray().getShape());
        }
        return shapes;
    }

    private static void checkShapes(Path file, Map<String, Shape> expected, Map<String, Shape> loaded) {
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            Shape got = loaded.get(e.getKey());
            if (!e.getValue().equals(got)) {
                throw new TesseraException(file + ": parameter " + e.getKey() + " has shape " + got
                        + " but the architecture expects " + e.getValue());
            }
        }
    }

    /** For reading a bundle's parameter file while it may be absent (e.g. a listing). */
    public static boolean hasParameters(Path dir) {
        return Files.isRegularFile(dir.resolve(PARAMS_FILE));
    }
}
