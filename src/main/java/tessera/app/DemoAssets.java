package tessera.app;

import tessera.util.Assets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The sample photographs and demo models shipped in the assets folder: {@code samples/} holds
 * images, {@code models/} holds ensemble folders (with ensemble.json) and student bundles (with
 * model.json).
 */
public record DemoAssets(Path root, List<Path> samples, Optional<Path> ensemble, Optional<Path> student) {

    public static DemoAssets find() {
        return Assets.root().map(DemoAssets::in).orElse(new DemoAssets(null, List.of(), Optional.empty(), Optional.empty()));
    }

    public static DemoAssets in(Path root) {
        List<Path> samples = ImageFiles.inFolder(root.resolve("samples"));
        Optional<Path> ensemble = firstFolderWith(root.resolve("models"), "ensemble.json");
        Optional<Path> student = firstFolderWith(root.resolve("models"), "model.json");
        return new DemoAssets(root, samples, ensemble, student);
    }

    public boolean isEmpty() {
        return samples.isEmpty() && ensemble.isEmpty() && student.isEmpty();
    }

    private static Optional<Path> firstFolderWith(Path folder, String file) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> Files.isRegularFile(p.resolve(file))).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
