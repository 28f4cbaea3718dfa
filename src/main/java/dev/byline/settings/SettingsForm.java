package dev.byline.settings;

import dev.byline.media.MediaService.Upload;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The settings as a person typed them: text by field name ({@link SettingField#name}), and the version of the
 * settings the form was made from. A field left out keeps its value; an unticked checkbox is sent as "".
 *
 * @param logoUpload a new logo to store and show, in place of the {@code logo} field's image
 */
public record SettingsForm(Map<String, String> values, long version, Optional<Upload> logoUpload) {

    public SettingsForm {
        values = Map.copyOf(values);
    }

    public SettingsForm(Map<String, String> values, long version) {
        this(values, version, Optional.empty());
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
        return new SettingsForm(changed, version, logoUpload);
    }

    /** The same form with a new logo to upload. */
    public SettingsForm withLogo(Upload upload) {
        return new SettingsForm(values, version, Optional.of(upload));
    }
}
