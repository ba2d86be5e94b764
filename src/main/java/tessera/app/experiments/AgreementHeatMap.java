package tessera.app.experiments;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

import java.util.Locale;

/** An agreement matrix drawn as a heat map: darker blue where two members agree more often. */
final class AgreementHeatMap extends GridPane {

    private static final double CELL = 46;
    private static final Color LOW = Color.web("#f6f8fa");
    private static final Color HIGH = Color.web("#1f4e99");

    AgreementHeatMap() {
        setId("agreement-heat-map");
        setHgap(2);
        setVgap(2);
        setAlignment(Pos.CENTER);
    }

    void show(AgreementMatrix matrix) {
        getChildren().clear();
        if (matrix == null) {
            return;
        }
        int n = matrix.members().size();
        double min = 1;
        for (double[] row : matrix.agreement()) {
            for (double v : row) {
                min = Double.isNaN(v) ? min : Math.min(min, v);
            }
        }
        for (int k = 0; k < n; k++) {
            add(header(matrix.members().get(k)), k + 1, 0);
            add(header(matrix.members().get(k)), 0, k + 1);
        }
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                add(cell(matrix.agreement()[a][b], min), b + 1, a + 1);
            }
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.setMinWidth(CELL);
        label.setAlignment(Pos.CENTER);
        return label;
    }

    private static StackPane cell(double value, double min) {
        // Scale from the lowest agreement shown, so that small differences between members stay visible.
        double t = Double.isNaN(value) ? 0 : min >= 1 ? 1 : (value - min) / (1 - min);
        Color fill = LOW.interpolate(HIGH, 0.15 + 0.85 * t);
        Rectangle square = new Rectangle(CELL, CELL, fill);
        Label text = new Label(Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value));
        text.getStyleClass().add("agreement-cell-text");
        text.setTextFill(t > 0.5 ? Color.WHITE : Color.BLACK);
        StackPane cell = new StackPane(square, text);
        cell.getStyleClass().add("agreement-cell");
        return cell;
    }
}
