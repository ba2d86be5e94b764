package tessera.synth;

import java.util.SplittableRandom;

/** Normal deviates from StrictMath (the JDK's own may use platform-dependent Math.exp), for byte-identical pictures everywhere. */
final class Gaussian {

    private Gaussian() {
    }

    /** Box-Muller: one standard normal deviate from two uniforms. */
    static double next(SplittableRandom random) {
        double u = 1 - random.nextDouble(); // (0, 1]: the logarithm stays finite
        double v = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * StrictMath.PI * v);
    }
}
