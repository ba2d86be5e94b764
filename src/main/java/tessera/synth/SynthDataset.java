package tessera.synth;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import tessera.util.AtomicFiles;
import tessera.util.Json;
import tessera.util.TesseraException;

/**
 * Writes a synthetic fuselage data set:
 * <pre>
 * DIR/images/NAME.png        the photographs (NAME.jpg with a JPEG quality)
 * DIR/masks/NAME.png         8-bit grey, value = severity 0..3 (0 = clean)
 * DIR/regions/NAME.json      the corroded regions: kind, severity, bounding box, pixel area
 * DIR/tiles/{train,test}/{clean,corrosion}/NAME-xX-yY.png   the tile data set
 * DIR/synth.json             the settings, the split and the tile counts
 * </pre>
 * Test tiles come from whole pictures held out, never from pictures whose tiles are trained on.
 */
public final class SynthDataset {

    /** What a run wrote: pictures per split and tiles per split and class. */
    public record Summary(List<String> train, List<String> test, Map<String, Map<String, Integer>> tiles, long regions) {
    }

    private static final List<String> OUTPUTS = List.of("images", "masks", "regions", "tiles", "synth.json");

    private SynthDataset() {
    }

    /** One picture's contribution, reported in picture order whatever thread made it. */
    private record Written(String name, String split, int regions, Map<String, Integer> tiles, String line) {
    }

