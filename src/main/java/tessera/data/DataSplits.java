package tessera.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded data set: the three splits share shape and class names. {@code warnings} lists the
 * files that were skipped (one line each) so that a caller can show them next to the results.
 */
public record DataSplits(String format, Path source, ImageSet train, ImageSet validation, ImageSet test,
                         List<String> warnings) {

    public DataSplits {
        warnings = List.copyOf(warnings);
    }

    public DataSplits(String format, Path source, ImageSet train, ImageSet validation, ImageSet test) {
        this(format, source, train, validation, test, List.of());
    }
}
