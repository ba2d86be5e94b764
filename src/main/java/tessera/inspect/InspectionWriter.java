package tessera.inspect;

import tessera.imaging.ColorMap;
import tessera.imaging.HeatMapImages;
import tessera.imaging.Overlays;
import tessera.util.AtomicFiles;
import tessera.util.Hashing;
import tessera.util.Json;
import tessera.util.Versions;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes everything of formats.md "Inspection outputs" for one image: the student's, the fused
 * ensemble's and each teacher's heat map, the overlay, the vote and disagreement maps (PNG, at a
 * display size whose long side is at most {@code maxSide}), and {@code <name>.json}. Each file is
 * written whole (temporary file, then rename).
 */
public final class InspectionWriter {

    private final ColorMap colorMap;
    private final double opacity;
    private final int maxSide;

    /**
     * @param maxSide the maps' longest side in pixels; 0 writes them at the image's resolution
     */
    public InspectionWriter(ColorMap colorMap, double opacity, int maxSide) {
        this.colorMap = colorMap;
        this.opacity = opacity;
        this.maxSide = maxSide;
    }

    public static InspectionWriter defaults() {
        return new InspectionWriter(ColorMap.VIRIDIS, 0.6, 2048);
    }

    /** The base name of the outputs: the image's file name without its extension. */
    public static String baseName(Path imageFile) {
        String name = imageFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Writes every output of one inspection into {@code outDir}; returns the JSON file. */
    public Path write(InspectionResult r, BufferedImage photo, Double mmPerPixel, Path ensembleDir, Path studentDir,
                      Path outDir) throws IOException {
        Files.createDirectories(outDir);
        String name = baseName(r.imageFile());
        TileGrid grid = r.grid();
        double shrink = maxSide <= 0 ? 1 : Math.min(1, (double) maxSide / Math.max(grid.imageWidth(), grid.imageHeight()));
        int w = Math.max(1, (int) Math.round(grid.imageWidth() * shrink));
        int h = Math.max(1, (int) Math.round(grid.imageHeight() * shrink));

        Map<String, String> files = new LinkedHashMap<>();
        float[] studentPixels = HeatMaps.overlapAverage(grid, r.student()).resampled(w, h);
        png(outDir, name + ".student.png", files, "student",
                HeatMapImages.probability(studentPixels, w, h, r.studentThreshold(), colorMap));
        png(outDir, name + ".ensemble.png", files, "ensemble", HeatMapImages.probability(
                HeatMaps.overlapAverage(grid, r.ensemble()).resampled(w, h), w, h, r.ensembleThreshold(), colorMap));
        for (int t = 0; t < r.teacherCount(); t++) {
            png(outDir, name + ".teacher-" + (t + 1) + ".png", files, "teacher-" + (t + 1), HeatMapImages.probability(
                    HeatMaps.overlapAverage(grid, r.teachers()[t]).resampled(w, h), w, h, r.ensembleThreshold(), colorMap));
        }
        int[] votes = r.votes();
        png(outDir, name + ".votes.png", files, "votes", HeatMapImages.votes(
                HeatMaps.overlapAverage(grid, HeatMaps.asFloats(votes)).resampled(w, h), w, h, r.teacherCount(), colorMap));
        float[] spread = r.disagreement();
        png(outDir, name + ".disagreement.png", files, "disagreement", HeatMapImages.disagreement(
                HeatMaps.overlapAverage(grid, spread).resampled(w, h), w, h, colorMap));
        Findings findings = r.studentFindings(mmPerPixel);
        BufferedImage overlay = Overlays.overlay(Overlays.resized(photo, w, h), studentPixels, findings.labelRaster(w, h),
                r.studentThreshold(), colorMap, opacity);
        png(outDir, name + ".overlay.png", files, "overlay", overlay);

        InspectionReport report = report(r, mmPerPixel, ensembleDir, studentDir, votes, spread, findings);
        report.maps = files;
        report.mapWidth = w;
        report.mapHeight = h;
        report.colorMap = colorMap.id();
        Path json = outDir.resolve(name + ".json");
        Json.write(json, report);
        return json;
    }

    private static void png(Path dir, String file, Map<String, String> files, String key, BufferedImage image) throws IOException {
        AtomicFiles.write(dir.resolve(file), (OutputStream out) -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
        files.put(key, file);
    }

    static InspectionReport report(InspectionResult r, Double mmPerPixel, Path ensembleDir, Path studentDir,
                                   int[] votes, float[] spread, Findings findings) throws IOException {
        InspectionReport rep = new InspectionReport();
        rep.tesseraVersion = Versions.tessera();
        rep.createdAt = Instant.now().toString();
        InspectionReport.ImageInfo img = new InspectionReport.ImageInfo();
        img.file = r.imageFile().toString();
        img.sha256 = Files.isRegularFile(r.imageFile()) ? Hashing.sha256(r.imageFile()) : null;
        img.width = r.grid().imageWidth();
        img.height = r.grid().imageHeight();
        if (r.metadata() != null) {
            img.format = r.metadata().format();
            img.bitsPerSample = r.metadata().bitsPerSample();
            img.camera = r.metadata().camera();
            img.dateTime = r.metadata().dateTime();
            img.latitude = r.metadata().latitude();
            img.longitude = r.metadata().longitude();
        }
        img.mmPerPixel = mmPerPixel;
        rep.image = img;
        InspectionReport.Grid g = new InspectionReport.Grid();
        g.tileSize = r.grid().tileSize();
        g.stride = r.grid().stride();
        g.cols = r.grid().cols();
        g.rows = r.grid().rows();
        g.xs = r.grid().xs();
        g.ys = r.grid().ys();
        g.scale = r.scale();
        g.modelInput = (int) Math.round(r.grid().tileSize() * r.scale());
        rep.grid = g;
        rep.classNames = r.classNames();
        rep.positiveClasses = r.positiveClasses();
        rep.method = r.method().id();
        rep.fusionMethod = r.fusionMethod();
        InspectionReport.Thresholds th = new InspectionReport.Thresholds();
        th.student = r.studentThreshold();
        th.ensemble = r.ensembleThreshold();
        th.source = r.thresholdSource();
        rep.thresholds = th;
        InspectionReport.Models models = new InspectionReport.Models();
        InspectionReport.Model student = new InspectionReport.Model();
        student.name = r.studentName();
        student.sha256 = r.studentSha256();
        student.heads = r.studentHeads().length;
        student.headFusion = r.headFusion();
        models.student = student;
        List<InspectionReport.Model> teachers = new ArrayList<>();
        for (int t = 0; t < r.teacherCount(); t++) {
            InspectionReport.Model m = new InspectionReport.Model();
            m.name = r.teacherNames().get(t);
            m.sha256 = r.teacherSha256().get(t);
            teachers.add(m);
        }
        models.teachers = teachers;
        models.ensembleFolder = ensembleDir == null ? null : ensembleDir.toString();
        models.studentFolder = studentDir == null ? null : studentDir.toString();
        rep.models = models;
        InspectionReport.Tiles tiles = new InspectionReport.Tiles();
        tiles.student = rounded(r.student());
        tiles.ensemble = rounded(r.ensemble());
        tiles.votes = votes;
        tiles.disagreement = rounded(spread);
        tiles.teachers = new float[r.teacherCount()][];
        for (int t = 0; t < r.teacherCount(); t++) {
            tiles.teachers[t] = rounded(r.teachers()[t]);
        }
        tiles.studentHeads = new float[r.studentHeads().length][];
        for (int k = 0; k < r.studentHeads().length; k++) {
            tiles.studentHeads[k] = rounded(r.studentHeads()[k]);
        }
        rep.tiles = tiles;
        rep.findings = findings.list();
        rep.ensembleFindings = r.ensembleFindings(mmPerPixel).list();
        InspectionReport.Timings tm = new InspectionReport.Timings();
        tm.ensembleMillis = r.ensembleMillis();
        tm.studentMillis = r.studentMillis();
        tm.prepareMillis = r.prepareMillis();
        tm.tiles = r.tiles();
        tm.ratio = Math.round(r.speedup() * 100) / 100.0;
        rep.timings = tm;
        return rep;
    }

    /** Four decimals are plenty for a probability and keep the JSON of a large image small. */
    private static float[] rounded(float[] v) {
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.round(v[i] * 10000f) / 10000f;
        }
        return out;
    }
}
