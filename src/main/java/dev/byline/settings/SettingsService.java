package dev.byline.settings;

import dev.byline.account.Activity;
import dev.byline.account.ActivityLog;
import dev.byline.account.Actor;
import dev.byline.account.Capability;
import dev.byline.account.Policy;
import dev.byline.change.ChangeFeed;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.change.Keys;
import dev.byline.error.Conflict;
import dev.byline.error.Invalid;
import dev.byline.mail.Outbox;
import dev.byline.media.Media;
import dev.byline.media.MediaService;
import dev.byline.media.MediaService.Upload;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The site's settings: {@link #current} for every page and service that reads them (from memory), {@link #save}
 * for administrators. A save checks every field, then writes what changed through the change feed, each changed
 * setting with its activity-log entry, in one transaction; when pages show what changed, the change announces
 * {@link Keys#ALL} and every node drops every page. Every node reads the new settings before its pages go (see
 * {@link LiveSettings}).
 */
public final class SettingsService {

    /** The change feed's kind for a save; {@link LiveSettings} reloads on it. */
    public static final String CHANGED = "settings.changed";
    /** The field a refused logo upload's message is given for. */
    public static final String LOGO_FILE = "logo_file";

    /**
     * What a save did.
     *
     * @param changed the labels of the settings that changed, in the page's order (empty: nothing did)
     */
    public record Saved(Settings settings, long version, List<String> changed) {
        public boolean nothing() {
            return changed.isEmpty();
        }
    }

    private final SettingsStore store;
    private final LiveSettings live;
    private final ChangeFeed changes;
    private final ActivityLog activity;
    private final MediaService media;
    private final Outbox mail;
    private final Clock clock;

    /**
     * @param media where the logo is checked for, uploaded to and found
     * @param mail  for the test message, and what the settings page says about mail
     */
    public SettingsService(SettingsStore store, LiveSettings live, ChangeFeed changes, ActivityLog activity,
                           MediaService media, Outbox mail, Clock clock) {
        this.store = store;
        this.live = live;
        this.changes = changes;
        this.activity = activity;
        this.media = media;
        this.mail = mail;
        this.clock = clock;
    }

    /** The settings in force on this node: from memory, cheap enough for every page render. */
    public Settings current() {
        return live.get();
    }

    /**
     * Where mail goes and the messages waiting to be sent (addresses, subjects, the last error), for the settings
     * page.
     */
    public record MailStatus(String delivery, List<Outbox.Waiting> waiting) {
    }

    public MailStatus mail(Actor actor) {
        Policy.require(actor, Capability.MANAGE_SETTINGS, "see the site's mail");
        return new MailStatus(mail.describe(), mail.waiting());
    }

    /**
     * Sends a message to {@code to} at once, past the queue, to see whether the site can send mail. Never throws
     * for a mail problem: the answer says in a sentence whether the server took it, or why not.
     */
    public Outbox.Attempt sendTestMessage(Actor actor, String to) {
        Policy.require(actor, Capability.MANAGE_SETTINGS, "send a test message");
        String title = current().siteTitle();
        return mail.sendNow(to == null ? "" : to.strip(), "Test message from " + title, """
                This is a test message from %s, sent by %s from the settings page.

                If you can read it, the site can send mail: invitations and password resets will arrive.
                """.formatted(title, actor.name()));
    }

    /** The logo's image, for the settings page to show; empty when there is none or it is gone. */
    public Optional<Media> logoImage() {
        return current().logo().flatMap(media::find);
    }

    /** What the settings page starts from: every setting's stored text and the version they are at. */
    public SettingsForm form(Actor actor) {
        Policy.require(actor, Capability.MANAGE_SETTINGS, "change the site's settings");
        var stored = store.load();
        return SettingsForm.of(LiveSettings.from(stored, live.defaults()), stored.version());
    }

