package tessera.app;

import javafx.scene.chart.NumberAxis;
import javafx.util.StringConverter;

/** Chart pieces the views share. */
public final class Charts {

    private Charts() {
    }

    /** An epoch axis: whole epochs only, no 1.25. */
    public static NumberAxis epochAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setLabel("epoch");
        axis.setForceZeroInRange(false);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                double v = value.doubleValue();
                return v == Math.rint(v) ? Long.toString((long) v) : "";
            }

            @Override
            public Number fromString(String text) {
                return Double.parseDouble(text);
            }
        });
        return axis;
    }
}
