package tessera.app.inspect;

import tessera.imaging.ColorMap;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import tessera.fusion.FusionMethod;

import java.util.Locale;

/** Fusion method, threshold, opacity, colour map, fill or contour, and the colour legend. */
final class ControlsPanel extends VBox {

    private final Canvas legend = new Canvas(220, 12);

    ControlsPanel(InspectViewModel model) {
        setId("map-controls");
        getStyleClass().add("side-section");
        setSpacing(6);
        Label heading = new Label("Maps");
        heading.getStyleClass().add("section-title");

        ComboBox<FusionMethod> method = new ComboBox<>();
        method.setId("fusion-method");
        method.getItems().setAll(FusionMethod.values());
        method.valueProperty().bindBidirectional(model.fusionMethodProperty());
        method.setMaxWidth(Double.MAX_VALUE);
        method.setTooltip(new Tooltip("How the teachers' maps are fused: switching re-fuses their stored outputs, no model runs"));

        Slider threshold = slider("threshold", 0, 1, model.thresholdProperty().get());
        // Findings and maps are recomputed when the thumb is let go, not at every pixel of a drag.
        threshold.valueProperty().addListener((o, was, now) -> {
            if (!threshold.isValueChanging()) {
                model.thresholdProperty().set(now.doubleValue());
            }
        });
        threshold.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                model.thresholdProperty().set(threshold.getValue());
            }
        });
        model.thresholdProperty().addListener((o, was, now) -> threshold.setValue(now.doubleValue()));
        Label thresholdValue = value(Bindings.format(Locale.ROOT, "%.2f", threshold.valueProperty()));
        thresholdValue.setId("threshold-value");

        Slider opacity = slider("opacity", 0, 1, model.opacityProperty().get());
        opacity.valueProperty().bindBidirectional(model.opacityProperty());
        Label opacityValue = value(Bindings.format(Locale.ROOT, "%.0f %%", model.opacityProperty().multiply(100)));

        ComboBox<ColorMap> colours = new ComboBox<>();
        colours.setId("colour-map");
        colours.getItems().setAll(ColorMap.values());
        colours.valueProperty().bindBidirectional(model.colourMapProperty());
        colours.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ColorMap m) {
                return m == null ? "" : m.id();
            }

            @Override
            public ColorMap fromString(String id) {
                return ColorMap.parse(id);
            }
        });
        colours.setMaxWidth(Double.MAX_VALUE);

        ToggleGroup style = new ToggleGroup();
        ToggleButton fill = new ToggleButton("Fill");
        fill.setId("style-fill");
        ToggleButton contour = new ToggleButton("Contour");
        contour.setId("style-contour");
        fill.setToggleGroup(style);
        contour.setToggleGroup(style);
        (model.contourProperty().get() ? contour : fill).setSelected(true);
        style.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);
            } else {
                model.contourProperty().set(now == contour);
            }
        });
        HBox styles = new HBox(0, fill, contour);
        styles.getStyleClass().add("segmented");

        ComboBox<MapSource> source = new ComboBox<>();
        source.setId("findings-from");
        source.getItems().setAll(MapSource.values());
        source.valueProperty().bindBidirectional(model.findingsFromProperty());
        source.setMaxWidth(Double.MAX_VALUE);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(86);
        ColumnConstraints controls = new ColumnConstraints();
        controls.setHgrow(Priority.ALWAYS);
        ColumnConstraints values = new ColumnConstraints();
        values.setMinWidth(44);
        grid.getColumnConstraints().addAll(names, controls, values);
        grid.addRow(0, new Label("Fusion"), method);
        grid.addRow(1, new Label("Threshold"), threshold, thresholdValue);
        grid.addRow(2, new Label("Opacity"), opacity, opacityValue);
        grid.addRow(3, new Label("Colours"), colours);
        grid.addRow(4, new Label("Draw"), styles);
        grid.addRow(5, new Label("Findings of"), source);

        Label low = new Label("0");
        Label high = new Label("1");
        low.getStyleClass().add("hint");
        high.getStyleClass().add("hint");
        HBox legendRow = new HBox(6, low, legend, high);
        legendRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        legendRow.setPadding(new Insets(2, 0, 0, 0));
        Label legendHint = new Label("P(corrosion); votes 1..T; spread 0..0.5");
        legendHint.getStyleClass().add("hint");
        getChildren().addAll(heading, grid, legendRow, legendHint);
        model.colourMapProperty().addListener((o, was, now) -> drawLegend(now));
        drawLegend(model.colourMapProperty().get());
    }

    private static Slider slider(String id, double min, double max, double value) {
        Slider s = new Slider(min, max, value);
        s.setId(id);
        s.setBlockIncrement(0.01);
        s.setMaxWidth(Double.MAX_VALUE);
        return s;
    }

    private static Label value(javafx.beans.binding.StringExpression text) {
        Label l = new Label();
        l.textProperty().bind(text);
        l.setMinWidth(44);
        return l;
    }

    private void drawLegend(ColorMap map) {
        GraphicsContext g = legend.getGraphicsContext2D();
        double w = legend.getWidth();
        for (int x = 0; x < w; x++) {
            int rgb = map.rgb(x / (w - 1));
            g.setFill(Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF));
            g.fillRect(x, 0, 1, legend.getHeight());
        }
    }
}
