package tessera.study;

import java.util.Locale;

/**
 * One result of the grid: a model (the labels baseline, a student of a distillation mode) or an
 * ensemble under one fusion method, for one cell (teachers, subset fraction) and one repetition.
 */
public record StudyRow(String kind, int teachers, double subset, String method, int seed, double accuracy,
                       double macroF1, double nll, double ece, long macs, double seconds) {

    public static final String BASELINE = "baseline";
    public static final String ENSEMBLE = "ensemble";
    public static final String STUDENT = "student";
    public static final String HEADER = "kind,teachers,subset,method,seed,accuracy,macro_f1,nll,ece,macs_per_sample,train_seconds";

    public String csv() {
        return String.format(Locale.ROOT, "%s,%d,%s,%s,%d,%.6f,%.6f,%.6f,%.6f,%d,%.1f", kind, teachers, subset, method,
                seed, accuracy, macroF1, nll, ece, macs, seconds);
    }

    public static StudyRow parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 11) {
            throw new IllegalArgumentException("expected 11 fields, found " + f.length + ": " + line);
        }
        return new StudyRow(f[0], Integer.parseInt(f[1]), Double.parseDouble(f[2]), f[3], Integer.parseInt(f[4]),
                Double.parseDouble(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]), Double.parseDouble(f[8]),
                Long.parseLong(f[9]), Double.parseDouble(f[10]));
    }
}