    /**
     * Checks every field and saves what changed. Nothing changed: nothing is written. A logo uploaded with the
     * form is stored (once every field is right) and becomes the logo.
     *
     * @throws dev.byline.error.Forbidden unless the actor may manage settings
     * @throws Invalid                    with a message for each field that is wrong; nothing saved
     * @throws Conflict                   someone saved the settings after {@code form} was made; nothing saved
     */
    public Saved save(Actor actor, SettingsForm form) {
        Policy.require(actor, Capability.MANAGE_SETTINGS, "change the site's settings");
        Map<SettingField<?>, Object> typed = check(form);
        var stored = store.load();
        Settings before = LiveSettings.from(stored, live.defaults());
        Settings after = consistent(merged(before, typed));
        if (form.logoUpload().isPresent()) {
            typed.put(SettingFields.LOGO, Optional.of(upload(form.logoUpload().get(), after).id()));
            after = merged(before, typed);
        }
        if (changed(before, after).isEmpty()) {
            return new Saved(before, stored.version(), List.of());
        }
        return changes.write(CHANGED, handle -> {
            long now = clock.millis();
            if (!store.claim(handle, form.version(), now)) {
                throw new Conflict("Someone saved the settings after you opened this page, so yours were not saved. "
                        + "What you typed is below: check it and save again.");
            }
            // the settings as of the version claimed: what the form was made from
            Settings was = LiveSettings.from(store.load(handle), live.defaults());
            Settings next = consistent(merged(was, typed));
            List<SettingField<?>> changed = changed(was, next);
            for (SettingField<?> field : changed) {
                store.put(handle, field.name(), field.text(next), now);
                activity.record(handle, actor, Activity.SETTINGS_CHANGED, field.label(), change(field, was, next),
                        null);
            }
            boolean shown = changed.stream().anyMatch(SettingField::shownOnPages);
            var saved = new Saved(next, form.version() + 1, changed.stream().map(SettingField::label).toList());
            return Written.of(saved, shown ? Set.of(Keys.ALL) : Set.of());
        });
    }

    /** Every field the form has, read and checked; then the rules between fields. */
    private Map<SettingField<?>, Object> check(SettingsForm form) {
        var typed = new LinkedHashMap<SettingField<?>, Object>();
        var errors = new LinkedHashMap<String, String>();
        for (SettingField<?> field : SettingFields.ALL) {
            if (!form.values().containsKey(field.name())) {
                continue;
            }
            try {
                typed.put(field, field.parse(form.values().get(field.name())));
            } catch (SettingField.Refused refused) {
                errors.put(field.name(), refused.getMessage());
            }
        }
        if (typed.get(SettingFields.LOGO) instanceof Optional<?> logo && logo.orElse(null) instanceof Long id
                && media.find(id).isEmpty()) {
            errors.put(SettingFields.LOGO.name(), "There is no image " + id + ". Upload it first, or leave "
                    + "this empty for no logo.");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return typed;
    }

    /** Stores a new logo, named by the site's title; a file that is not a usable image is the field's error. */
    private Media upload(Upload upload, Settings settings) {
        try {
            return media.store(new Upload(upload.bytes(), upload.fileName(), settings.siteTitle(), "", ""));
        } catch (Invalid invalid) {
            throw new Invalid(Map.of(LOGO_FILE, String.join(" ", invalid.fieldErrors().values())));
        }
    }

    /** The rules between fields, once each field is right on its own. */
    private static Settings consistent(Settings settings) {
        Map<String, String> errors = SettingFields.across(settings);
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return settings;
    }

    /** {@code base} with the typed values in place of its own. */
    private static Settings merged(Settings base, Map<SettingField<?>, Object> typed) {
        return Settings.of(new Settings.Values() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get(SettingField<T> field) {
                return typed.containsKey(field) ? (T) typed.get(field) : field.read(base);
            }
        });
    }

    private static List<SettingField<?>> changed(Settings before, Settings after) {
        return SettingFields.ALL.stream().filter(field -> !field.text(before).equals(field.text(after))).toList();
    }

    /** {@code “Byline Daily” → “The Harbour Times”}: for the activity log. */
    private static <T> String change(SettingField<T> field, Settings before, Settings after) {
        return field.describe(field.read(before)) + " → " + field.describe(field.read(after));
    }
}
