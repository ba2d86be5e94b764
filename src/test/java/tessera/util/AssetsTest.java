package tessera.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssetsTest {

    @Test
    void theConfiguredFolderWinsAndTheCheckoutsFolderIsTheFallback(@TempDir Path installed) throws Exception {
        // given an installed application's assets folder named by the launcher
        Files.createDirectories(installed.resolve("models"));
        String before = System.getProperty(Assets.PROPERTY);
        System.setProperty(Assets.PROPERTY, installed.toString());
        try {
            // then it is the one used
            assertEquals(installed.resolve("models").toAbsolutePath(), Assets.resolve("models"));
        } finally {
            if (before == null) {
                System.clearProperty(Assets.PROPERTY);
            } else {
                System.setProperty(Assets.PROPERTY, before);
            }
        }
        // and without it, the source checkout's assets/ beside target/ is found
        assertTrue(Assets.root().orElseThrow().endsWith("assets"));
        assertTrue(Files.isRegularFile(Assets.resolve("icon/tessera.png")));
    }
}
