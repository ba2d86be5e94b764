package tessera.cli;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JavaFxRuntimeTest {

    @Test
    void findsJavaFxAndItsNativeGlassLibraryOnTheApplicationClassPath() {
        // given the class path Tessera runs with (JavaFX 21 jars, the per-OS graphics jar included)
        // when the runtime is probed without starting the toolkit
        JavaFxRuntime runtime = JavaFxRuntime.probe();

        // then it is complete and names its version and the glass library
        assertTrue(runtime.complete(), runtime.describe());
        assertTrue(runtime.describe().startsWith("21."), runtime.describe());
        assertTrue(runtime.describe().contains(System.mapLibraryName("glass")), runtime.describe());
    }

    @Test
    void aPackageWithoutTheJavaFxJarsIsReportedIncompleteNamingWhatIsMissing() {
        // given a class path without any JavaFX jar, as in a package that lost them
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            // when it is probed
            JavaFxRuntime runtime = JavaFxRuntime.probe(bare);

            // then it is incomplete and says which classes and native library are missing
            assertFalse(runtime.complete());
            assertTrue(runtime.describe().contains("javafx.application.Platform"), runtime.describe());
            assertTrue(runtime.describe().contains(System.mapLibraryName("glass")), runtime.describe());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
