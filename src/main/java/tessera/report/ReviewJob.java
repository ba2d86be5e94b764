package tessera.report;

import java.util.List;

/**
 * One user edit of a review, as Scene Builder's jobs: what the list of findings was before and
 * after, so that undo and redo are exact whatever the edit was.
 *
 * @param description what the edit did, for the Undo/Redo menu ("Accept finding 3")
 */
public record ReviewJob(String description, List<FindingReview> before, List<FindingReview> after) {

    public ReviewJob {
        before = List.copyOf(before);
        after = List.copyOf(after);
    }
}
