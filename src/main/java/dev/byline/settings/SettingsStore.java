package dev.byline.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The SQL of the settings: rows of the {@code settings} table (V003), one per setting an administrator saved
 * (a setting never saved has no row and takes its default), and {@value #VERSION}, raised by every save so a form
 * made from an older version cannot silently undo what someone saved since.
 */
public final class SettingsStore {

    static final String VERSION = "settings_version";

    /** The stored text of each saved setting, by name, and the version they are at (0: never saved). */
    record Stored(Map<String, String> values, long version) {
    }

    private final Jdbi jdbi;

    public SettingsStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Stored load() {
        return jdbi.withHandle(this::load);
    }

    Stored load(Handle handle) {
        var names = Stream.concat(SettingFields.ALL.stream().map(SettingField::name), Stream.of(VERSION)).toList();
        var values = new LinkedHashMap<String, String>();
        handle.createQuery("SELECT name, value FROM settings WHERE name IN (<names>)")
                .bindList("names", names)
                .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value")))
                .forEach(row -> values.put(row.getKey(), row.getValue()));
        String version = values.remove(VERSION);
        return new Stored(Map.copyOf(values), version == null ? 0 : Long.parseLong(version));
    }

    /**
     * Moves the version from {@code expected} to the next, or changes nothing and answers false when it is not at
     * {@code expected} any more. On PostgreSQL the row stays locked until the transaction ends, so of two saves
     * from the same version the second waits, then finds the version moved; SQLite has one writer at a time.
     */
    boolean claim(Handle handle, long expected, long now) {
        handle.createUpdate("""
                        INSERT INTO settings (name, value, updated_at) VALUES (:name, '0', :now)
                        ON CONFLICT (name) DO NOTHING
                        """)
                .bind("name", VERSION).bind("now", now).execute();
        return handle.createUpdate("""
                        UPDATE settings SET value = :next, updated_at = :now
                        WHERE name = :name AND value = :expected
                        """)
                .bind("name", VERSION).bind("expected", String.valueOf(expected))
                .bind("next", String.valueOf(expected + 1)).bind("now", now).execute() == 1;
    }

    void put(Handle handle, String name, String value, long now) {
        handle.createUpdate("""
                        INSERT INTO settings (name, value, updated_at) VALUES (:name, :value, :now)
                        ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                        """)
                .bind("name", name).bind("value", value).bind("now", now).execute();
    }

}
