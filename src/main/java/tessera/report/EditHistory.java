package tessera.report;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A bounded undo/redo stack of edit jobs (Scene Builder's JobManager): a new job clears the redo
 * side; the oldest job falls off when the stack is full.
 */
public final class EditHistory {

    public static final int DEFAULT_LIMIT = 100;

    private final int limit;
    private final Deque<ReviewJob> undo = new ArrayDeque<>();
    private final Deque<ReviewJob> redo = new ArrayDeque<>();

    public EditHistory(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("an undo history needs room for one job, got " + limit);
        }
        this.limit = limit;
    }

    public void push(ReviewJob job) {
        undo.push(job);
        if (undo.size() > limit) {
            undo.removeLast();
        }
        redo.clear();
    }

    /** The job to undo, moved to the redo side; empty when there is nothing to undo. */
    public Optional<ReviewJob> undo() {
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        ReviewJob job = undo.pop();
        redo.push(job);
        return Optional.of(job);
    }

    public Optional<ReviewJob> redo() {
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        ReviewJob job = redo.pop();
        undo.push(job);
        return Optional.of(job);
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public Optional<String> undoDescription() {
        return Optional.ofNullable(undo.peek()).map(ReviewJob::description);
    }

    public Optional<String> redoDescription() {
        return Optional.ofNullable(redo.peek()).map(ReviewJob::description);
    }

    public int undoSize() {
        return undo.size();
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
