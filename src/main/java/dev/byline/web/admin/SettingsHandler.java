package dev.byline.web.admin;

import dev.byline.account.Capability;
import dev.byline.account.Policy;
import dev.byline.demo.DemoRemoval;
import dev.byline.demo.DemoStore;
import dev.byline.error.BadRequest;
import dev.byline.error.Conflict;
import dev.byline.error.Invalid;
import dev.byline.mail.Mail;
import dev.byline.media.MediaService.Upload;
import dev.byline.settings.SettingField;
import dev.byline.settings.SettingFields;
import dev.byline.settings.SettingsForm;
import dev.byline.settings.SettingsService;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * /admin/settings: the site's settings, and the demo content's removal. Administrators only: each handler asks
 * {@link Policy} first (the route's refusal, a 403 page), and the services ask again.
 */
final class SettingsHandler {

    static final String PATH = "/admin/settings";
    /** The test message's address field. */
    static final String TEST_TO = "test_to";
    private static final String SETTINGS = "change the site's settings";

    private final SettingsService settings;
    private final DemoRemoval demo;
    private final SettingsPages pages;
    private final Doors doors;

    SettingsHandler(SettingsService settings, DemoRemoval demo, SettingsPages pages, Doors doors) {
        this.settings = settings;
        this.demo = demo;
        this.pages = pages;
        this.doors = doors;
    }

    void form(Context ctx, AdminRequest request) {
        Policy.require(request.actor(), Capability.MANAGE_SETTINGS, SETTINGS);
        SettingsForm stored = settings.form(request.actor());
        pages.show(ctx, request, withTestTo(stored.values(), request.user().email(), Map.of()), stored.version(), null,
                List.of(), 200);
    }

    void testMessage(Context ctx, AdminRequest request) {
        Policy.require(request.actor(), Capability.MANAGE_SETTINGS, "send a test message");
        String to = Optional.ofNullable(ctx.formParam(TEST_TO)).orElse("");
        var attempt = settings.sendTestMessage(request.actor(), to);
        if (attempt.delivered()) {
            doors.flash(ctx, attempt.message());
            ctx.redirect(PATH);
            return;
        }
        // a wrong address is the person's to correct (422); a server that failed is not (502)
        SettingsForm stored = settings.form(request.actor());
        pages.show(ctx, request, withTestTo(stored.values(), to, Map.of(TEST_TO, attempt.message())), stored.version(), null,
                List.of(), Mail.isAddress(to) ? 502 : 422);
    }

    /** The settings as the form shows them, with the test message's address. */
    private static AdminViews.Form withTestTo(Map<String, String> settings, String testTo,
                                              Map<String, String> errors) {
        var values = new LinkedHashMap<>(settings);
        values.put(TEST_TO, testTo);
        return new AdminViews.Form(values, errors);
    }

    void save(Context ctx, AdminRequest request) {
        Policy.require(request.actor(), Capability.MANAGE_SETTINGS, SETTINGS);
        Map<String, String> typed = typed(ctx);
        long version = version(ctx);
        try {
            var saved = settings.save(request.actor(), new SettingsForm(typed, version, logoUpload(ctx)));
            doors.flash(ctx, saved.nothing() ? "Nothing changed."
                    : "Settings saved: " + String.join(", ", saved.changed()) + ".");
            ctx.redirect(PATH);
        } catch (Invalid invalid) {
            pages.show(ctx, request, withTestTo(typed, request.user().email(), invalid.fieldErrors()), version,
                    "Nothing was saved. Please correct what is marked below.", List.of(), 422);
        } catch (Conflict conflict) {
            // what they typed stays; saving again now goes over what the other person saved, knowingly
            pages.show(ctx, request, withTestTo(typed, request.user().email(), Map.of()),
                    settings.form(request.actor()).version(), conflict.getMessage(), List.of(), 409);
        }
    }

    void removeDemo(Context ctx, AdminRequest request) {
        Policy.require(request.actor(), Capability.MANAGE_SETTINGS, "remove the demo content");
        boolean keepUsed = "on".equals(ctx.formParam("keep_used"));
        try {
            var removed = demo.remove(request.actor(), keepUsed);
            doors.flash(ctx, removed.nothing() ? "There is no demo content to remove."
                    : "Removed the demo content: " + removed.describe() + ".");
            ctx.redirect(PATH);
        } catch (DemoRemoval.InUse inUse) {
            SettingsForm stored = settings.form(request.actor());
            pages.show(ctx, request, withTestTo(stored.values(), request.user().email(), Map.of()), stored.version(), null,
                    inUse.uses().stream().map(DemoStore.Use::describe).toList(), 409);
        }
    }

    /** Every setting's field as sent; a checkbox left unticked is not sent at all, and means "off". */
    private static Map<String, String> typed(Context ctx) {
        var typed = new LinkedHashMap<String, String>();
        for (SettingField<?> field : SettingFields.ALL) {
            String value = ctx.formParam(field.name());
            typed.put(field.name(), value == null ? "" : value);
        }
        return typed;
    }

    private static long version(Context ctx) {
        String version = ctx.formParam("version");
        if (version == null || !version.matches("\\d{1,18}")) {
            throw new BadRequest("This form is incomplete. Reload the settings page and try again.");
        }
        return Long.parseLong(version);
    }

    /** The logo file chosen, if one was (a file input left empty still sends an empty part). */
    private static Optional<Upload> logoUpload(Context ctx) {
        if (!ctx.isMultipartFormData()) {
            return Optional.empty();
        }
        UploadedFile file = ctx.uploadedFile(SettingsService.LOGO_FILE);
        if (file == null || file.size() == 0) {
            return Optional.empty();
        }
        try (var content = file.content()) {
            return Optional.of(new Upload(content.readAllBytes(), file.filename(), "", "", ""));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded logo", e);
        }
    }
}
