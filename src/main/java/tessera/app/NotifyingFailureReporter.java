package tessera.app;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Supplier;

/** Logs a failure with its stack trace and shows its one-line message as a ControlsFX notification. */
public final class NotifyingFailureReporter implements FailureReporter {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyingFailureReporter.class);

    private final Supplier<Window> owner;
    private final ReadOnlyStringWrapper lastProblem = new ReadOnlyStringWrapper("");

    public NotifyingFailureReporter(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void report(String what, Throwable error) {
        String line = Problems.oneLine(error);
        LOG.error("{} failed: {}", what, line, error);
        lastProblem.set(what + " failed: " + line);
        Window window = owner.get();
        if (window != null && window.isShowing()) {
            Notifications.create().owner(window).title(what + " failed").text(line)
                    .hideAfter(Duration.seconds(10)).showError();
        }
    }

    /** The last failure, for the status bar (the notification fades; this stays). */
    public ReadOnlyStringProperty lastProblemProperty() {
        return lastProblem.getReadOnlyProperty();
    }
}
