package tessera.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The sample photographs the workstation opens on first start, and their ground truth. */
class ShippedSamplesTest {

    private static final Path SAMPLES = Path.of("assets/samples");

    @Test
    void everySampleHasAMaskOfItsSizeWithSeveritiesAndSomeCorrosion() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            samples = files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        assertTrue(samples.size() >= 3, samples.toString());
        boolean large = false;
        for (Path sample : samples) {
            String stem = sample.getFileName().toString().replaceFirst("\\.jpg$", "");
            ImageMetadata header = ImageLoader.readHeader(sample);
            LoadedImage mask = ImageLoader.load(SAMPLES.resolve("masks").resolve(stem + ".png"));

            assertEquals(header.width(), mask.width(), stem);
            assertEquals(header.height(), mask.height(), stem);
            int corroded = 0;
            for (int y = 0; y < mask.height(); y += 2) {
                for (int x = 0; x < mask.width(); x += 2) {
                    int value = mask.image().getRGB(x, y) & 0xFF;
                    assertTrue(value <= 3, stem + " mask value " + value);
                    corroded += value > 0 ? 1 : 0;
                }
            }
            assertTrue(corroded > 0, stem + " shows no corrosion");
            large |= header.width() >= 4000 && header.height() >= 3000;
        }
        assertTrue(large, "one sample is a large 12-megapixel photograph");
    }

    @Test
    void aSampleLoadsAsAnRgbPhotograph() {
        LoadedImage loaded = ImageLoader.load(SAMPLES.resolve("fuselage-01-painted.jpg"));

        assertEquals(2048, loaded.width());
        assertEquals(1536, loaded.height());
        assertEquals("jpeg", loaded.metadata().format());
    }
}
