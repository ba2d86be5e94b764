package tessera.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.data.ImageSet;
import tessera.data.Normalization;
import tessera.util.Json;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** model.json + model.params: a faithful round trip, and refusal of tampered or mismatched bundles. */
class ModelBundleTest {

    private static final List<String> CLASSES = List.of("clean", "pitting", "blistering");
    private static final int[] INPUT = {1, 10, 10};

    @TempDir
    Path dir;

    @Test
    void aSavedBundleLoadsBackWithTheSameDescriptionAndOutputs() throws IOException {
        // given a seeded cnn-small with two heads, saved as a bundle
        ImageSet images = randomImages(5);
        float[][] before;
        Path bundle = dir.resolve("bundle");
        try (Model model = Model.newInstance("original", Device.cpu())) {
            Block network = initialised(model, 2, Map.of("width", 8));
            before = BatchInference.logits(network, model.getNDManager(), images, norm(), 2, 3, 4);
            ModelBundle.save(bundle, info(2, Map.of("width", 8)), network);
        }

        // when it is loaded
        try (Classifier loaded = ModelBundle.load(bundle, Device.cpu())) {
            // then description, hash and cost are recorded, and both heads compute exactly the same logits
            ModelInfo info = loaded.info();
            assertEquals("cnn-small", info.architecture);
            assertEquals(8, info.architectureParams.get("width"));
            assertEquals(CLASSES, info.classNames);
            assertEquals(2, info.heads);
            assertArrayEquals(INPUT, info.inputShape);
            assertEquals(64, info.paramsSha256.length());
            assertTrue(info.parameterCount > 0 && info.macsPerSample > 0);
            float[][] after = loaded.logits(images, 4);
            assertEquals(2, after.length);
            assertArrayEquals(before[0], after[0]);
            assertArrayEquals(before[1], after[1]);
        }
    }

    @Test
    void aBundleWhoseParametersWereChangedIsRefusedByItsHash() throws IOException {
        // given a saved bundle whose model.params then has one byte changed
        Path bundle = savedBundle();
        Path params = bundle.resolve(ModelBundle.PARAMS_FILE);
        byte[] bytes = Files.readAllBytes(params);
        bytes[bytes.length - 3] ^= 0x01;
        Files.write(params, bytes);

        // when it is loaded, then it is refused in one line naming the file and the hash mismatch
        TesseraException e = assertThrows(TesseraException.class, () -> ModelBundle.load(bundle, Device.cpu()));
        assertTrue(e.getMessage().startsWith(params.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aBundleWithoutARecordedHashIsRefused() throws IOException {
        // given a bundle whose model.json had its hash removed (so nothing vouches for the parameters)
        Path bundle = savedBundle();
        JsonObject json = Json.readTree(bundle.resolve(ModelBundle.INFO_FILE)).getAsJsonObject();
        json.remove("paramsSha256");
        Json.write(bundle.resolve(ModelBundle.INFO_FILE), json);

        // when it is loaded, then it is refused
        TesseraException e = assertThrows(TesseraException.class, () -> ModelBundle.load(bundle, Device.cpu()));
        assertTrue(e.getMessage().contains(ModelBundle.INFO_FILE) && e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void aDescriptionWhoseShapesDoNotMatchTheParametersIsRefused() throws IOException {
        // given a bundle whose model.json claims a wider network than its parameters hold
        Path bundle = savedBundle();
        JsonObject json = Json.readTree(bundle.resolve(ModelBundle.INFO_FILE)).getAsJsonObject();
        json.getAsJsonObject("architectureParams").addProperty("width", 16);
        Json.write(bundle.resolve(ModelBundle.INFO_FILE), json);

        // when it is loaded, then it is refused in one line naming model.params and the shape problem
        TesseraException e = assertThrows(TesseraException.class, () -> ModelBundle.load(bundle, Device.cpu()));
        assertTrue(e.getMessage().startsWith(bundle.resolve(ModelBundle.PARAMS_FILE).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("shape"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aDescriptionWithMoreClassesThanTheParametersIsRefused() throws IOException {
        // given a bundle whose model.json lists a fourth class the head was never trained for
        Path bundle = savedBundle();
        JsonObject json = Json.readTree(bundle.resolve(ModelBundle.INFO_FILE)).getAsJsonObject();
        JsonArray names = json.getAsJsonArray("classNames");
        names.add("filiform");
        Json.write(bundle.resolve(ModelBundle.INFO_FILE), json);

        // when it is loaded, then it is refused naming the parameters file and the shape problem
        TesseraException e = assertThrows(TesseraException.class, () -> ModelBundle.load(bundle, Device.cpu()));
        assertTrue(e.getMessage().startsWith(bundle.resolve(ModelBundle.PARAMS_FILE).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("shape"), e.getMessage());
    }

    @Test
    void aDescriptionOfAnUnknownNetworkIsRefusedNamingModelJson() throws IOException {
        // given a bundle whose model.json names an architecture this version does not know
        Path bundle = savedBundle();
        JsonObject json = Json.readTree(bundle.resolve(ModelBundle.INFO_FILE)).getAsJsonObject();
        json.addProperty("architecture", "vit-huge");
        Json.write(bundle.resolve(ModelBundle.INFO_FILE), json);

        // when it is verified (as evaluate does before reading any data), then model.json and the name are in the line
        TesseraException e = assertThrows(TesseraException.class, () -> ModelBundle.verify(bundle));
        assertTrue(e.getMessage().startsWith(bundle.resolve(ModelBundle.INFO_FILE).toString()), e.getMessage());
        assertTrue(e.getMessage().contains("vit-huge"), e.getMessage());
    }

    @Test
    void aFolderWithoutModelJsonIsNotABundle() throws IOException {
        Files.createDirectories(dir.resolve("empty"));
        TesseraException e = assertThrows(TesseraException.class, () -> ModelBundle.load(dir.resolve("empty"), Device.cpu()));
        assertTrue(e.getMessage().contains("not a model bundle"), e.getMessage());
    }

    private Path savedBundle() throws IOException {
        Path bundle = dir.resolve("bundle");
        try (Model model = Model.newInstance("original", Device.cpu())) {
            ModelBundle.save(bundle, info(1, Map.of("width", 8)), initialised(model, 1, Map.of("width", 8)));
        }
        return bundle;
    }

    private static Block initialised(Model model, int heads, Map<String, Integer> params) {
        Engine.getInstance().setRandomSeed(3);
        Block network = Architectures.network(new NetworkSpec("cnn-small", params, INPUT, CLASSES.size(), heads));
        model.setBlock(network);
        network.initialize(model.getNDManager(), DataType.FLOAT32, ModelBundle.batchOfOne(INPUT));
        return network;
    }

    private static ModelInfo info(int heads, Map<String, Integer> params) {
        ModelInfo info = new ModelInfo();
        info.name = "test-model";
        info.architecture = "cnn-small";
        info.architectureParams = params;
        info.inputShape = INPUT;
        info.normalizationMean = norm().mean();
        info.normalizationStd = norm().std();
        info.classNames = CLASSES;
        info.heads = heads;
        return info;
    }

    private static Normalization norm() {
        return new Normalization(new float[] {0.5f}, new float[] {0.25f});
    }

    private static ImageSet randomImages(int n) {
        byte[] pixels = new byte[n * 100];
        new Random(5).nextBytes(pixels);
        return new ImageSet(1, 10, 10, pixels, new int[n], CLASSES);
    }
}
