package tessera.app.inspect;

/**
 * What part of the image every synchronised panel shows: the image point at the panel's centre and
 * the magnification relative to "whole image fits". Panels of different sizes thus show the same
 * region, each at its own scale.
 *
 * @param centreX       image pixels
 * @param centreY       image pixels
 * @param magnification 1 = the whole image fits the panel
 */
public record Viewport(double centreX, double centreY, double magnification) {

    public static final double MAX_MAGNIFICATION = 512;

    public static Viewport fit(int imageWidth, int imageHeight) {
        return new Viewport(imageWidth / 2.0, imageHeight / 2.0, 1);
    }

    /** Screen pixels per image pixel in a panel of this size. */
    public double screenPerImage(double panelWidth, double panelHeight, int imageWidth, int imageHeight) {
        return fitScale(panelWidth, panelHeight, imageWidth, imageHeight) * magnification;
    }

    public static double fitScale(double panelWidth, double panelHeight, int imageWidth, int imageHeight) {
        return Math.max(1e-9, Math.min(panelWidth / imageWidth, panelHeight / imageHeight));
    }

    /** Zooms by {@code factor} keeping image point (x, y) where it is on screen. */
    public Viewport zoomAt(double factor, double x, double y, int imageWidth, int imageHeight) {
        double m = Math.max(1, Math.min(MAX_MAGNIFICATION, magnification * factor));
        double actual = m / magnification;
        double cx = x + (centreX - x) / actual;
        double cy = y + (centreY - y) / actual;
        return new Viewport(cx, cy, m).clamped(imageWidth, imageHeight);
    }

    /** Moves the centre by (dx, dy) image pixels. */
    public Viewport pan(double dx, double dy, int imageWidth, int imageHeight) {
        return new Viewport(centreX + dx, centreY + dy, magnification).clamped(imageWidth, imageHeight);
    }

    /**
     * Keeps the view on the image: the centre stays at least half a view (as wide as the image over
     * the magnification) from each edge, so zooming or panning never uncovers empty space beyond it.
     */
    public Viewport clamped(int imageWidth, int imageHeight) {
        double hx = imageWidth / (2 * magnification);
        double hy = imageHeight / (2 * magnification);
        return new Viewport(Math.max(hx, Math.min(imageWidth - hx, centreX)), Math.max(hy, Math.min(imageHeight - hy, centreY)),
                magnification);
    }
}
