package tessera.util;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The per-user folders of an installed workstation. Native libraries (libtorch, about 430 MB
 * unpacked) belong in the user's application-data folder, not in the home folder itself nor in the
 * read-only installation.
 */
public final class AppDirs {

    public static final String APP = "Tessera";

    private AppDirs() {
    }

    /**
     * Linux: {@code $XDG_DATA_HOME/Tessera} (default {@code ~/.local/share/Tessera}); Windows:
     * {@code %LOCALAPPDATA%\Tessera}; macOS: {@code ~/Library/Application Support/Tessera}.
     */
    public static Path dataDir() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return (local == null || local.isBlank() ? home.resolve("AppData").resolve("Local") : Path.of(local)).resolve(APP);
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve(APP);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg)).resolve(APP);
    }

    /** Where DJL unpacks libtorch and its JNI library on first start. */
    public static Path engineCache() {
        return dataDir().resolve("djl-cache");
    }
}
