package tessera.app;

import tessera.util.TesseraException;

/** Turns a failure into the one line a user reads (our messages verbatim, others with their type). */
public final class Problems {

    private Problems() {
    }

    public static String oneLine(Throwable error) {
        Throwable t = error;
        while (!(t instanceof TesseraException) && t.getCause() != null
                && (t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (!(t instanceof TesseraException) && !(t instanceof java.io.IOException && message != null)) {
            message = t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        }
        if (t instanceof java.nio.file.NoSuchFileException) {
            message = t.getMessage() + ": no such file or folder";
        }
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
