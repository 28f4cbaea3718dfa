package dev.byline.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings as a person typed them: text by field name ({@link SettingField#name}), and the version of the
 * settings the form was made from. A field left out keeps its value; an unticked checkbox is sent as "".
 */
public record SettingsForm(Map<String, String> values, long version) {

    public SettingsForm {
        values = Map.copyOf(values);
    }

    /** The form for {@code settings} as stored at {@code version}: every field's text. */
    static SettingsForm of(Settings settings, long version) {
        var values = new LinkedHashMap<String, String>();
        SettingFields.ALL.forEach(field -> values.put(field.name(), field.text(settings)));
        return new SettingsForm(values, version);
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    /** The same form with one field typed differently. */
    public SettingsForm with(String name, String value) {
        var changed = new LinkedHashMap<>(values);
        changed.put(name, value);
        return new SettingsForm(changed, version);
    }
}
