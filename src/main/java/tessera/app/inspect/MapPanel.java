package tessera.app.inspect;

import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import tessera.report.FindingReview;
import tessera.report.MapImages;

import java.awt.Rectangle;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One synchronised panel: the photograph (from its pyramid) with one map laid over it, the selected
 * tile, the shared cursor and optionally the findings' boxes. Scroll zooms at the pointer, drag
 * pans, a click selects the tile under it, a double click fits the image; every panel follows.
 */
final class MapPanel extends VBox {

    private static final Color CURSOR = Color.web("#00e5ff");

    private final InspectViewModel model;
    private final PhotoTextures photo;
    private final ObjectProperty<LayerImages> layers;
    private final Function<LayerImages, Image> layer;
    private final boolean boxes;
    private final Canvas canvas = new Canvas();
    private final BooleanProperty drawMode = new SimpleBooleanProperty(false);
    private Consumer<Rectangle> onDrawn = r -> { };
    private Consumer<Point2D> onClick = p -> { };
    private BiConsumer<Integer, Rectangle> onAdjusted;
    /** While the selected finding's box is dragged: which grip, the box as it was, and as it is now. */
    private BoxGrip grip = BoxGrip.NONE;
    private FindingReview gripped;
    private Rectangle adjusting;
    private boolean drawScheduled;
    private double pressX;
    private double pressY;
    private Viewport pressViewport;
    private boolean dragged;
    private Rectangle2D rubberBand;

    MapPanel(InspectViewModel model, PhotoTextures photo, ObjectProperty<LayerImages> layers, String title,
             Function<LayerImages, Image> layer, boolean boxes) {
        this.model = model;
        this.photo = photo;
        this.layers = layers;
        this.layer = layer;
        this.boxes = boxes;
        getStyleClass().add("map-panel");
        Label heading = new Label(title);
        heading.getStyleClass().add("map-panel-title");
        heading.setMaxWidth(Double.MAX_VALUE);
        Pane holder = new Pane(canvas);
        holder.getStyleClass().add("map-canvas");
        holder.setMinSize(40, 40);
        holder.setPrefSize(200, 150);
        VBox.setVgrow(holder, Priority.ALWAYS);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        getChildren().addAll(heading, holder);
        for (Observable o : new Observable[] {canvas.widthProperty(), canvas.heightProperty(), model.viewportProperty(),
                model.cursorProperty(), model.opacityProperty(), model.selectedTileProperty(), model.inspectionProperty(),
                layers, model.review().rows(), model.review().selectedProperty(), photo.readyProperty()}) {
            o.addListener(x -> scheduleDraw());
        }
        canvas.setOnScroll(this::scrolled);
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnMouseMoved(e -> {
            model.cursorProperty().set(toImage(e.getX(), e.getY()));
            showGripCursor(e.getX(), e.getY());
        });
        canvas.setOnMouseExited(e -> model.cursorProperty().set(null));
    }

    Canvas canvas() {
        return canvas;
    }

    /** While on, dragging draws a box (a finding the model missed) instead of panning. */
    BooleanProperty drawModeProperty() {
        return drawMode;
    }

    void onDrawn(Consumer<Rectangle> action) {
        onDrawn = action;
    }

    void onClick(Consumer<Point2D> action) {
        onClick = action;
    }

    /** Lets the inspector drag the selected finding's box (inside: move; edge or corner: resize); called on release. */
    void onAdjusted(BiConsumer<Integer, Rectangle> action) {
        onAdjusted = action;
    }

    /** The selected finding's box, when this panel lets it be dragged. */
    private Optional<FindingReview> adjustable() {
        if (onAdjusted == null || !boxes || drawMode.get()) {
            return Optional.empty();
        }
        return model.review().find(model.review().selectedProperty().get());
    }

    /** The grip under the screen point (x, y) of the selected finding's box; grips are 6 screen pixels wide. */
    private BoxGrip gripAt(FindingReview f, double x, double y) {
        Point2D a = toScreen(f.x(), f.y());
        Point2D b = toScreen(f.x() + f.width(), f.y() + f.height());
        return BoxGrip.at(a.getX(), a.getY(), b.getX(), b.getY(), x, y, 6);
    }

    private void showGripCursor(double x, double y) {
        BoxGrip g = pyramid() == null ? BoxGrip.NONE : adjustable().map(f -> gripAt(f, x, y)).orElse(BoxGrip.NONE);
        canvas.setCursor(Cursor.cursor(g.cursorName()));
    }

    private ImagePyramid pyramid() {
        Inspection i = model.inspectionProperty().get();
        return i == null ? null : i.pyramid();
    }

    private double scale() {
        ImagePyramid p = pyramid();
        return model.viewportProperty().get().screenPerImage(canvas.getWidth(), canvas.getHeight(), p.width(), p.height());
    }

    /** Screen point to image pixels. */
    Point2D toImage(double sx, double sy) {
        if (pyramid() == null) {
            return null;
        }
        Viewport v = model.viewportProperty().get();
        double s = scale();
        return new Point2D(v.centreX() + (sx - canvas.getWidth() / 2) / s, v.centreY() + (sy - canvas.getHeight() / 2) / s);
    }

