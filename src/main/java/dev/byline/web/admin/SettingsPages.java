package dev.byline.web.admin;

import dev.byline.settings.SettingField;
import dev.byline.settings.SettingFields;
import dev.byline.settings.Settings;
import dev.byline.settings.SettingsService;
import dev.byline.demo.DemoRemoval;
import io.javalin.http.Context;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/** Builds the settings page's record from the list of settings, and renders it. */
final class SettingsPages {

    private final SettingsService settings;
    private final DemoRemoval demo;
    private final AdminPages pages;

    SettingsPages(SettingsService settings, DemoRemoval demo, AdminPages pages) {
        this.settings = settings;
        this.demo = demo;
        this.pages = pages;
    }

    /**
     * @param formError a message about the whole form, or null
     * @param demoUses  what of the demo the newsroom's content uses, after a refused removal (else empty)
     */
    void show(Context ctx, AdminRequest request, AdminViews.Form form, long version, String formError,
              List<String> demoUses, int status) {
        Settings current = settings.current();
        var groups = new LinkedHashMap<SettingField.Group, List<SettingsViews.Field>>();
        for (SettingField<?> field : SettingFields.ALL) {
            groups.computeIfAbsent(field.group(), group -> new ArrayList<>()).add(field(field, form, current));
        }
        var logo = settings.logoImage().map(image -> new SettingsViews.Logo(image.urlAtLeast(400), image.width(),
                image.height(), image.id())).orElse(null);
        pages.render(ctx, "admin/settings.jte", new SettingsViews.SettingsPage(request.chrome(),
                groups.entrySet().stream().map(group -> new SettingsViews.Group(group.getKey().heading(),
                        group.getValue())).toList(),
                form, version, formError, logo, mail(request, current),
                new SettingsViews.Demo(demo.present(), demoUses)), status);
    }

    private SettingsViews.Mail mail(AdminRequest request, Settings current) {
        var status = settings.mail(request.actor());
        var format = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(current.zone());
        return new SettingsViews.Mail(status.delivery(), status.waiting().stream()
                .map(waiting -> new SettingsViews.Waiting(waiting.to(), waiting.subject(),
                        format.format(waiting.queuedAt()), waiting.attempts(),
                        waiting.lastError() == null ? "" : waiting.lastError()))
                .toList());
    }

    private static SettingsViews.Field field(SettingField<?> field, AdminViews.Form form, Settings current) {
        String value = form.value(field.name());
        String input = switch (field.input()) {
            case TEXT -> "text";
            case NUMBER -> "number";
            case CHOICE -> "select";
            case CHECKBOX -> "checkbox";
            case LINES -> "textarea";
        };
        return new SettingsViews.Field(field.name(), field.label(), field.help(), input, field.required(),
                field.choices(current).stream().map(choice -> new SettingsViews.Option(choice.value(), choice.label(),
                        choice.value().equals(value))).toList(),
                "on".equals(value));
    }
}
