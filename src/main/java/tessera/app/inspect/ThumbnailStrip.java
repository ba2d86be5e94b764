package tessera.app.inspect;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The opened images as a strip of thumbnails; selecting one shows it. */
final class ThumbnailStrip extends ListView<Path> {

    static final int WIDTH = 112;
    static final int HEIGHT = 64;

    private final Map<Path, Image> thumbnails = new HashMap<>();

    ThumbnailStrip(InspectViewModel model) {
        super(model.images());
        setId("thumbnails");
        getStyleClass().add("thumbnail-strip");
        setOrientation(Orientation.HORIZONTAL);
        setPrefHeight(HEIGHT + 40);
        setMinHeight(HEIGHT + 40);
        setCellFactory(list -> new Cell());
        getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.selectedImageProperty().set(now);
            }
        });
        model.selectedImageProperty().addListener((o, was, now) -> getSelectionModel().select(now));
        model.inspectionProperty().addListener((o, was, now) -> {
            if (now != null && !thumbnails.containsKey(now.image().file())) {
                // TIFFs have no JavaFX decoder: their thumbnail comes from the decoded pyramid.
                thumbnails.put(now.image().file(), javafx.embed.swing.SwingFXUtils.toFXImage(now.pyramid().top(), null));
                refresh();
            }
        });
    }

    private Image thumbnail(Path file) {
        return thumbnails.computeIfAbsent(file, f -> {
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".tif") || name.endsWith(".tiff")) {
                return null;
            }
            return new Image(f.toUri().toString(), WIDTH, HEIGHT, true, true, true);
        });
    }

    private final class Cell extends ListCell<Path> {
        private final ImageView view = new ImageView();
        private final Label name = new Label();
        private final VBox box = new VBox(4, view, name);

        Cell() {
            box.setAlignment(Pos.CENTER);
            box.setPrefWidth(WIDTH + 8);
            view.setFitWidth(WIDTH);
            view.setFitHeight(HEIGHT);
            view.setPreserveRatio(true);
            name.setMaxWidth(WIDTH);
            name.getStyleClass().add("thumbnail-name");
        }

        @Override
        protected void updateItem(Path item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            view.setImage(thumbnail(item));
            name.setText(item.getFileName().toString());
            setGraphic(box);
            setText(null);
        }
    }
}
