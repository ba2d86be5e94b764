package tessera.app.form;

import javafx.collections.FXCollections;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.DefaultPropertyEditorFactory;
import org.controlsfx.property.editor.Editors;
import org.controlsfx.property.editor.PropertyEditor;

import java.util.List;

/** A property sheet for {@link FormItem}s: drop-downs for choices, an id on every editor. */
public final class FormSheets {

    private FormSheets() {
    }

    public static PropertySheet create(List<FormItem> items) {
        PropertySheet sheet = new PropertySheet(FXCollections.observableArrayList(items));
        sheet.setMode(PropertySheet.Mode.CATEGORY);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        DefaultPropertyEditorFactory defaults = new DefaultPropertyEditorFactory();
        sheet.setPropertyEditorFactory(item -> {
            PropertyEditor<?> editor;
            if (item instanceof FormItem f && !f.choices().isEmpty()) {
                editor = Editors.createChoiceEditor(item, f.choices());
            } else {
                editor = defaults.call(item);
            }
            if (item instanceof FormItem f && editor != null) {
                editor.getEditor().setId("field-" + f.key());
            }
            return editor;
        });
        return sheet;
    }
}
