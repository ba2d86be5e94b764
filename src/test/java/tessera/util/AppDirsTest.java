package tessera.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AppDirsTest {

    @Test
    void libtorchIsUnpackedIntoEachOperatingSystemsApplicationDataFolder(@TempDir Path home) {
        // given a user's home folder, on each operating system the installers serve
        // when the engine cache is asked for, then it is the documented per-user application-data folder
        assertEquals(home.resolve("Library/Application Support/Tessera/djl-cache"),
                as("Mac OS X", home, AppDirs::engineCache));
        String local = System.getenv("LOCALAPPDATA");
        Path windowsBase = local == null || local.isBlank() ? home.resolve("AppData").resolve("Local") : Path.of(local);
        assertEquals(windowsBase.resolve("Tessera").resolve("djl-cache"), as("Windows 11", home, AppDirs::engineCache));
        String xdg = System.getenv("XDG_DATA_HOME");
        Path linuxBase = xdg == null || xdg.isBlank() ? home.resolve(".local/share") : Path.of(xdg);
        assertEquals(linuxBase.resolve("Tessera/djl-cache"), as("Linux", home, AppDirs::engineCache));
    }

    private static <T> T as(String os, Path home, Supplier<T> query) {
        String osBefore = System.getProperty("os.name");
        String homeBefore = System.getProperty("user.home");
        System.setProperty("os.name", os);
        System.setProperty("user.home", home.toString());
        try {
            return query.get();
        } finally {
            System.setProperty("os.name", osBefore);
            System.setProperty("user.home", homeBefore);
        }
    }
}
