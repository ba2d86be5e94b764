package tessera.app.form;

import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

import java.util.List;
import java.util.Optional;

/**
 * One row of a ControlsFX {@link PropertySheet} bound to a JavaFX property of a view model;
 * {@code choices} turns it into a drop-down, {@code key} names its editor ("field-KEY") for tests.
 */
public final class FormItem implements PropertySheet.Item {

    private final String key;
    private final String category;
    private final String name;
    private final String description;
    private final Class<?> type;
    private final Property<?> property;
    private final List<String> choices;

    public FormItem(String key, String category, String name, String description, Class<?> type,
                    Property<?> property, List<String> choices) {
        this.key = key;
        this.category = category;
        this.name = name;
        this.description = description;
        this.type = type;
        this.property = property;
        this.choices = choices;
    }

    public static FormItem text(String key, String category, String name, String description, Property<String> p) {
        return new FormItem(key, category, name, description, String.class, p, List.of());
    }

    public static FormItem choice(String key, String category, String name, String description, Property<String> p,
                                  List<String> choices) {
        return new FormItem(key, category, name, description, String.class, p, choices);
    }

    public static FormItem integer(String key, String category, String name, String description, Property<Number> p) {
        return new FormItem(key, category, name, description, Integer.class, p, List.of());
    }

    public static FormItem decimal(String key, String category, String name, String description, Property<Number> p) {
        return new FormItem(key, category, name, description, Double.class, p, List.of());
    }

    public String key() {
        return key;
    }

    public List<String> choices() {
        return choices;
    }

    @Override
    public Class<?> getType() {
        return type;
    }

    @Override
    public String getCategory() {
        return category;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String getDescription() {
        return description;
    }

    @Override
    public Object getValue() {
        Object value = property.getValue();
        if (type == Integer.class && value instanceof Number n) {
            return n.intValue();
        }
        if (type == Double.class && value instanceof Number n) {
            return n.doubleValue();
        }
        return value;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void setValue(Object value) {
        if (value == null) {
            return; // an emptied numeric field keeps the last value rather than becoming zero
        }
        if (type == Integer.class) {
            ((Property<Number>) property).setValue(((Number) value).intValue());
        } else if (type == Double.class) {
            ((Property<Number>) property).setValue(((Number) value).doubleValue());
        } else {
            ((Property<Object>) property).setValue(value);
        }
    }

    @Override
    public Optional<ObservableValue<?>> getObservableValue() {
        return Optional.of(property);
    }
}
