package tessera.util;

/**
 * A failure the user can act on: its message is one line that names the file or value and
 * the problem, and is shown without a stack trace.
 */
public class TesseraException extends RuntimeException {

    public TesseraException(String message) {
        super(message);
    }

    public TesseraException(String message, Throwable cause) {
        super(message, cause);
    }
}
