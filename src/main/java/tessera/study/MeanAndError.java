package tessera.study;

import java.util.Locale;

/**
 * The mean of repeated measurements and its standard error (sample standard deviation over the
 * square root of n); with a single measurement the error is unknown (NaN), not zero.
 */
public record MeanAndError(double mean, double standardError, int n) {

    public static MeanAndError of(double... values) {
        int n = values.length;
        if (n == 0) {
            return new MeanAndError(Double.NaN, Double.NaN, 0);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new MeanAndError(mean, Double.NaN, 1);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return new MeanAndError(mean, Math.sqrt(squares / (n - 1)) / Math.sqrt(n), n);
    }

    /** "83.10 ± 0.25" for a fraction shown as a percentage; "83.10" alone when n = 1; "–" when empty. */
    public String percent() {
        if (n == 0) {
            return "–";
        }
        if (n == 1 || Double.isNaN(standardError)) {
            return String.format(Locale.ROOT, "%.2f", 100 * mean);
        }
        return String.format(Locale.ROOT, "%.2f ± %.2f", 100 * mean, 100 * standardError);
    }
}
