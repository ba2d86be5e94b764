package tessera.inspect;

import tessera.imaging.ImageLoader;
import tessera.imaging.LoadedImage;
import tessera.train.CancellationToken;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Scores inspections against ground-truth masks: for the student's map, the fused ensemble's and
 * each teacher's, pixel IoU and F1 of the thresholded map, tile ROC-AUC and average precision, and
 * finding precision and recall, accumulated over a folder of images.
 */
public final class InspectionEvaluation {

    /** An image and its mask. */
    public record Sample(Path image, Path mask) {
    }

    /** The scores, in table order: student, ensemble, then each teacher. */
    public record Result(List<MapScore> maps, int images, long studentMillis, long ensembleMillis,
                         String method, double studentThreshold, double ensembleThreshold, List<String> failures) {
    }

    private static final String[] IMAGE_EXTENSIONS = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"};
    private static final String[] MASK_SUFFIXES = {"", ".mask", "_mask", "-mask"};

    private InspectionEvaluation() {
    }

    /** Pairs each image of a folder with the mask of the same base name (optionally suffixed mask). */
    public static List<Sample> samples(Path images, Path masks) throws IOException {
        if (!Files.isDirectory(images)) {
            throw new TesseraException(images + ": no such image folder");
        }
        if (!Files.isDirectory(masks)) {
            throw new TesseraException(masks + ": no such mask folder");
        }
        List<Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.list(images)) {
            for (Path image : files.sorted().toList()) {
                String name = image.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!Files.isRegularFile(image) || Stream.of(IMAGE_EXTENSIONS).noneMatch(name::endsWith)) {
                    continue;
                }
                String base = InspectionWriter.baseName(image);
                Path mask = null;
                for (String suffix : MASK_SUFFIXES) {
                    Path candidate = masks.resolve(base + suffix + ".png");
                    if (Files.isRegularFile(candidate) && !candidate.equals(image)) {
                        mask = candidate;
                        break;
                    }
                }
                if (mask == null) {
                    throw new TesseraException(image + ": no mask " + base + ".png in " + masks);
                }
                samples.add(new Sample(image, mask));
            }
        }
        if (samples.isEmpty()) {
            throw new TesseraException(images + ": no images (PNG, JPEG, TIFF, BMP)");
        }
        return samples;
    }

    public static Result evaluate(Inspector inspector, List<Sample> samples, long minRegionPixels, double tilePositive,
                                  CancellationToken cancel, Consumer<String> log) {
        List<MapScore> maps = null;
        long studentMillis = 0;
        long ensembleMillis = 0;
        String method = null;
        double studentThreshold = Double.NaN;
        double ensembleThreshold = Double.NaN;
        int done = 0;
        List<String> failures = new ArrayList<>();
        for (Sample s : samples) {
            if (cancel != null && cancel.isCancelled()) {
                break;
            }
            try {
                LoadedImage image = ImageLoader.load(s.image(), inspector.settings().maxPixels());
                InspectionResult r = inspector.inspect(image, cancel, null);
                GroundTruth truth = GroundTruth.read(s.mask(), image.width(), image.height());
                if (maps == null) {
                    maps = new ArrayList<>();
                    maps.add(new MapScore("student"));
                    maps.add(new MapScore("ensemble (" + r.fusionMethod() + ")"));
                    for (int t = 0; t < r.teacherCount(); t++) {
                        maps.add(new MapScore("teacher " + (t + 1)));
                    }
                }
                maps.get(0).add(r.grid(), r.student(), r.studentThreshold(), truth, minRegionPixels, tilePositive);
                maps.get(1).add(r.grid(), r.ensemble(), r.ensembleThreshold(), truth, minRegionPixels, tilePositive);
                for (int t = 0; t < r.teacherCount(); t++) {
                    maps.get(2 + t).add(r.grid(), r.teachers()[t], r.ensembleThreshold(), truth, minRegionPixels, tilePositive);
                }
                studentMillis += r.studentMillis();
                ensembleMillis += r.ensembleMillis();
                method = r.method().id();
                studentThreshold = r.studentThreshold();
                ensembleThreshold = r.ensembleThreshold();
                done++;
                if (log != null) {
                    log.accept(String.format(Locale.ROOT, "%s: student %d ms, ensemble %d ms", s.image().getFileName(),
                            r.studentMillis(), r.ensembleMillis()));
                }
            } catch (java.util.concurrent.CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                String message = e instanceof TesseraException ? e.getMessage() : s.image() + ": " + e;
                failures.add(message);
                if (log != null) {
                    log.accept("failed: " + message);
                }
            }
        }
        if (maps == null) {
            throw new TesseraException("no image could be evaluated" + (failures.isEmpty() ? "" : ": " + failures.get(0)));
        }
        return new Result(maps, done, studentMillis, ensembleMillis, method, studentThreshold, ensembleThreshold,
                List.copyOf(failures));
    }
}
