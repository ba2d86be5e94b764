package tessera.app;

/** Where failures of background work go: logged and shown to the user, never swallowed. */
@FunctionalInterface
public interface FailureReporter {

    /** Called on the FX thread; {@code what} names the job that failed ("Loading runs"). */
    void report(String what, Throwable error);
}