    /** Image pixels to the screen. */
    Point2D toScreen(double ix, double iy) {
        Viewport v = model.viewportProperty().get();
        double s = scale();
        return new Point2D((ix - v.centreX()) * s + canvas.getWidth() / 2, (iy - v.centreY()) * s + canvas.getHeight() / 2);
    }

    private void scrolled(ScrollEvent e) {
        ImagePyramid p = pyramid();
        if (p == null || e.getDeltaY() == 0) {
            return;
        }
        Point2D at = toImage(e.getX(), e.getY());
        double factor = e.getDeltaY() > 0 ? 1.25 : 0.8;
        model.viewportProperty().set(model.viewportProperty().get().zoomAt(factor, at.getX(), at.getY(), p.width(), p.height()));
        e.consume();
    }

    private void pressed(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        pressViewport = model.viewportProperty().get();
        dragged = false;
        rubberBand = null;
        adjusting = null;
        gripped = pyramid() == null ? null : adjustable().orElse(null);
        grip = gripped == null ? BoxGrip.NONE : gripAt(gripped, pressX, pressY);
    }

    private void dragged(MouseEvent e) {
        ImagePyramid p = pyramid();
        if (p == null) {
            return;
        }
        dragged |= Math.hypot(e.getX() - pressX, e.getY() - pressY) > 3;
        if (grip != BoxGrip.NONE) {
            if (dragged) {
                double s = pressViewport.screenPerImage(canvas.getWidth(), canvas.getHeight(), p.width(), p.height());
                adjusting = grip.drag(new Rectangle(gripped.x(), gripped.y(), gripped.width(), gripped.height()),
                        (e.getX() - pressX) / s, (e.getY() - pressY) / s, p.width(), p.height());
                scheduleDraw();
            }
        } else if (drawMode.get()) {
            rubberBand = new Rectangle2D(Math.min(pressX, e.getX()), Math.min(pressY, e.getY()),
                    Math.abs(e.getX() - pressX), Math.abs(e.getY() - pressY));
            scheduleDraw();
        } else if (dragged) {
            double s = pressViewport.screenPerImage(canvas.getWidth(), canvas.getHeight(), p.width(), p.height());
            model.viewportProperty().set(pressViewport.pan(-(e.getX() - pressX) / s, -(e.getY() - pressY) / s,
                    p.width(), p.height()));
        }
        model.cursorProperty().set(toImage(e.getX(), e.getY()));
    }

    private void released(MouseEvent e) {
        ImagePyramid p = pyramid();
        if (p == null) {
            return;
        }
        if (grip != BoxGrip.NONE && dragged) {
            Rectangle done = adjusting;
            FindingReview f = gripped;
            adjusting = null;
            grip = BoxGrip.NONE;
            scheduleDraw();
            if (done != null && !done.equals(new Rectangle(f.x(), f.y(), f.width(), f.height()))) {
                onAdjusted.accept(f.id(), done);
            }
            return;
        }
        grip = BoxGrip.NONE;
        if (drawMode.get() && rubberBand != null && dragged) {
            Point2D a = toImage(rubberBand.getMinX(), rubberBand.getMinY());
            Point2D b = toImage(rubberBand.getMaxX(), rubberBand.getMaxY());
            int x0 = (int) Math.max(0, Math.floor(a.getX()));
            int y0 = (int) Math.max(0, Math.floor(a.getY()));
            int x1 = (int) Math.min(p.width(), Math.ceil(b.getX()));
            int y1 = (int) Math.min(p.height(), Math.ceil(b.getY()));
            rubberBand = null;
            scheduleDraw();
            if (x1 > x0 && y1 > y0) {
                onDrawn.accept(new Rectangle(x0, y0, x1 - x0, y1 - y0));
            }
            return;
        }
        if (!dragged && e.getButton() == MouseButton.PRIMARY) {
            if (e.getClickCount() == 2) {
                model.viewportProperty().set(Viewport.fit(p.width(), p.height()));
                return;
            }
            Point2D at = toImage(e.getX(), e.getY());
            model.selectTileAt(at.getX(), at.getY());
            onClick.accept(at);
        }
    }

    /** Draws once per pulse however many properties changed. */
    private void scheduleDraw() {
        if (!drawScheduled) {
            drawScheduled = true;
            Platform.runLater(() -> {
                drawScheduled = false;
                draw();
            });
        }
    }

