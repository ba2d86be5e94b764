package tessera.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tessera.inspect.Finding;
import tessera.util.TesseraException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reviewing findings: decisions, boxes, notes, undo/redo, and the saved file. */
class ReviewTest {

    @TempDir
    Path dir;

    private static Finding finding(int id, int x, int y, double disagreement) {
        return new Finding(id, x, y, 40, 30, 1200, null, 0.9, 0.7, 2, 3, disagreement);
    }

    private static Review review() {
        return new Review(List.of(FindingReview.of(finding(1, 0, 0, 0.1)), FindingReview.of(finding(2, 100, 50, 0.3))));
    }

    @Test
    void givenFindingsWhenAcceptedRejectedAndUndoneThenEachStepComesBackExactly() {
        Review review = review();
        List<List<FindingReview>> heard = new ArrayList<>();
        review.onChange(heard::add);

        review.accept(1);
        review.reject(2);
        review.note(2, "paint scratch, no corrosion");

        assertEquals(Decision.ACCEPTED, review.find(1).orElseThrow().decision());
        assertEquals(Decision.REJECTED, review.find(2).orElseThrow().decision());
        assertEquals("Note on finding 2", review.undoDescription().orElseThrow());
        assertTrue(review.undo());
        assertEquals("", review.find(2).orElseThrow().note());
        assertTrue(review.undo());
        assertEquals(Decision.OPEN, review.find(2).orElseThrow().decision());
        assertEquals(Decision.ACCEPTED, review.find(1).orElseThrow().decision());
        assertTrue(review.redo());
        assertEquals(Decision.REJECTED, review.find(2).orElseThrow().decision());
        assertEquals(6, heard.size(), "listeners hear every change: three edits, two undos, one redo");

        review.reopen(1);
        assertFalse(review.canRedo(), "a new edit clears the redo side");
    }

    @Test
    void anAdjustedBoxAndAnAddedFindingCanBeUndoneAndBadBoxesAreRefused() {
        Review review = review();

        review.adjustBox(1, 5, 6, 50, 40);
        int added = review.add(200, 120, 20, 20, "missed pitting");

        FindingReview adjusted = review.find(1).orElseThrow();
        assertTrue(adjusted.adjusted());
        assertEquals(List.of(5, 6, 50, 40), List.of(adjusted.x(), adjusted.y(), adjusted.width(), adjusted.height()));
        assertEquals(3, added);
        FindingReview extra = review.find(3).orElseThrow();
        assertTrue(extra.added());
        assertEquals(Decision.ACCEPTED, extra.decision());
        review.undo();
        assertTrue(review.find(3).isEmpty());
        review.undo();
        assertFalse(review.find(1).orElseThrow().adjusted());
        assertThrows(TesseraException.class, () -> review.adjustBox(1, -1, 0, 10, 10));
        assertThrows(TesseraException.class, () -> review.add(0, 0, 0, 10, ""));
        assertThrows(TesseraException.class, () -> review.accept(99));
        assertThrows(TesseraException.class, () -> review.removeAdded(1));
    }

    @Test
    void theHistoryIsBoundedAndDropsTheOldestEdit() {
        Review review = new Review(List.of(FindingReview.of(finding(1, 0, 0, 0))), 3);
        for (int i = 0; i < 5; i++) {
            review.note(1, "note " + i);
        }
        int undone = 0;
        while (review.undo()) {
            undone++;
        }
        assertEquals(3, undone);
        assertEquals("note 1", review.find(1).orElseThrow().note(), "the two oldest edits fell off");
    }

    @Test
    void givenASavedReviewWhenTheFindingsAreFoundAgainThenDecisionsFollowTheirBoxes() throws IOException {
        Path image = Files.writeString(dir.resolve("Panel 7.PNG"), "not really a picture");
        Path results = ReviewFile.resultsDir(dir.resolve("ws"), image, "ab".repeat(32));
        assertEquals("panel_7-abababababab", results.getFileName().toString());
        Review review = review();
        review.reject(2);
        review.adjustBox(1, 2, 2, 40, 30);
        review.add(300, 300, 10, 10, "missed");

        ReviewFile.save(results, image, "ab".repeat(32), review.findings());
        List<FindingReview> saved = ReviewFile.load(results, image, "ab".repeat(32));
        // The model found them again slightly shifted, in the other order, with a new one.
        List<FindingReview> merged = ReviewFile.merge(List.of(finding(1, 102, 51, 0.3), finding(2, 1, 0, 0.1),
                finding(3, 500, 500, 0)), saved);

        assertEquals(Decision.REJECTED, merged.get(0).decision());
        assertEquals(Decision.OPEN, merged.get(1).decision());
        assertTrue(merged.get(1).adjusted());
        assertEquals(2, merged.get(1).x());
        assertEquals(Decision.OPEN, merged.get(2).decision());
        assertEquals(4, merged.size());
        assertTrue(merged.get(3).added());
        assertEquals(4, merged.get(3).id(), "an added finding is numbered above the model's");
        assertThrows(TesseraException.class, () -> ReviewFile.load(results, image, "cd".repeat(32)));
        Files.writeString(ReviewFile.file(results, image), "{ broken");
        TesseraException e = assertThrows(TesseraException.class, () -> ReviewFile.load(results, image, "ab".repeat(32)));
        assertTrue(e.getMessage().startsWith(ReviewFile.file(results, image).toString()), e.getMessage());
    }
}
