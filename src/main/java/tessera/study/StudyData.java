package tessera.study;

import tessera.data.Batches;
import tessera.data.DataSplits;
import tessera.data.DatasetLoader;
import tessera.data.DatasetOptions;
import tessera.data.ImageSet;
import tessera.util.AtomicFiles;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The data set a study trains on: the given one, or, with a train or test limit, a seeded draw of
 * it written as IDX files into the study folder, so that every run of the study reads real files
 * and can be repeated or resumed with the ordinary commands.
 */
public final class StudyData {

    static final String FOLDER = "data";
    private static final String CLASSES = "classes.txt";

    private StudyData() {
    }

    /** The path every model of the study is trained on: the data set itself when the limits do not cut it. */
    public static Path prepare(StudyPlan plan, Path studyDir) throws IOException {
        Path source = Path.of(plan.dataset);
        if (plan.trainLimit == 0 && plan.testLimit == 0) {
            return source;
        }
        Path out = studyDir.resolve(FOLDER);
        // classes.txt is written last: its presence means the draw is complete.
        if (Files.isRegularFile(out.resolve(CLASSES))) {
            return out;
        }
        DataSplits data = DatasetLoader.load(source, new DatasetOptions(plan.format, 0, plan.seed, 0));
        ImageSet train = draw(data.train(), plan.trainLimit, plan.seed);
        ImageSet test = draw(data.test(), plan.testLimit, plan.seed + 1);
        if (train == data.train() && test == data.test()) {
            // The limits are above the data set's size: nothing to draw.
            return source;
        }
        if (train.channels() != 1) {
            throw new TesseraException(source + ": --train-limit/--test-limit write an IDX subset, which holds grey images"
                    + " only, but this data set has " + train.channels() + " channels; use the whole data set");
        }
        Files.createDirectories(out);
        writeImages(out.resolve("train-images-idx3-ubyte"), train);
        writeLabels(out.resolve("train-labels-idx1-ubyte"), train);
        writeImages(out.resolve("t10k-images-idx3-ubyte"), test);
        writeLabels(out.resolve("t10k-labels-idx1-ubyte"), test);
        AtomicFiles.writeString(out.resolve(CLASSES), String.join("\n", train.classNames()) + "\n");
        return out;
    }

    /** {@code limit} samples drawn without replacement (kept in their original order); all when 0 or more than there are. */
    static ImageSet draw(ImageSet set, int limit, long seed) {
        if (limit == 0 || limit >= set.size()) {
            return set;
        }
        int[] chosen = Arrays.copyOf(Batches.shuffledOrder(set.size(), seed), limit);
        Arrays.sort(chosen);
        return set.select(chosen);
    }

    private static void writeImages(Path file, ImageSet set) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(16).putInt(0x00000803).putInt(set.size()).putInt(set.height()).putInt(set.width());
        AtomicFiles.write(file, out -> {
            out.write(header.array());
            out.write(set.pixels());
        });
    }

    private static void writeLabels(Path file, ImageSet set) throws IOException {
        byte[] labels = new byte[set.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = (byte) set.label(i);
        }
        ByteBuffer header = ByteBuffer.allocate(8).putInt(0x00000801).putInt(set.size());
        AtomicFiles.write(file, out -> {
            out.write(header.array());
            out.write(labels);
        });
    }
}
