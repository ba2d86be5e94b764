package tessera.app.inspect;

import org.junit.jupiter.api.Test;

import java.awt.Rectangle;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BoxGripTest {

    // A box drawn on screen from (100, 100) to (200, 160).
    private static BoxGrip at(double x, double y) {
        return BoxGrip.at(100, 100, 200, 160, x, y, 6);
    }

    @Test
    void edgesAndCornersWithinTheToleranceResizeTheInsideMovesAndOutsideIsNothing() {
        assertEquals(BoxGrip.NORTH_WEST, at(98, 103));
        assertEquals(BoxGrip.SOUTH_EAST, at(205, 158));
        assertEquals(BoxGrip.NORTH_EAST, at(200, 100));
        assertEquals(BoxGrip.SOUTH_WEST, at(101, 161));
        assertEquals(BoxGrip.NORTH, at(150, 96));
        assertEquals(BoxGrip.SOUTH, at(150, 164));
        assertEquals(BoxGrip.WEST, at(104, 130));
        assertEquals(BoxGrip.EAST, at(196, 130));
        assertEquals(BoxGrip.MOVE, at(150, 130));
        assertEquals(BoxGrip.NONE, at(93, 130));
        assertEquals(BoxGrip.NONE, at(150, 167));
    }

    @Test
    void movingKeepsTheSizeAndStopsAtThePhotographsBorder() {
        Rectangle box = new Rectangle(10, 20, 30, 40);
        assertEquals(new Rectangle(15, 12, 30, 40), BoxGrip.MOVE.drag(box, 5.2, -7.9, 100, 100));
        assertEquals(new Rectangle(0, 0, 30, 40), BoxGrip.MOVE.drag(box, -50, -50, 100, 100));
        assertEquals(new Rectangle(70, 60, 30, 40), BoxGrip.MOVE.drag(box, 500, 500, 100, 100));
    }

    @Test
    void resizingMovesOnlyTheGrippedSidesWithinThePhotographAndNeverBelowTheSmallestBox() {
        Rectangle box = new Rectangle(10, 20, 30, 40);
        assertEquals(new Rectangle(10, 20, 40, 45), BoxGrip.SOUTH_EAST.drag(box, 10, 5, 100, 100));
        assertEquals(new Rectangle(5, 20, 35, 40), BoxGrip.WEST.drag(box, -5, 30, 100, 100));
        assertEquals(new Rectangle(10, 0, 30, 60), BoxGrip.NORTH.drag(box, 8, -35, 100, 100));
        assertEquals(new Rectangle(10, 20, 90, 40), BoxGrip.EAST.drag(box, 200, 0, 100, 100));
        // Dragging the left edge past the right one stops at the smallest box.
        assertEquals(new Rectangle(40 - BoxGrip.MIN_SIZE, 20, BoxGrip.MIN_SIZE, 40), BoxGrip.WEST.drag(box, 80, 0, 100, 100));
        assertEquals(new Rectangle(10, 20, 30, BoxGrip.MIN_SIZE), BoxGrip.SOUTH.drag(box, 0, -90, 100, 100));
        assertEquals(box, BoxGrip.NONE.drag(box, 10, 10, 100, 100));
    }
}
