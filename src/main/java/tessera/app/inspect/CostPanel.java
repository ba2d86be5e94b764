package tessera.app.inspect;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The cost made visible: time and parameters of the ensemble against the student, as bars. */
final class CostPanel extends VBox {

    private static final double BAR = 150;

    private final Label time = new Label();
    private final Label parameters = new Label();
    private final Region ensembleTime = bar("cost-bar-ensemble");
    private final Region studentTime = bar("cost-bar-student");
    private final Label ensembleTimeText = new Label();
    private final Label studentTimeText = new Label();

    CostPanel(InspectViewModel model) {
        setId("cost");
        getStyleClass().add("side-section");
        setSpacing(4);
        Label heading = new Label("Cost on this image");
        heading.getStyleClass().add("section-title");
        time.setId("cost-time");
        time.setWrapText(true);
        parameters.setId("cost-parameters");
        parameters.setWrapText(true);
        getChildren().addAll(heading, row("Ensemble", ensembleTime, ensembleTimeText), row("Student", studentTime, studentTimeText),
                time, parameters);
        model.costProperty().addListener((o, was, now) -> show(now));
        show(null);
    }

    private static Region bar(String styleClass) {
        Region r = new Region();
        r.getStyleClass().addAll("cost-bar", styleClass);
        r.setMinHeight(12);
        r.setMaxHeight(12);
        return r;
    }

    private static HBox row(String name, Region bar, Label value) {
        Label label = new Label(name);
        label.setMinWidth(64);
        StackPane track = new StackPane(bar);
        track.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        track.setMinWidth(BAR);
        track.setMaxWidth(BAR);
        HBox box = new HBox(6, label, track, value);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(value, Priority.ALWAYS);
        return box;
    }

    private void show(CostSummary c) {
        setVisible(c != null);
        setManaged(c != null);
        if (c == null) {
            return;
        }
        long max = Math.max(1, Math.max(c.ensembleMillis(), c.studentMillis()));
        ensembleTime.setMinWidth(Math.max(2, BAR * c.ensembleMillis() / max));
        ensembleTime.setMaxWidth(ensembleTime.getMinWidth());
        studentTime.setMinWidth(Math.max(2, BAR * c.studentMillis() / max));
        studentTime.setMaxWidth(studentTime.getMinWidth());
        ensembleTimeText.setText(String.format(Locale.ROOT, "%,d ms", c.ensembleMillis()));
        studentTimeText.setText(String.format(Locale.ROOT, "%,d ms", c.studentMillis()));
        time.setText(c.timeText());
        parameters.setText(c.parameterText());
    }
}
