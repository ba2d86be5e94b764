package tessera.app;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The strip at the bottom: device in use, workspace, active models and the last problem. */
final class StatusBar extends HBox {

    StatusBar(MainViewModel model, ObservableValue<String> lastProblem) {
        getStyleClass().add("status-bar");
        Label device = label("status-device", model.deviceText());
        Label workspace = label("status-workspace", model.workspaceText());
        Label models = label("status-models", model.activeModelsText());
        Label problem = label("status-problem", lastProblem);
        problem.getStyleClass().add("status-problem");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        getChildren().addAll(device, separator(), workspace, separator(), models, spring, problem);
    }

    private static Label label(String id, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
