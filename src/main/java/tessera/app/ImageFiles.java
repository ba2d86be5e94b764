package tessera.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Which files the workstation opens as photographs. */
public final class ImageFiles {

    public static final List<String> EXTENSIONS = List.of("png", "jpg", "jpeg", "tif", "tiff");
    private static final Set<String> KNOWN = Set.copyOf(EXTENSIONS);

    private ImageFiles() {
    }

    public static boolean isImage(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot > 0 && KNOWN.contains(name.substring(dot + 1)) && Files.isRegularFile(file);
    }

    /** The images directly inside a folder, sorted by name; none when the folder does not exist. */
    public static List<Path> inFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(ImageFiles::isImage).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot list the folder", e);
        }
    }
}
