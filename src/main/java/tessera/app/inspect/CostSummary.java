package tessera.app.inspect;

import java.util.Locale;

/**
 * The price of the ensemble against its student on one image.
 *
 * @param teachers           how many teachers ran
 * @param ensembleMillis     wall time of all teachers
 * @param studentMillis      wall time of the student
 * @param ensembleParameters parameters of all teachers together
 * @param studentParameters  parameters of the student
 */
public record CostSummary(int teachers, long ensembleMillis, long studentMillis, long ensembleParameters,
                          long studentParameters) {

    /** How many times faster the student was (NaN when it took no measurable time). */
    public double speedup() {
        return studentMillis == 0 ? Double.NaN : (double) ensembleMillis / studentMillis;
    }

    public double parameterRatio() {
        return studentParameters == 0 ? Double.NaN : (double) ensembleParameters / studentParameters;
    }

    public String timeText() {
        return String.format(Locale.ROOT, "Ensemble of %d: %,d ms · student: %,d ms%s", teachers, ensembleMillis,
                studentMillis, Double.isNaN(speedup()) ? "" : String.format(Locale.ROOT, " (%.1f× faster)", speedup()));
    }

    public String parameterText() {
        return String.format(Locale.ROOT, "Parameters: ensemble %s · student %s%s", millions(ensembleParameters),
                millions(studentParameters), Double.isNaN(parameterRatio()) ? ""
                        : String.format(Locale.ROOT, " (%.1f× fewer)", parameterRatio()));
    }

    static String millions(long n) {
        return n >= 1_000_000 ? String.format(Locale.ROOT, "%.2f M", n / 1e6)
                : n >= 1000 ? String.format(Locale.ROOT, "%.1f k", n / 1e3) : String.valueOf(n);
    }
}
