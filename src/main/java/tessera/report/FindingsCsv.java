package tessera.report;

import java.util.List;
import java.util.Locale;

/** The reviewed findings as CSV: one row per finding, the header names the columns. */
public final class FindingsCsv {

    public static final String HEADER = "id,origin,decision,x,y,width,height,peak,mean,votes,teachers,disagreement,note";

    private FindingsCsv() {
    }

    public static String format(List<FindingReview> findings) {
        StringBuilder s = new StringBuilder(HEADER).append('\n');
        for (FindingReview f : findings) {
            s.append(f.id()).append(',').append(f.origin()).append(',').append(f.decision().label()).append(',')
                    .append(f.x()).append(',').append(f.y()).append(',').append(f.width()).append(',').append(f.height()).append(',')
                    .append(number(f.peak())).append(',').append(number(f.mean())).append(',')
                    .append(f.added() ? "" : String.valueOf(f.votes())).append(',')
                    .append(f.added() ? "" : String.valueOf(f.teachers())).append(',')
                    .append(f.added() ? "" : number(f.disagreement())).append(',')
                    .append(quoted(f.note())).append('\n');
        }
        return s.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
    static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
