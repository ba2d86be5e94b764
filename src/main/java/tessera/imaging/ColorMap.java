package tessera.imaging;

import tessera.util.TesseraException;

import java.util.Locale;

/**
 * Perceptually uniform colour maps as 256-entry lookup tables: viridis and inferno (matplotlib's
 * maps, lightness rising monotonically, readable in grey and by colour-blind viewers) and turbo
 * (Google's improved rainbow, for more distinguishable levels). The tables come from published
 * polynomial fits of the original maps, accurate to about 1/255 per channel.
 */
public enum ColorMap {
    VIRIDIS("viridis", new double[][] {
            {0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
            {0.1050930431085774, 1.404613529898575, 1.384590162594685},
            {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
            {-4.634230498983486, -5.799100973351585, -19.33244095627987},
            {6.228269936347081, 14.17993336680509, 56.69055260068105},
            {4.776384997670288, -13.74514537774601, -65.35303263337234},
            {-5.435455855934631, 4.645852612178535, 26.3124352495832}}),
    INFERNO("inferno", new double[][] {
            {0.0002189403691192265, 0.001651004631001012, -0.01948089843709184},
            {0.1065134194856116, 0.5639564367884091, 3.932712388889277},
            {11.60249308247187, -3.972853965665698, -15.9423941062914},
            {-41.70399613139459, 17.43639888205313, 44.35414519872813},
            {77.162935699427, -33.40235894210092, -81.80730925738993},
            {-71.31942824499214, 32.62606426397723, 73.20951985803202},
            {25.13112622477341, -12.24266895238567, -23.07032500287172}}),
    TURBO("turbo", new double[][] {
            {0.13572138, 0.09140261, 0.10667330},
            {4.61539260, 2.19418839, 12.64194608},
            {-42.66032258, 4.84296658, -60.58204836},
            {132.13108234, -14.18503333, 110.36276771},
            {-152.94239396, 4.27729857, -89.90310912},
            {59.28637943, 2.82956604, 27.34824973}});

    private final String id;
    private final int[] lut = new int[256];

    ColorMap(String id, double[][] coefficients) {
        this.id = id;
        for (int i = 0; i < 256; i++) {
            double t = i / 255.0;
            int rgb = 0;
            for (int ch = 0; ch < 3; ch++) {
                double v = 0;
                double power = 1;
                for (double[] c : coefficients) {
                    v += c[ch] * power;
                    power *= t;
                }
                int b = (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
                rgb = rgb << 8 | b;
            }
            lut[i] = rgb;
        }
    }

    public String id() {
        return id;
    }

    /** The colour (0xRRGGBB) at position t in [0, 1] of the map; outside values are clamped. */
    public int rgb(double t) {
        if (Double.isNaN(t)) {
            return 0;
        }
        return lut[(int) Math.round(Math.max(0, Math.min(1, t)) * 255)];
    }

    /** A copy of the 256 colours, 0xRRGGBB. */
    public int[] lut() {
        return lut.clone();
    }

    public static ColorMap parse(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (ColorMap m : values()) {
            if (m.id.equals(wanted)) {
                return m;
            }
        }
        throw new TesseraException("unknown colour map '" + id + "' (use viridis, inferno or turbo)");
    }
}
