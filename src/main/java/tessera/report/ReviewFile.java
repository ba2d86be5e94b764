package tessera.report;

import com.google.gson.JsonParseException;
import tessera.inspect.Finding;
import tessera.util.AtomicFiles;
import tessera.util.Json;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The review decisions of one image, kept in {@code <stem>.review.json} in the image's results folder
 * ({@code <workspace>/inspections/<stem>-<first 12 hex of SHA-256>/}), so reopening the same image
 * (same bytes) brings them back.
 */
public final class ReviewFile {

    public static final String SUFFIX = ".review.json";

    /** What the file holds. */
    public static final class Content {
        public int formatVersion = 1;
        public String imageFile;
        public String imageSha256;
        public String savedAt;
        public List<FindingReview> findings = new ArrayList<>();
    }

    /** Boxes overlapping at least this much (IoU) are taken for the same finding. */
    static final double SAME_FINDING = 0.3;

    private ReviewFile() {
    }

    /** The results folder of an image (by its name and SHA-256) in a workspace. */
    public static Path resultsDir(Path workspace, Path image, String sha256) {
        return workspace.resolve("inspections").resolve(stem(image) + "-" + sha256.substring(0, Math.min(12, sha256.length())));
    }

    public static Path file(Path resultsDir, Path image) {
        return resultsDir.resolve(stem(image) + SUFFIX);
    }

    /** The file name without its extension: "panel-7" for panel-7.tif. */
    public static String stem(Path image) {
        String name = image.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
    }

    /** Writes the decisions whole (temporary file, then an atomic rename). */
    public static Path save(Path resultsDir, Path image, String sha256, List<FindingReview> reviews) throws IOException {
        Content c = new Content();
        c.imageFile = image.getFileName().toString();
        c.imageSha256 = sha256;
        c.savedAt = Instant.now().toString();
        c.findings = new ArrayList<>(reviews);
        Path file = file(resultsDir, image);
        Files.createDirectories(resultsDir);
        AtomicFiles.writeString(file, Json.toJson(c));
        return file;
    }

    /** The saved reviews of this image, or an empty list when it was never reviewed. */
    public static List<FindingReview> load(Path resultsDir, Path image, String sha256) {
        Path file = file(resultsDir, image);
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        Content c;
        try {
            c = Json.read(file, Content.class);
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            throw new TesseraException(file + ": cannot read the saved review (" + e.getMessage() + ")", e);
        }
        if (c == null || c.findings == null) {
            throw new TesseraException(file + ": not a review file (no findings)");
        }
        if (sha256 != null && !sha256.equalsIgnoreCase(c.imageSha256)) {
            throw new TesseraException(file + ": belongs to another image (SHA-256 " + c.imageSha256 + ")");
        }
        return List.copyOf(c.findings);
    }

    /**
     * The reviews for the model's current findings: a saved review whose box overlaps a finding
     * carries its decision, note and adjusted box over; added findings are kept as they were.
     */
    public static List<FindingReview> merge(List<Finding> findings, List<FindingReview> saved) {
        List<FindingReview> out = new ArrayList<>();
        List<FindingReview> unused = new ArrayList<>(saved.stream().filter(r -> !r.added()).toList());
        for (Finding f : findings) {
            FindingReview fresh = FindingReview.of(f);
            FindingReview best = null;
            double bestOverlap = SAME_FINDING;
            for (FindingReview r : unused) {
                double o = r.overlap(f.x(), f.y(), f.width(), f.height());
                if (o >= bestOverlap) {
                    best = r;
                    bestOverlap = o;
                }
            }
            if (best != null) {
                unused.remove(best);
                fresh = fresh.withDecision(best.decision()).withNote(best.note());
                if (best.adjusted()) {
                    fresh = fresh.withBox(best.x(), best.y(), best.width(), best.height());
                }
            }
            out.add(fresh);
        }
        int next = out.stream().mapToInt(FindingReview::id).max().orElse(0);
        for (FindingReview r : saved) {
            if (r.added()) {
                // Renumbered above the model's findings, which may have changed since it was saved.
                next++;
                out.add(new FindingReview(next, r.x(), r.y(), r.width(), r.height(), r.peak(), r.mean(), 0, 0, 0,
                        r.decision(), r.note(), true, false));
            }
        }
        return out;
    }
}