    /**
     * Generates and writes every picture, {@code threads} at a time (0: one per core; the files
     * do not depend on it). {@code jpegQuality} null writes PNG; otherwise JPEG of that quality
     * (1-100). An existing data set in {@code dir} is replaced only when {@code overwrite}.
     */
    public static Summary write(Path dir, SynthSettings settings, Integer jpegQuality, boolean overwrite, int threads,
                                Consumer<String> progress) throws IOException {
        if (jpegQuality != null && (jpegQuality < 1 || jpegQuality > 100)) {
            throw new IllegalArgumentException("--jpeg-quality must lie in 1..100, not " + jpegQuality);
        }
        prepare(dir, overwrite);
        FuselageGenerator generator = new FuselageGenerator(settings.width(), settings.height(), settings.seed(),
                settings.corrosionRate());
        int workers = Math.max(1, Math.min(settings.images(),
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "tessera-synth");
            t.setDaemon(true);
            return t;
        });
        List<String> train = new ArrayList<>();
        List<String> test = new ArrayList<>();
        Map<String, Map<String, Integer>> tiles = new TreeMap<>();
        long regions = 0;
        try {
            // At most a few pictures in flight, each about 20 bytes per pixel while painted.
            int window = 2 * workers;
            List<Future<Written>> pending = new ArrayList<>();
            int next = 0;
            for (int index = 0; index < settings.images(); index++) {
                while (next < settings.images() && next < index + window) {
                    int k = next++;
                    pending.add(pool.submit(() -> writeOne(dir, generator, settings, k, jpegQuality)));
                }
                Written w = await(pending.get(index));
                pending.set(index, null);
                (w.split().equals("test") ? test : train).add(w.name());
                regions += w.regions();
                Map<String, Integer> counts = tiles.computeIfAbsent(w.split(), s -> new TreeMap<>());
                w.tiles().forEach((label, n) -> counts.merge(label, n, Integer::sum));
                progress.accept(w.line());
            }
        } finally {
            pool.shutdownNow();
        }
        Summary summary = new Summary(train, test, tiles, regions);
        Json.write(dir.resolve("synth.json"), manifest(settings, jpegQuality, summary));
        return summary;
    }

    /** As {@link #write(Path, SynthSettings, Integer, boolean, int, Consumer)} with one thread per core. */
    public static Summary write(Path dir, SynthSettings settings, Integer jpegQuality, boolean overwrite,
                                Consumer<String> progress) throws IOException {
        return write(dir, settings, jpegQuality, overwrite, 0, progress);
    }

    private static Written writeOne(Path dir, FuselageGenerator generator, SynthSettings settings, int index,
                                    Integer jpegQuality) throws IOException {
        long start = System.nanoTime();
        SynthImage picture = generator.generate(index);
        String split = settings.split(index);
        writePicture(dir, picture, split, settings, index, jpegQuality);
        // Tile choice has its own stream, so changing the balance never changes the pictures.
        SplittableRandom tileRandom = new SplittableRandom(FuselageGenerator.mix(settings.seed() ^ 0x7115L, index));
        List<TileCutter.Tile> cut = TileCutter.cut(picture, settings, tileRandom);
        Map<String, Integer> counts = new TreeMap<>();
        for (TileCutter.Tile tile : cut) {
            Path file = dir.resolve("tiles").resolve(split).resolve(tile.label())
                    .resolve(String.format(Locale.ROOT, "%s-x%04d-y%04d.png", picture.name(), tile.x(), tile.y()));
            AtomicFiles.write(file, png(tile.image()));
            counts.merge(tile.label(), 1, Integer::sum);
        }
        long corrosionTiles = cut.stream().filter(t -> !t.label().equals(TileCutter.CLEAN)).count();
        String line = String.format(Locale.ROOT, "%s (%s, %s): %d regions, %d corrosion and %d clean tiles, %.1f s",
                picture.name(), split, picture.surface(), picture.regions().size(), corrosionTiles,
                cut.size() - corrosionTiles, (System.nanoTime() - start) / 1e9);
        return new Written(picture.name(), split, picture.regions().size(), counts, line);
    }

    private static Written await(Future<Written> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while generating pictures");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    /** Writes a picture, its mask and its regions (also used for the shipped sample pictures). */
    public static void writePicture(Path dir, SynthImage picture, String split, SynthSettings settings, int index,
                                    Integer jpegQuality) throws IOException {
        String imageFile = picture.name() + (jpegQuality == null ? ".png" : ".jpg");
        byte[] encoded = jpegQuality == null ? png(picture.image()) : jpeg(picture.image(), jpegQuality);
        AtomicFiles.write(dir.resolve("images").resolve(imageFile), encoded);
        AtomicFiles.write(dir.resolve("masks").resolve(picture.name() + ".png"), png(maskImage(picture)));
        Map<String, Object> regions = new LinkedHashMap<>();
        regions.put("image", "images/" + imageFile);
        regions.put("mask", "masks/" + picture.name() + ".png");
        regions.put("width", picture.width());
        regions.put("height", picture.height());
        regions.put("split", split);
        regions.put("surface", picture.surface());
        regions.put("seed", settings.seed());
        regions.put("index", index);
        regions.put("corrodedPixels", picture.regions().stream().mapToLong(CorrosionRegion::pixelArea).sum());
        regions.put("regions", picture.regions());
        Json.write(dir.resolve("regions").resolve(picture.name() + ".json"), regions);
    }

    /** The mask as an 8-bit grey image whose values are the severities. */
    public static BufferedImage maskImage(SynthImage picture) {
        BufferedImage mask = new BufferedImage(picture.width(), picture.height(), BufferedImage.TYPE_BYTE_GRAY);
        mask.getRaster().setDataElements(0, 0, picture.width(), picture.height(), picture.mask());
        return mask;
    }

    private static Map<String, Object> manifest(SynthSettings settings, Integer jpegQuality, Summary summary) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generator", "tessera synth");
        m.put("formatVersion", 1);
        m.put("settings", settings);
        m.put("imageFormat", jpegQuality == null ? "png" : "jpeg");
        if (jpegQuality != null) {
            m.put("jpegQuality", jpegQuality);
        }
        m.put("maskValues", "0 clean, 1-3 corrosion severity");
        m.put("train", summary.train());
        m.put("test", summary.test());
        m.put("tiles", summary.tiles());
        m.put("regions", summary.regions());
        return m;
    }

    private static void prepare(Path dir, boolean overwrite) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new TesseraException(dir + " is a file: --out needs a folder");
        }
        List<Path> existing = new ArrayList<>();
        for (String name : OUTPUTS) {
            if (Files.exists(dir.resolve(name))) {
                existing.add(dir.resolve(name));
            }
        }
        if (existing.isEmpty()) {
            Files.createDirectories(dir);
            return;
        }
        if (!overwrite) {
            throw new TesseraException(dir + " already holds a synthetic data set (" + existing.get(0).getFileName()
                    + "); pass --overwrite to replace it or choose another --out");
        }
        for (Path path : existing) {
            deleteTree(path);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer for image type " + image.getType());
        }
        return out.toByteArray();
    }

    static byte[] jpeg(BufferedImage image, int quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality / 100f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