    void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#1c2128"));
        g.fillRect(0, 0, w, h);
        ImagePyramid p = pyramid();
        if (p == null || w < 2 || h < 2) {
            return;
        }
        photo.use(p);
        Viewport v = model.viewportProperty().get();
        double s = scale();
        double x0 = v.centreX() - w / 2 / s;
        double y0 = v.centreY() - h / 2 / s;
        double ix0 = Math.max(0, x0);
        double iy0 = Math.max(0, y0);
        double ix1 = Math.min(p.width(), x0 + w / s);
        double iy1 = Math.min(p.height(), y0 + h / s);
        if (ix1 <= ix0 || iy1 <= iy0) {
            return;
        }
        double dx = (ix0 - x0) * s;
        double dy = (iy0 - y0) * s;
        double dw = (ix1 - ix0) * s;
        double dh = (iy1 - iy0) * s;
        int k = p.levelFor(s);
        g.setImageSmoothing(true);
        if (p.fitsTexture(k)) {
            // Until level k is converted, the nearest coarser level stands in (briefly softer).
            int shown = photo.available(k);
            double ls = p.scale(shown);
            g.drawImage(photo.level(shown), ix0 * ls, iy0 * ls, (ix1 - ix0) * ls, (iy1 - iy0) * ls, dx, dy, dw, dh);
        } else {
            double ls = p.scale(k);
            Rectangle r = new Rectangle((int) Math.floor(ix0 * ls), (int) Math.floor(iy0 * ls),
                    (int) Math.ceil((ix1 - ix0) * ls) + 1, (int) Math.ceil((iy1 - iy0) * ls) + 1);
            Image crop = photo.crop(k, r);
            g.drawImage(crop, ix0 * ls - r.x, iy0 * ls - r.y, (ix1 - ix0) * ls, (iy1 - iy0) * ls, dx, dy, dw, dh);
        }
        LayerImages l = layers.get();
        Image overlay = l == null || layer == null ? null : layer.apply(l);
        if (overlay != null) {
            double rs = overlay.getWidth() / p.width();
            g.setImageSmoothing(false);
            g.setGlobalAlpha(model.opacityProperty().get());
            g.drawImage(overlay, ix0 * rs, iy0 * rs, (ix1 - ix0) * rs, (iy1 - iy0) * rs, dx, dy, dw, dh);
            g.setGlobalAlpha(1);
        }
        if (boxes) {
            drawBoxes(g);
        }
        drawSelectedTile(g);
        drawCursor(g, w, h);
        if (rubberBand != null) {
            g.setStroke(Color.WHITE);
            g.setLineWidth(1.5);
            g.setLineDashes(6, 4);
            g.strokeRect(rubberBand.getMinX(), rubberBand.getMinY(), rubberBand.getWidth(), rubberBand.getHeight());
            g.setLineDashes(null);
        }
    }

    private void drawBoxes(GraphicsContext g) {
        int selected = model.review().selectedProperty().get();
        for (FindingReview f : model.review().findings()) {
            // The box being dragged is drawn where the pointer has taken it.
            Rectangle r = adjusting != null && gripped != null && f.id() == gripped.id() ? adjusting
                    : new Rectangle(f.x(), f.y(), f.width(), f.height());
            Point2D a = toScreen(r.x, r.y);
            Point2D b = toScreen(r.x + r.width, r.y + r.height);
            java.awt.Color c = MapImages.colour(f.decision());
            Color colour = Color.rgb(c.getRed(), c.getGreen(), c.getBlue());
            g.setLineWidth(f.id() == selected ? 3.5 : 2);
            g.setLineDashes(f.decision() == tessera.report.Decision.REJECTED ? new double[] {6, 4} : null);
            g.setStroke(Color.BLACK);
            g.strokeRect(a.getX() + 1, a.getY() + 1, b.getX() - a.getX(), b.getY() - a.getY());
            g.setStroke(colour);
            g.strokeRect(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
            g.setLineDashes(null);
            String label = String.valueOf(f.id());
            g.setFill(colour);
            g.fillRect(a.getX(), a.getY() - 16, 8 + 7 * label.length(), 16);
            g.setFill(f.decision() == tessera.report.Decision.ACCEPTED ? Color.WHITE : Color.BLACK);
            g.fillText(label, a.getX() + 4, a.getY() - 4);
        }
    }

    private void drawSelectedTile(GraphicsContext g) {
        Inspection i = model.inspectionProperty().get();
        int tile = model.selectedTileProperty().get();
        if (i == null || i.result().isEmpty() || tile < 0 || tile >= i.result().get().tiles()) {
            return;
        }
        Rectangle r = i.result().get().grid().tile(tile);
        Point2D a = toScreen(r.x, r.y);
        Point2D b = toScreen(r.x + r.width, r.y + r.height);
        g.setLineWidth(2);
        g.setStroke(Color.WHITE);
        g.setLineDashes(4, 3);
        g.strokeRect(a.getX(), a.getY(), b.getX() - a.getX(), b.getY() - a.getY());
        g.setLineDashes(null);
    }

    private void drawCursor(GraphicsContext g, double w, double h) {
        Point2D c = model.cursorProperty().get();
        if (c == null) {
            return;
        }
        Point2D at = toScreen(c.getX(), c.getY());
        if (at.getX() < 0 || at.getY() < 0 || at.getX() > w || at.getY() > h) {
            return;
        }
        g.setStroke(CURSOR);
        g.setLineWidth(1.5);
        g.strokeLine(at.getX() - 10, at.getY(), at.getX() - 3, at.getY());
        g.strokeLine(at.getX() + 3, at.getY(), at.getX() + 10, at.getY());
        g.strokeLine(at.getX(), at.getY() - 10, at.getX(), at.getY() - 3);
        g.strokeLine(at.getX(), at.getY() + 3, at.getX(), at.getY() + 10);
    }
}
