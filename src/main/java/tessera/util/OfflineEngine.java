package tessera.util;

/**
 * Keeps DJL offline: it must never download a native library nor probe the network, so these
 * properties are set before the first DJL class is touched, by every entry point.
 */
public final class OfflineEngine {

    private OfflineEngine() {
    }

    public static void configure() {
        setIfAbsent("ai.djl.offline", "true");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        // The engine reads the cache folder from a system property or the environment; default
        // to the user's application-data folder so that libtorch never lands in a shared cache.
        String cache = System.getProperty("DJL_CACHE_DIR", System.getenv("DJL_CACHE_DIR"));
        if (cache == null || cache.isBlank()) {
            cache = AppDirs.engineCache().toString();
        }
        setIfAbsent("DJL_CACHE_DIR", cache);
        setIfAbsent("ENGINE_CACHE_DIR", cache);
        setIfAbsent("ai.djl.default_engine", "PyTorch");
    }

    /** Sets the intra-op and inter-op thread counts of libtorch; only effective before the engine loads. */
    public static void threads(int threads) {
        if (threads > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
