package tessera.app;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

import java.nio.file.Path;

/**
 * The Inspect region until the inspection views land: an honest empty state that opens images,
 * and the list of what is open. The Inspect view replaces this node in {@link WorkstationShell}.
 */
public final class InspectPlaceholder extends VBox {

    public InspectPlaceholder(AppState state, Runnable openImages) {
        getStyleClass().add("empty-state");
        setId("inspect-placeholder");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        Label title = new Label("Open an image");
        title.getStyleClass().add("empty-state-title");
        Label hint = new Label("Fuselage photographs (PNG, JPEG, TIFF): File ▸ Open image(s) or Open folder.");
        hint.getStyleClass().add("empty-state-hint");
        Button open = new Button("Open image(s)…");
        open.setId("open-images");
        open.setDefaultButton(true);
        open.setOnAction(e -> openImages.run());
        ListView<Path> opened = new ListView<>(state.openImages());
        opened.setId("opened-images");
        opened.setMaxWidth(640);
        opened.setPrefHeight(160);
        opened.visibleProperty().bind(Bindings.isNotEmpty(state.openImages()));
        opened.managedProperty().bind(opened.visibleProperty());
        Label models = new Label();
        models.getStyleClass().add("empty-state-hint");
        models.textProperty().bind(Bindings.createStringBinding(
                () -> "Models for inspection: " + state.activeModelsProperty().get().describe(), state.activeModelsProperty()));
        getChildren().addAll(title, hint, open, opened, models);
    }
}
