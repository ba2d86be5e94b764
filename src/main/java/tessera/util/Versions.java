package tessera.util;

/** Versions recorded with every run and bundle, so a result can be traced to what produced it. */
public final class Versions {

    private Versions() {
    }

    public static String tessera() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
