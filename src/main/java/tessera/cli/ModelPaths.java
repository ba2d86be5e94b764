package tessera.cli;

import tessera.experiment.RunStore;
import tessera.model.ModelBundle;
import tessera.util.TesseraException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Resolves what the user names as a model: a bundle folder, a run folder, or a run id in the store. */
final class ModelPaths {

    private ModelPaths() {
    }

    static Path bundle(String name, Path workspace) {
        Path path = Path.of(name);
        if (ModelBundle.isBundle(path)) {
            return path;
        }
        if (ModelBundle.isBundle(path.resolve("model"))) {
            return path.resolve("model");
        }
        if (Files.exists(path)) {
            throw new TesseraException(path + ": not a model bundle (no model.json)");
        }
        if (name.contains("/") || name.contains(java.io.File.separator)) {
            throw new TesseraException(path + ": no such model bundle or run folder");
        }
        Path fromRun = new RunStore(workspace).open(name).bundleDir();
        if (!ModelBundle.isBundle(fromRun)) {
            throw new TesseraException("run " + name + " has no finished model bundle (" + fromRun + ")");
        }
        return fromRun;
    }
}
