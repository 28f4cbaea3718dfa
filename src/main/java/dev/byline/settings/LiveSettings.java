package dev.byline.settings;

import dev.byline.change.Change;
import dev.byline.settings.SettingsStore.Stored;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings in force on this node, in memory (every page render reads them): read at start, and read again
 * after every settings change, this node's or (on PostgreSQL, through the change follower) another node's. The
 * composition root subscribes {@link #onChange} before the page cache, so by the time the cache drops its pages the
 * new settings are here, and a page rendered after the drop shows them.
 */
public final class LiveSettings {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSettings.class);

    /** The settings and the stored version they were read at. */
    record Loaded(Settings settings, long version) {
    }

    private final SettingsStore store;
    private final Settings defaults;
    private volatile Loaded loaded;

    /** Reads the stored settings now. */
    public LiveSettings(SettingsStore store, Settings defaults) {
        this.store = store;
        this.defaults = defaults;
        reload();
    }

    public Settings get() {
        return loaded.settings();
    }

    long version() {
        return loaded.version();
    }

    Settings defaults() {
        return defaults;
    }

    /** For the change feed: a settings change, or a reset (a follower that cannot know what it missed). */
    public void onChange(Change change) {
        if (change.isReset() || SettingsService.CHANGED.equals(change.kind())) {
            reload();
        }
    }

    /** Reads are one at a time, so a slower read can never put older settings over newer ones. */
    synchronized void reload() {
        Stored stored = store.load();
        loaded = new Loaded(from(stored, defaults), stored.version());
    }

    /**
     * The stored settings over the defaults. A stored value that no longer reads (edited by hand, or a choice a
     * later version dropped) gives way to the default, with a warning, rather than stopping the site.
     */
    static Settings from(Stored stored, Settings defaults) {
        return Settings.of(new Settings.Values() {
            @Override
            public <T> T get(SettingField<T> field) {
                String text = stored.values().get(field.name());
                if (text == null) {
                    return field.read(defaults);
                }
                try {
                    return field.parse(text);
                } catch (SettingField.Refused refused) {
                    LOG.warn("the stored setting {} ({}) does not read: {} The default is used.", field.name(), text,
                            refused.getMessage());
                    return field.read(defaults);
                }
            }
        });
    }
}
