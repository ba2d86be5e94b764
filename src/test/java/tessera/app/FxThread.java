package tessera.app;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a call on the JavaFX thread and waits for its value: for drivers of the real window (screenshots, benchmarks). */
public final class FxThread {

    private FxThread() {
    }

    /** The call's value, or its exception; gives up after a minute, as a hung FX thread would never answer. */
    public static <T> T call(Callable<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
