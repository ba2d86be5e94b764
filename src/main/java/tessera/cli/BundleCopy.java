package tessera.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies a model bundle folder (flat: model.json, model.params) to where the user asked. */
final class BundleCopy {

    private BundleCopy() {
    }

    static void copy(Path bundle, Path target) throws IOException {
        Files.createDirectories(target);
        try (var files = Files.list(bundle)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, target.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
