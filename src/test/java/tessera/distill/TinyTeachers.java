package tessera.distill;

import tessera.ensemble.EnsembleInfo;
import tessera.experiment.Run;
import tessera.experiment.RunStore;
import tessera.model.ModelBundle;
import tessera.train.CancellationToken;
import tessera.train.TrainingJob;
import tessera.train.TrainingListener;
import tessera.train.TrainingResult;
import tessera.train.TrainingSettings;
import tessera.util.Json;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Small real data and a real ensemble for the distillation tests. The images show a bright bar
 * whose row band gives the class; teacher k is trained on the same images with every label
 * rotated by k, so the teachers disagree in a known way (teacher k answers class c + k).
 */
final class TinyTeachers {

    static final List<String> CLASSES = List.of("cat", "dog", "owl");
    static final int TEACHERS = 3;

    private TinyTeachers() {
    }

    /** An IDX data set of {@code side}×{@code side} images, labels rotated by {@code rotation}. */
    static Path dataset(Path dir, int side, List<String> classes, int rotation) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("classes.txt"), String.join("\n", classes) + "\n");
        writeSplit(dir, "train", 40 * classes.size(), side, classes.size(), rotation, 1);
        writeSplit(dir, "t10k", 20 * classes.size(), side, classes.size(), rotation, 2);
        return dir;
    }

    private static void writeSplit(Path dir, String prefix, int count, int side, int classes, int rotation, long seed)
            throws IOException {
        Random random = new Random(seed);
        ByteArrayOutputStream images = new ByteArrayOutputStream();
        DataOutputStream img = new DataOutputStream(images);
        img.writeInt(0x803);
        img.writeInt(count);
        img.writeInt(side);
        img.writeInt(side);
        ByteArrayOutputStream labels = new ByteArrayOutputStream();
        DataOutputStream lab = new DataOutputStream(labels);
        lab.writeInt(0x801);
        lab.writeInt(count);
        int band = side / classes;
        for (int i = 0; i < count; i++) {
            int c = i % classes;
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    boolean bar = y / band == c;
                    img.writeByte((bar ? 180 : 0) + random.nextInt(60));
                }
            }
            lab.writeByte((c + rotation) % classes);
        }
        Files.write(dir.resolve(prefix + "-images-idx3-ubyte"), images.toByteArray());
        Files.write(dir.resolve(prefix + "-labels-idx1-ubyte"), labels.toByteArray());
    }

    /** Quick settings: a narrow cnn-small, a few epochs of Adam at a high rate. */
    static TrainingSettings settings(Path data, int epochs, long seed) {
        TrainingSettings s = new TrainingSettings();
        s.dataset = data.toString();
        s.architecture = "cnn-small";
        s.architectureParams.put("width", 4);
        s.epochs = epochs;
        s.batchSize = 16;
        s.learningRate = 0.01;
        s.validationFraction = 0.1;
        s.seed = seed;
        s.device = "cpu";
        return s;
    }

    /** Trains teacher k on labels rotated by k, and writes an ensemble folder of them. */
    static Path ensemble(Path root, RunStore store) throws IOException {
        Path folder = root.resolve("teachers");
        EnsembleInfo info = new EnsembleInfo();
        info.name = "teachers";
        for (int k = 0; k < TEACHERS; k++) {
            Path data = dataset(root.resolve("data-rotated-" + k), 9, CLASSES, k);
            TrainingSettings s = settings(data, 5, 100 + k);
            Run run = TrainingJob.create(store, "teacher", s);
            TrainingResult r = TrainingJob.run(run, s, TrainingJob.LABELS, TrainingListener.NONE, new CancellationToken());
            Path member = folder.resolve("member-" + (k + 1));
            Files.createDirectories(member);
            for (String f : List.of(ModelBundle.INFO_FILE, ModelBundle.PARAMS_FILE)) {
                Files.copy(r.bundle().resolve(f), member.resolve(f), StandardCopyOption.REPLACE_EXISTING);
            }
            info.members.add("member-" + (k + 1));
            info.memberRuns.add(run.id());
        }
        info.classNames = new ArrayList<>(CLASSES);
        info.inputShape = new int[] {1, 9, 9};
        Json.write(folder.resolve(EnsembleInfo.FILE), info);
        return folder;
    }
}
