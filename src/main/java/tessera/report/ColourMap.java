package tessera.report;

/**
 * Colour maps for heat maps, from 0 (low) to 1 (high), as sRGB stops interpolated linearly.
 * Viridis and inferno are perceptually uniform and readable by colour-blind inspectors.
 */
public enum ColourMap {
    VIRIDIS("viridis", new int[] {0x440154, 0x482878, 0x3E4989, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C, 0xFDE725}),
    INFERNO("inferno", new int[] {0x000004, 0x1B0C41, 0x4A0C6B, 0x781C6D, 0xA52C60, 0xCF4446, 0xED6925, 0xFB9B06, 0xF7D13D, 0xFCFFA4}),
    TURBO("turbo", new int[] {0x30123B, 0x4662D7, 0x36AAF9, 0x1AE4B6, 0x72FE5E, 0xC8EF34, 0xFABA39, 0xF66B19, 0xCA2A04, 0x7A0403}),
    GREY("grey", new int[] {0x000000, 0xFFFFFF});

    private final String id;
    private final int[] stops;

    ColourMap(String id, int[] stops) {
        this.id = id;
        this.stops = stops;
    }

    public String id() {
        return id;
    }

    /** The colour of {@code value} (clamped to 0..1) as 0xRRGGBB. */
    public int rgb(double value) {
        double v = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
        double pos = v * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) Math.floor(pos));
        double f = pos - i;
        int a = stops[i];
        int b = stops[i + 1];
        int r = (int) Math.round(((a >> 16) & 0xFF) * (1 - f) + ((b >> 16) & 0xFF) * f);
        int g = (int) Math.round(((a >> 8) & 0xFF) * (1 - f) + ((b >> 8) & 0xFF) * f);
        int bl = (int) Math.round((a & 0xFF) * (1 - f) + (b & 0xFF) * f);
        return r << 16 | g << 8 | bl;
    }

    public static ColourMap parse(String id) {
        for (ColourMap m : values()) {
            if (m.id.equalsIgnoreCase(id) || m.name().equalsIgnoreCase(id)) {
                return m;
            }
        }
        throw new tessera.util.TesseraException("unknown colour map '" + id + "' (use viridis, inferno, turbo or grey)");
    }

    @Override
    public String toString() {
        return id;
    }
}
