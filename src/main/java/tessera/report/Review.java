package tessera.report;

import tessera.util.TesseraException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The review of one image's findings: accept, reject, adjust a box, add a missed finding, note;
 * every edit is a job on a bounded undo/redo history. Listeners hear the new list after each change.
 */
public final class Review {

    private final EditHistory history;
    private final List<Consumer<List<FindingReview>>> listeners = new CopyOnWriteArrayList<>();
    private List<FindingReview> findings;

    public Review(List<FindingReview> findings) {
        this(findings, EditHistory.DEFAULT_LIMIT);
    }

    public Review(List<FindingReview> findings, int historyLimit) {
        this.findings = List.copyOf(findings);
        this.history = new EditHistory(historyLimit);
    }

    public List<FindingReview> findings() {
        return findings;
    }

    public Optional<FindingReview> find(int id) {
        return findings.stream().filter(f -> f.id() == id).findFirst();
    }

    public void onChange(Consumer<List<FindingReview>> listener) {
        listeners.add(listener);
    }

    public void accept(int id) {
        decide(id, Decision.ACCEPTED, "Accept");
    }

    public void reject(int id) {
        decide(id, Decision.REJECTED, "Reject");
    }

    /** Takes the decision back: the finding is open again. */
    public void reopen(int id) {
        decide(id, Decision.OPEN, "Reopen");
    }

    private void decide(int id, Decision decision, String verb) {
        if (existing(id).decision() == decision) {
            return;
        }
        edit(verb + " finding " + id, id, f -> f.withDecision(decision));
    }

    public void note(int id, String note) {
        String text = note == null ? "" : note.strip();
        if (existing(id).note().equals(text)) {
            return;
        }
        edit("Note on finding " + id, id, f -> f.withNote(text));
    }

    /** Moves or resizes a finding's box (image pixels). */
    public void adjustBox(int id, int x, int y, int width, int height) {
        checkBox(x, y, width, height);
        FindingReview f = existing(id);
        if (f.x() == x && f.y() == y && f.width() == width && f.height() == height) {
            return;
        }
        edit("Adjust box of finding " + id, id, r -> r.withBox(x, y, width, height));
    }

    /** Adds a finding the model missed, accepted; returns its id (one above every id so far). */
    public int add(int x, int y, int width, int height, String note) {
        checkBox(x, y, width, height);
        int id = findings.stream().mapToInt(FindingReview::id).max().orElse(0) + 1;
        List<FindingReview> next = new ArrayList<>(findings);
        next.add(FindingReview.added(id, x, y, width, height, note));
        apply(new ReviewJob("Add finding " + id, findings, next));
        return id;
    }

    /** Removes a finding the inspector added (a model finding is rejected instead). */
    public void removeAdded(int id) {
        if (!existing(id).added()) {
            throw new TesseraException("finding " + id + " was found by the model: reject it instead of removing it");
        }
        List<FindingReview> next = new ArrayList<>(findings);
        next.removeIf(f -> f.id() == id);
        apply(new ReviewJob("Remove finding " + id, findings, next));
    }

    public boolean undo() {
        return history.undo().map(job -> {
            set(job.before());
            return true;
        }).orElse(false);
    }

    public boolean redo() {
        return history.redo().map(job -> {
            set(job.after());
            return true;
        }).orElse(false);
    }

    public boolean canUndo() {
        return history.canUndo();
    }

    public boolean canRedo() {
        return history.canRedo();
    }

    public Optional<String> undoDescription() {
        return history.undoDescription();
    }

    public Optional<String> redoDescription() {
        return history.redoDescription();
    }

    public long count(Decision decision) {
        return findings.stream().filter(f -> f.decision() == decision).count();
    }

    private void edit(String description, int id, UnaryOperator<FindingReview> change) {
        List<FindingReview> next = new ArrayList<>(findings.size());
        for (FindingReview f : findings) {
            next.add(f.id() == id ? change.apply(f) : f);
        }
        apply(new ReviewJob(description, findings, next));
    }

    private void apply(ReviewJob job) {
        history.push(job);
        set(job.after());
    }

    private void set(List<FindingReview> next) {
        findings = List.copyOf(next);
        for (Consumer<List<FindingReview>> l : listeners) {
            l.accept(findings);
        }
    }

    private FindingReview existing(int id) {
        return find(id).orElseThrow(() -> new TesseraException("no finding " + id + " in this review"));
    }

    private static void checkBox(int x, int y, int width, int height) {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new TesseraException("a finding's box needs x, y >= 0 and a size of at least 1x1 pixel, got "
                    + x + "," + y + " " + width + "x" + height);
        }
    }
}
