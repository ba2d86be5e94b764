package tessera.util;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the shipped assets (sample images, demo models) wherever Tessera runs: an installed
 * application image sets {@code tessera.assets}; a source checkout has them beside {@code target/}.
 */
public final class Assets {

    public static final String PROPERTY = "tessera.assets";

    private Assets() {
    }

    /** The assets folder, or empty when none of the known places has one. */
    public static Optional<Path> root() {
        for (Path candidate : candidates()) {
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** A path inside the assets folder; refuses with a clear message when there are no assets. */
    public static Path resolve(String relative) {
        return root().map(r -> r.resolve(relative)).orElseThrow(() -> new TesseraException(
                "the shipped assets folder was not found (looked in " + candidates()
                        + "); set -D" + PROPERTY + "=DIR"));
    }

    private static List<Path> candidates() {
        List<Path> list = new ArrayList<>();
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            list.add(Path.of(configured));
        }
        jarFolder().ifPresent(dir -> {
            list.add(dir.resolve("assets"));
            if (dir.getParent() != null) {
                list.add(dir.getParent().resolve("assets"));
            }
        });
        list.add(Path.of("assets"));
        return list;
    }

    /** The folder of tessera.jar (or of the classes folder when run from an IDE or Maven). */
    private static Optional<Path> jarFolder() {
        try {
            Path code = Path.of(Assets.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Optional.ofNullable(code.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
