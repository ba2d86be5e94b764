package tessera.app.inspect;

import java.awt.Rectangle;

/**
 * Where the pointer holds a finding's box when the inspector drags it: an edge or a corner
 * (resize), the inside (move), or nothing. Plain geometry, without JavaFX, so the rules are tested
 * headless: a box never leaves the photograph and never shrinks below {@link #MIN_SIZE} pixels.
 */
enum BoxGrip {
    NONE(false, false, false, false),
    MOVE(false, false, false, false),
    NORTH(false, true, false, false),
    SOUTH(false, false, false, true),
    WEST(true, false, false, false),
    EAST(false, false, true, false),
    NORTH_WEST(true, true, false, false),
    NORTH_EAST(false, true, true, false),
    SOUTH_WEST(true, false, false, true),
    SOUTH_EAST(false, false, true, true);

    /** Smallest side of a box, in image pixels: a box one can still see and grab. */
    static final int MIN_SIZE = 4;

    private final boolean left;
    private final boolean top;
    private final boolean right;
    private final boolean bottom;

    BoxGrip(boolean left, boolean top, boolean right, boolean bottom) {
        this.left = left;
        this.top = top;
        this.right = right;
        this.bottom = bottom;
    }

    /**
     * The grip of a box drawn on screen from (x0, y0) to (x1, y1) at the pointer (px, py):
     * an edge within {@code tolerance} screen pixels, else the inside, else none.
     */
    static BoxGrip at(double x0, double y0, double x1, double y1, double px, double py, double tolerance) {
        if (px < x0 - tolerance || px > x1 + tolerance || py < y0 - tolerance || py > y1 + tolerance) {
            return NONE;
        }
        boolean l = Math.abs(px - x0) <= tolerance;
        boolean r = !l && Math.abs(px - x1) <= tolerance;
        boolean t = Math.abs(py - y0) <= tolerance;
        boolean b = !t && Math.abs(py - y1) <= tolerance;
        for (BoxGrip g : values()) {
            if (g != NONE && g != MOVE && g.left == l && g.right == r && g.top == t && g.bottom == b) {
                return g;
            }
        }
        return MOVE;
    }

    /** The box after dragging this grip by (dx, dy) image pixels, kept inside a width × height photograph. */
    Rectangle drag(Rectangle box, double dx, double dy, int width, int height) {
        int x0 = box.x;
        int y0 = box.y;
        int x1 = box.x + box.width;
        int y1 = box.y + box.height;
        int mx = (int) Math.round(dx);
        int my = (int) Math.round(dy);
        if (this == NONE) {
            return new Rectangle(box);
        }
        if (this == MOVE) {
            int x = Math.max(0, Math.min(width - box.width, x0 + mx));
            int y = Math.max(0, Math.min(height - box.height, y0 + my));
            return new Rectangle(x, y, box.width, box.height);
        }
        if (left) {
            x0 = Math.max(0, Math.min(x1 - MIN_SIZE, x0 + mx));
        }
        if (right) {
            x1 = Math.min(width, Math.max(x0 + MIN_SIZE, x1 + mx));
        }
        if (top) {
            y0 = Math.max(0, Math.min(y1 - MIN_SIZE, y0 + my));
        }
        if (bottom) {
            y1 = Math.min(height, Math.max(y0 + MIN_SIZE, y1 + my));
        }
        return new Rectangle(x0, y0, x1 - x0, y1 - y0);
    }

    /** The name of the JavaFX cursor that shows this grip (kept as a name so this class needs no JavaFX). */
    String cursorName() {
        return switch (this) {
            case NONE -> "DEFAULT";
            case MOVE -> "MOVE";
            case NORTH -> "N_RESIZE";
            case SOUTH -> "S_RESIZE";
            case WEST -> "W_RESIZE";
            case EAST -> "E_RESIZE";
            case NORTH_WEST -> "NW_RESIZE";
            case NORTH_EAST -> "NE_RESIZE";
            case SOUTH_WEST -> "SW_RESIZE";
            case SOUTH_EAST -> "SE_RESIZE";
        };
    }
}
