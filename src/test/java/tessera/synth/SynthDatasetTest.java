package tessera.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.data.DataSplits;
import tessera.data.DatasetLoader;
import tessera.data.DatasetOptions;
import tessera.util.Json;
import tessera.util.TesseraException;

class SynthDatasetTest {

    private static final Pattern TILE_NAME = Pattern.compile("(fuselage-\\d{4})-x(\\d{4})-y(\\d{4})\\.png");

    @TempDir
    Path dir;

    /** Four small pictures, one held out, 32-pixel tiles and plenty of corrosion. */
    private static SynthSettings small(boolean severityClasses) {
        return new SynthSettings(4, 77, 384, 288, 32, 0.12, severityClasses, 0.1, 1.5, 0.25);
    }

    @Test
    void writesPicturesMasksRegionsAndTilesInTheDocumentedLayout() throws IOException {
        // when a data set is written
        SynthDataset.Summary summary = SynthDataset.write(dir, small(false), null, false, line -> { });

        // then every picture has its image, mask and regions, and the last one is the test picture
        assertEquals(List.of("fuselage-0000", "fuselage-0001", "fuselage-0002"), summary.train());
        assertEquals(List.of("fuselage-0003"), summary.test());
        for (int i = 0; i < 4; i++) {
            String name = FuselageGenerator.imageName(i);
            BufferedImage image = ImageIO.read(dir.resolve("images/" + name + ".png").toFile());
            BufferedImage mask = ImageIO.read(dir.resolve("masks/" + name + ".png").toFile());
            assertEquals(384, image.getWidth());
            assertEquals(288, image.getHeight());
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, mask.getType());
            JsonObject regions = Json.readTree(dir.resolve("regions/" + name + ".json")).getAsJsonObject();
            assertEquals(i == 3 ? "test" : "train", regions.get("split").getAsString());
            assertEquals("images/" + name + ".png", regions.get("image").getAsString());
            // and the regions describe the mask: their areas add up to its corroded pixels
            long area = 0;
            for (JsonElement r : regions.getAsJsonArray("regions")) {
                JsonObject region = r.getAsJsonObject();
                assertTrue(Set.of("pitting", "filiform", "blistering", "deposit", "exfoliation")
                        .contains(region.get("kind").getAsString()));
                area += region.get("pixelArea").getAsLong();
            }
            long corroded = 0;
            for (byte b : maskBytes(mask)) {
                corroded += b != 0 ? 1 : 0;
            }
            assertEquals(corroded, area, name);
        }
        JsonObject manifest = Json.readTree(dir.resolve("synth.json")).getAsJsonObject();
        assertEquals(77, manifest.getAsJsonObject("settings").get("seed").getAsLong());
        JsonArray test = manifest.getAsJsonArray("test");
        assertEquals("fuselage-0003", test.get(0).getAsString());
        assertTrue(summary.tiles().get("train").get("corrosion") > 0, summary.tiles().toString());
    }

    @Test
    void everyTileIsLabelledFromTheMaskAndTestTilesComeOnlyFromHeldOutPictures() throws IOException {
        SynthSettings settings = small(false);
        SynthDataset.write(dir, settings, null, false, line -> { });

        int corrosion = 0;
        int clean = 0;
        java.util.Map<String, byte[]> masks = new java.util.HashMap<>();
        java.util.Map<String, BufferedImage> images = new java.util.HashMap<>();
        for (Path tile : files(dir.resolve("tiles"))) {
            Path relative = dir.resolve("tiles").relativize(tile);
            String split = relative.getName(0).toString();
            String label = relative.getName(1).toString();
            Matcher m = TILE_NAME.matcher(relative.getFileName().toString());
            assertTrue(m.matches(), relative.toString());
            String picture = m.group(1);
            int x = Integer.parseInt(m.group(2));
            int y = Integer.parseInt(m.group(3));
            // then the tile sits in the split of its picture
            int index = Integer.parseInt(picture.substring("fuselage-".length()));
            assertEquals(settings.split(index), split, relative.toString());
            // and its label is what its pixels in the mask say
            byte[] mask = masks.computeIfAbsent(picture, p -> maskBytes(read(dir.resolve("masks/" + p + ".png"))));
            assertEquals(TileCutter.label(mask, 384, x, y, 32, 0.1, false), label, relative.toString());
            // and its pixels are the picture's pixels there
            BufferedImage tileImage = ImageIO.read(tile.toFile());
            BufferedImage image = images.computeIfAbsent(picture, p -> read(dir.resolve("images/" + p + ".png")));
            assertEquals(32, tileImage.getWidth());
            assertEquals(image.getRGB(x + 7, y + 19), tileImage.getRGB(7, 19));
            if (label.equals("corrosion")) {
                corrosion++;
            } else {
                clean++;
            }
        }
        // and clean tiles do not swamp corrosion tiles: at most the ratio of 1.5 per image floor
        assertTrue(corrosion > 0);
        assertTrue(clean <= 1.5 * Math.max(corrosion, 4 * 6) + 4, clean + " clean vs " + corrosion + " corrosion");
    }

    @Test
    void severityClassesNameTheTileFoldersBySeverity() throws IOException {
        SynthDataset.write(dir, small(true), null, false, line -> { });

        Set<String> classes = new TreeSet<>();
        try (Stream<Path> children = Files.list(dir.resolve("tiles/train"))) {
            children.forEach(p -> classes.add(p.getFileName().toString()));
        }
        assertTrue(classes.contains("clean"));
        assertFalse(classes.contains("corrosion"));
        assertTrue(classes.stream().anyMatch(c -> c.startsWith("severity-")), classes.toString());
    }

    @Test
    void writingTheSameSettingsTwiceGivesIdenticalFilesWhateverTheThreads(@TempDir Path other) throws IOException {
        // given the same settings, written once by one thread and once by three
        SynthSettings settings = new SynthSettings(3, 5, 256, 192, 32, 0.1, false, 0.1, 2.0, 0.34);
        List<String> firstLines = new ArrayList<>();
        List<String> secondLines = new ArrayList<>();
        SynthDataset.write(dir, settings, null, false, 1, firstLines::add);
        SynthDataset.write(other, settings, null, false, 3, secondLines::add);

        // then progress comes in picture order and every file is identical
        assertEquals(3, secondLines.size());
        for (int i = 0; i < 3; i++) {
            assertTrue(secondLines.get(i).startsWith(FuselageGenerator.imageName(i)), secondLines.toString());
        }

        List<Path> first = files(dir);
        List<Path> second = files(other);
        assertEquals(first.stream().map(dir::relativize).toList(), second.stream().map(other::relativize).toList());
        for (Path file : first) {
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(other.resolve(dir.relativize(file))),
                    dir.relativize(file).toString());
        }
    }

    @Test
    void anExistingDataSetIsReplacedOnlyWhenAskedTo() throws IOException {
        SynthSettings settings = new SynthSettings(1, 5, 128, 96, 32, 0.1, false, 0.1, 2.0, 0);
        SynthDataset.write(dir, settings, null, false, line -> { });
        Files.writeString(dir.resolve("notes.txt"), "mine");

        TesseraException e = assertThrows(TesseraException.class,
                () -> SynthDataset.write(dir, settings, null, false, line -> { }));
        assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());

        SynthDataset.write(dir, new SynthSettings(1, 6, 128, 96, 32, 0.1, false, 0.1, 2.0, 0), 90, true, line -> { });
        assertTrue(Files.exists(dir.resolve("images/fuselage-0000.jpg")));
        assertFalse(Files.exists(dir.resolve("images/fuselage-0000.png")), "the old pictures are gone");
        assertEquals("mine", Files.readString(dir.resolve("notes.txt")), "other files are left alone");
    }

    @Test
    void theDatasetLoaderReadsTheTilesAsASynthDataSet() throws IOException {
        SynthDataset.write(dir, small(false), null, false, line -> { });

        DataSplits splits = DatasetLoader.load(dir, new DatasetOptions(null, 0.1, 1, 0));

        assertEquals("synth", splits.format());
        assertEquals(List.of("clean", "corrosion"), splits.train().classNames());
        assertEquals(32, splits.train().height());
        assertEquals(3, splits.train().channels());
        assertTrue(splits.test().size() > 0);
    }

    private static BufferedImage read(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] maskBytes(BufferedImage mask) {
        return ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> files = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
            return files;
        }
    }
}
