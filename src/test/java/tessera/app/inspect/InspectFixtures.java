package tessera.app.inspect;

import tessera.app.ActiveModels;
import tessera.app.train.EpochPoint;
import tessera.app.train.RunKind;
import tessera.app.train.RunOutcome;
import tessera.app.train.TrainingForm;
import tessera.app.train.TrainingProgress;
import tessera.app.train.TrainingRequest;
import tessera.app.train.TrainingWork;
import tessera.experiment.RunStore;
import tessera.train.CancellationToken;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Real models for the Inspect tests, trained once per build on tiny tiles of painted metal: a
 * 3-teacher ensemble and a simultaneous (one head per teacher) student that tell "corrosion" (rust
 * blotches) from "clean" (grey metal). Kept under target/ so every test class reuses them.
 */
public final class InspectFixtures {

    private static final Path HOME = Path.of("target", "test-fixtures", "inspect-models-v1").toAbsolutePath();
    private static ActiveModels models;

    private InspectFixtures() {
    }

    /** The trained ensemble and student (trained on first use, about ten seconds on two cores). */
    public static synchronized ActiveModels models() {
        if (models != null) {
            return models;
        }
        try {
            Path done = HOME.resolve("done");
            if (!Files.isRegularFile(done)) {
                train();
                Files.writeString(done, "ok");
            }
            models = ActiveModels.NONE.withEnsemble(HOME.resolve("teachers"), null).withStudent(HOME.resolve("student"), null);
            return models;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void train() throws IOException {
        deleteTree(HOME);
        Path data = tiles(HOME.resolve("tiles"), 48);
        RunStore store = new RunStore(HOME.resolve("workspace"));
        TrainingWork work = new TrainingWork(store);
        TrainingForm form = new TrainingForm();
        form.dataset.set(data.toString());
        form.architectures.set("cnn-small");
        form.members.set(3);
        form.subset.set(0.8);
        form.epochs.set(3);
        form.batchSize.set(16);
        form.validation.set(0.0);
        form.device.set("cpu");
        form.ensembleName.set("teachers");
        RunOutcome ensemble = work.execute(new TrainingRequest.NewEnsemble(form.ensembleSettings(HOME.resolve("ensembles"))),
                SILENT, new CancellationToken());
        copyTree(ensemble.model().orElseThrow(), HOME.resolve("teachers"));
        form.kind.set(RunKind.DISTILLATION);
        form.mode.set("simultaneous");
        form.teachers.set(HOME.resolve("teachers").toString());
        RunOutcome student = work.execute(new TrainingRequest.NewDistillation(form.distillationSettings()), SILENT,
                new CancellationToken());
        copyTree(student.model().orElseThrow(), HOME.resolve("student"));
    }

    private static final TrainingProgress SILENT = new TrainingProgress() {
        @Override
        public void run(String runId) {
        }

        @Override
        public void message(String text) {
        }

        @Override
        public void fraction(double done) {
        }

        @Override
        public void epoch(EpochPoint point) {
        }
    };

    /** 16×16 tiles, "clean" grey metal and "corrosion" with a rust blotch, with train/ and test/ splits. */
    static Path tiles(Path dir, int perClass) throws IOException {
        Random random = new Random(11);
        for (String split : new String[] {"train", "test"}) {
            int count = split.equals("train") ? perClass : perClass / 4;
            for (String cls : new String[] {"clean", "corrosion"}) {
                for (int k = 0; k < count; k++) {
                    BufferedImage tile = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
                    paintMetal(tile, random);
                    if (cls.equals("corrosion")) {
                        paintRust(tile, 16 + random.nextInt(32), 16 + random.nextInt(32), 18 + random.nextInt(14), random);
                    }
                    Path file = dir.resolve(split).resolve(cls).resolve(String.format("t%03d.png", k));
                    Files.createDirectories(file.getParent());
                    ImageIO.write(scaled(tile, 16), "png", file.toFile());
                }
            }
        }
        return dir;
    }

    /**
     * A fuselage panel photograph of {@code width × height} with rust blotches at the given centres
     * and radii ({x, y, r} each), written as PNG.
     */
    public static Path panel(Path file, int width, int height, int[][] rust) throws IOException {
        Random random = new Random(5);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        paintMetal(image, random);
        for (int[] r : rust) {
            paintRust(image, r[0], r[1], r[2], random);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    /** The standard test panel: 320×224 with two rust blotches, one large and one small. */
    public static Path panel(Path file) throws IOException {
        return panel(file, 320, 224, new int[][] {{80, 70, 40}, {240, 160, 28}});
    }

    private static void paintMetal(BufferedImage image, Random random) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int v = 150 + (int) (12 * Math.sin((x + y) / 9.0)) + random.nextInt(16);
                image.setRGB(x, y, v << 16 | v << 8 | Math.min(255, v + 8));
            }
        }
    }

    private static void paintRust(BufferedImage image, int cx, int cy, int radius, Random random) {
        for (int y = Math.max(0, cy - radius); y < Math.min(image.getHeight(), cy + radius); y++) {
            for (int x = Math.max(0, cx - radius); x < Math.min(image.getWidth(), cx + radius); x++) {
                int dx = x - cx;
                int dy = y - cy;
                if (dx * dx + dy * dy <= radius * radius) {
                    int r = 140 + random.nextInt(50);
                    int g = 60 + random.nextInt(30);
                    int b = 25 + random.nextInt(20);
                    image.setRGB(x, y, r << 16 | g << 8 | b);
                }
            }
        }
    }

    private static BufferedImage scaled(BufferedImage image, int side) {
        BufferedImage out = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, side, side, null);
        g.dispose();
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
