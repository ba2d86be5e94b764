package tessera.data;

import java.util.List;

/** What a reader found; {@code validation} is null when the data set has no validation split of its own. */
record LoadedSplits(ImageSet train, ImageSet validation, ImageSet test, List<String> warnings) {

    LoadedSplits(ImageSet train, ImageSet test) {
        this(train, null, test, List.of());
    }
}
