package tessera.data;

import java.util.List;
import java.util.Locale;
import tessera.util.TesseraException;

/**
 * How to read a data set.
 *
 * @param format             null to detect; else one of {@link #FORMATS}
 * @param validationFraction share of the training images held out for validation when the data
 *                           set has no validation split of its own; 0 gives an empty validation set
 * @param seed               seeds every split so a run can be repeated
 * @param imageSize          square side every image is resized to; 0 keeps the natural size
 */
public record DatasetOptions(String format, double validationFraction, long seed, int imageSize) {

    public static final List<String> FORMATS = List.of("idx", "folder", "cifar10", "cifar100", "synth");

    public DatasetOptions {
        if (format != null) {
            format = format.trim().toLowerCase(Locale.ROOT);
            if (!FORMATS.contains(format)) {
                throw new TesseraException("Unknown --format value '" + format + "': expected one of "
                        + String.join(", ", FORMATS));
            }
        }
        if (!(validationFraction >= 0 && validationFraction < 1)) {
            throw new TesseraException("Validation fraction must be in [0, 1), got " + validationFraction);
        }
        if (imageSize < 0) {
            throw new TesseraException("Image size must be 0 (natural) or positive, got " + imageSize);
        }
    }

    public static DatasetOptions defaults() {
        return new DatasetOptions(null, 0.1, 42, 0);
    }

    public DatasetOptions withFormat(String newFormat) {
        return new DatasetOptions(newFormat, validationFraction, seed, imageSize);
    }

    public DatasetOptions withValidationFraction(double fraction) {
        return new DatasetOptions(format, fraction, seed, imageSize);
    }

    public DatasetOptions withSeed(long newSeed) {
        return new DatasetOptions(format, validationFraction, newSeed, imageSize);
    }

    public DatasetOptions withImageSize(int size) {
        return new DatasetOptions(format, validationFraction, seed, size);
    }
}
