package tessera.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether the workstation's JavaFX could start here: its jars and this OS's native glass library on the
 * class path. Probed by name without starting the toolkit, so {@code doctor} checks a package headless.
 */
public record JavaFxRuntime(Optional<String> version, List<String> missing) {

    private static final List<String> CLASSES = List.of("javafx.application.Platform", "javafx.scene.control.Button",
            "javafx.embed.swing.SwingFXUtils");

    public static JavaFxRuntime probe() {
        return probe(JavaFxRuntime.class.getClassLoader());
    }

    static JavaFxRuntime probe(ClassLoader loader) {
        List<String> missing = new ArrayList<>();
        for (String name : CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add(name);
            }
        }
        // JavaFX unpacks its natives from the root of its per-OS graphics jar (javafx-graphics-<v>-<os>.jar).
        String glass = System.mapLibraryName("glass");
        if (loader.getResource(glass) == null) {
            missing.add(glass);
        }
        return new JavaFxRuntime(version(loader), List.copyOf(missing));
    }

    private static Optional<String> version(ClassLoader loader) {
        try {
            Object v = Class.forName("com.sun.javafx.runtime.VersionInfo", true, loader)
                    .getMethod("getRuntimeVersion").invoke(null);
            return Optional.ofNullable(v).map(Object::toString);
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }

    public boolean complete() {
        return version.isPresent() && missing.isEmpty();
    }

    /** The doctor's line: "21.0.11+3 (controls, swing, libglass.so)" or what is missing. */
    public String describe() {
        if (complete()) {
            return version.get() + " (controls, swing, " + System.mapLibraryName("glass") + ")";
        }
        return "INCOMPLETE, the workstation cannot open: missing " + (version.isEmpty() ? "javafx-base, " : "")
                + String.join(", ", missing);
    }
}
