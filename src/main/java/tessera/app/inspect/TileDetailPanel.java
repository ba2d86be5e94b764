package tessera.app.inspect;

import javafx.geometry.HPos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import java.util.Locale;
import java.util.Map;

/**
 * What every model said about the selected tile: a bar per teacher, the student and each of its
 * heads, then the fused value under every method (the method in use marked).
 */
final class TileDetailPanel extends VBox {

    private final InspectViewModel model;
    private final Label heading = new Label("Click a tile or a finding");
    private final Label summary = new Label();
    private final CategoryAxis names = new CategoryAxis();
    private final NumberAxis probability = new NumberAxis(0, 1, 0.25);
    private final BarChart<String, Number> chart = new BarChart<>(names, probability);
    private final GridPane fused = new GridPane();

    TileDetailPanel(InspectViewModel model) {
        this.model = model;
        setId("tile-detail");
        getStyleClass().add("side-section");
        setSpacing(4);
        heading.getStyleClass().add("section-title");
        summary.setId("tile-summary");
        summary.setWrapText(true);
        chart.setId("tile-votes");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(170);
        chart.setMinHeight(150);
        chart.setCategoryGap(6);
        chart.setBarGap(1);
        probability.setLabel("P(corrosion)");
        probability.setTickLabelFormatter(new NumberAxis.DefaultFormatter(probability) {
            @Override
            public String toString(Number n) {
                return String.format(Locale.ROOT, "%.2f", n.doubleValue());
            }
        });
        fused.setId("tile-fused");
        fused.setHgap(10);
        fused.setVgap(1);
        ColumnConstraints right = new ColumnConstraints();
        right.setHalignment(HPos.RIGHT);
        fused.getColumnConstraints().addAll(new ColumnConstraints(), right, new ColumnConstraints(), right);
        Label key = new Label("T1..: teachers · S: student · h1..: its heads");
        key.getStyleClass().add("hint");
        key.visibleProperty().bind(chart.visibleProperty());
        key.managedProperty().bind(chart.visibleProperty());
        getChildren().addAll(heading, summary, chart, key, fused);
        model.tileDetailProperty().addListener((o, was, now) -> show(now));
        model.fusionMethodProperty().addListener((o, was, now) -> show(model.tileDetailProperty().get()));
        show(null);
    }

    private void show(TileDetail d) {
        chart.getData().clear();
        fused.getChildren().clear();
        chart.setVisible(d != null);
        chart.setManaged(d != null);
        if (d == null) {
            heading.setText("Tile");
            summary.setText("Click a tile on any map, or a finding, to see how each model voted.");
            return;
        }
        heading.setText(String.format(Locale.ROOT, "Tile %d at %d,%d (%d px)", d.tile(), d.box().x, d.box().y, d.box().width));
        summary.setText(String.format(Locale.ROOT, "Votes %d of %d at threshold %.2f · spread %.3f · student %.3f",
                d.votes(), d.teachers().length, model.thresholdProperty().get(), d.disagreement(), d.student()));
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (int t = 0; t < d.teachers().length; t++) {
            series.getData().add(new XYChart.Data<>("T" + (t + 1), d.teachers()[t]));
        }
        series.getData().add(new XYChart.Data<>("S", d.student()));
        if (d.heads().length > 1) {
            for (int h = 0; h < d.heads().length; h++) {
                series.getData().add(new XYChart.Data<>("h" + (h + 1), d.heads()[h]));
            }
        }
        chart.getData().add(series);
        for (XYChart.Data<String, Number> bar : series.getData()) {
            String kind = bar.getXValue().startsWith("T") ? "bar-teacher" : bar.getXValue().equals("S") ? "bar-student" : "bar-head";
            if (bar.getNode() != null) {
                bar.getNode().getStyleClass().add(kind);
            }
        }
        Label title = new Label("Fused under each method");
        title.getStyleClass().add("hint");
        fused.add(title, 0, 0, 4, 1);
        int i = 0;
        String current = model.fusionMethodProperty().get().id();
        for (Map.Entry<String, Float> e : d.fused().entrySet()) {
            Label name = new Label(e.getKey());
            Label value = new Label(String.format(Locale.ROOT, "%.3f", e.getValue()));
            if (e.getKey().equals(current)) {
                name.getStyleClass().add("current-method");
                value.getStyleClass().add("current-method");
            }
            int col = (i % 2) * 2;
            int row = 1 + i / 2;
            fused.add(name, col, row);
            fused.add(value, col + 1, row);
            i++;
        }
    }
}
