package tessera.report;

import tessera.inspect.Finding;

/**
 * A finding as the inspector reviewed it: the model's finding (or one the inspector added), its box
 * (possibly adjusted), the decision and a note. Immutable; every change makes a new one.
 *
 * @param id           the model finding's id, or a number above them for an added finding
 * @param x            bounding box in image pixels
 * @param peak         the model's highest score in the region (NaN for an added finding)
 * @param mean         the model's mean score over the region (NaN for an added finding)
 * @param votes        teachers that reach their threshold in the region
 * @param teachers     how many teachers there are
 * @param disagreement mean spread of the teachers' probabilities over the region (0..0.5)
 * @param added        drawn by the inspector: the model missed it
 * @param adjusted     the inspector moved or resized the model's box
 */
public record FindingReview(int id, int x, int y, int width, int height, double peak, double mean, int votes,
                            int teachers, double disagreement, Decision decision, String note, boolean added,
                            boolean adjusted) {

    public FindingReview {
        note = note == null ? "" : note;
        decision = decision == null ? Decision.OPEN : decision;
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("finding " + id + ": box of " + width + "x" + height + " pixels");
        }
    }

    public static FindingReview of(Finding f) {
        return new FindingReview(f.id(), f.x(), f.y(), f.width(), f.height(), f.peak(), f.mean(), f.teacherVotes(),
                f.teachers(), f.disagreement(), Decision.OPEN, "", false, false);
    }

    /** A finding the model missed, accepted by the inspector who drew it. */
    public static FindingReview added(int id, int x, int y, int width, int height, String note) {
        return new FindingReview(id, x, y, width, height, Double.NaN, Double.NaN, 0, 0, 0, Decision.ACCEPTED, note,
                true, false);
    }

    public FindingReview withDecision(Decision d) {
        return new FindingReview(id, x, y, width, height, peak, mean, votes, teachers, disagreement, d, note, added, adjusted);
    }

    public FindingReview withNote(String n) {
        return new FindingReview(id, x, y, width, height, peak, mean, votes, teachers, disagreement, decision, n, added, adjusted);
    }

    public FindingReview withBox(int nx, int ny, int nw, int nh) {
        return new FindingReview(id, nx, ny, nw, nh, peak, mean, votes, teachers, disagreement, decision, note, added, !added);
    }

    /** "3/5": how many teachers voted for it. */
    public String votesText() {
        return added ? "–" : votes + "/" + teachers;
    }

    /** Where it came from, for tables and reports: "model", "adjusted" or "added". */
    public String origin() {
        return added ? "added" : adjusted ? "adjusted" : "model";
    }

    public boolean contains(double px, double py) {
        return px >= x && px < x + width && py >= y && py < y + height;
    }

    /** Intersection over union of the two boxes: how a saved decision finds its finding again. */
    public double overlap(int ox, int oy, int ow, int oh) {
        long ix = Math.max(0, Math.min(x + width, ox + ow) - Math.max(x, ox));
        long iy = Math.max(0, Math.min(y + height, oy + oh) - Math.max(y, oy));
        double inter = (double) ix * iy;
        double union = (double) width * height + (double) ow * oh - inter;
        return union <= 0 ? 0 : inter / union;
    }
}
