package dev.byline.web.admin;

import dev.byline.account.Accounts;
import dev.byline.account.Activity;
import dev.byline.account.ActivityLog;
import dev.byline.account.Capability;
import dev.byline.web.admin.PeopleViews.ActivityRow;
import dev.byline.web.admin.PeopleViews.Option;
import io.javalin.http.Context;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * /admin/activity: administrators see everyone's entries and filter by person, action and dates; everyone else sees
 * their own (what they did, and what concerns their account). {@link ActivityLog#list} decides which is which.
 * Dates are days in the newsroom's time zone, both ends included.
 */
final class ActivityHandler {

    static final int PER_PAGE = 50;
    /** Every action the log knows, read from {@link Activity}'s names so one added there shows here. */
    private static final List<String> ACTIONS = Arrays.stream(Activity.class.getFields())
            .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
            .map(ActivityHandler::value).sorted().toList();

    private final Accounts accounts;
    private final AdminPages pages;
    private final Supplier<ZoneId> zone;

    ActivityHandler(Accounts accounts, AdminPages pages, Supplier<ZoneId> zone) {
        this.accounts = accounts;
        this.pages = pages;
        this.zone = zone;
    }

    void show(Context ctx, AdminRequest request) {
        ZoneId here = zone.get();
        var typed = new LinkedHashMap<String, String>();
        for (String name : List.of("person", "action", "from", "until")) {
            String value = ctx.queryParam(name);
            typed.put(name, value == null ? "" : value.strip());
        }
        var errors = new LinkedHashMap<String, String>();
        long person = number(typed.get("person"), "person", errors);
        String action = ACTIONS.contains(typed.get("action")) ? typed.get("action") : "";
        LocalDate from = day(typed.get("from"), "from", errors);
        LocalDate until = day(typed.get("until"), "until", errors);
        int page = (int) Math.min(Math.max(1, number(ctx.queryParam("page"), "page", new LinkedHashMap<>())), 100_000);
        var filter = new ActivityLog.Filter(action, person,
                from == null ? null : from.atStartOfDay(here).toInstant(),
                until == null ? null : until.plusDays(1).atStartOfDay(here).toInstant(), page, PER_PAGE);
        ActivityLog.Listing listing = accounts.activity().list(request.actor(), filter);
        boolean everyone = request.actor().can(Capability.VIEW_ACTIVITY);
        int pages = Math.max(1, (listing.total() + PER_PAGE - 1) / PER_PAGE);
        this.pages.render(ctx, "admin/activity.jte", new PeopleViews.ActivityPage(request.chrome(), everyone,
                everyone ? people(request, typed.get("person")) : List.of(), actions(action),
                new AdminViews.Form(typed, errors), listing.entries().stream().map(entry -> row(entry, here)).toList(),
                listing.total(), page, pages, page > 1 ? url(typed, page - 1) : null,
                page < pages ? url(typed, page + 1) : null), errors.isEmpty() ? 200 : 400);
    }

    private List<Option> people(AdminRequest request, String chosen) {
        var options = new ArrayList<Option>();
        options.add(new Option("", "Everyone", chosen.isEmpty()));
        accounts.service().list(request.actor()).forEach(user -> options.add(new Option(String.valueOf(user.id()),
                user.displayName() + " (" + user.email() + ")", String.valueOf(user.id()).equals(chosen))));
        return options;
    }

    private static List<Option> actions(String chosen) {
        var options = new ArrayList<Option>();
        options.add(new Option("", "Any action", chosen.isEmpty()));
        ACTIONS.forEach(action -> options.add(new Option(action, label(action), action.equals(chosen))));
        return options;
    }

    private static ActivityRow row(Activity entry, ZoneId zone) {
        return new ActivityRow(AdminDates.dateTime(entry.at(), zone), AdminDates.iso(entry.at(), zone),
                entry.actor(), label(entry.action()), entry.subject(), entry.detail(),
                entry.ip().isEmpty() ? "the server" : entry.ip()); // the command line has no address
    }

    /** "sign-in-failed" → "Sign-in failed". */
    static String label(String action) {
        String words = action.replace('-', ' ').replace("sign in", "sign-in").replace("two factor", "two-factor");
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    private static String url(Map<String, String> typed, int page) {
        var query = new StringBuilder("/admin/activity?");
        typed.forEach((name, value) -> {
            if (!value.isEmpty()) {
                query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        });
        return query.append("page=").append(page).toString();
    }

    private static long number(String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "Choose from the list.");
            return 0;
        }
    }

    private static LocalDate day(String text, String field, Map<String, String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text, AdminDates.TYPED_DATE);
        } catch (DateTimeParseException e) {
            errors.put(field, "Give a date as year-month-day, such as 2026-03-31.");
            return null;
        }
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
