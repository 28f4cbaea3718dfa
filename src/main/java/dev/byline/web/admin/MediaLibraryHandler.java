package dev.byline.web.admin;

import dev.byline.account.Capability;
import dev.byline.error.Invalid;
import dev.byline.media.MediaLibrary;
import dev.byline.media.MediaTypes;
import dev.byline.web.admin.PeopleViews.Option;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * /admin/media, the library: a grid or a list, newest first, searched (alt text, caption, credit, file name) and
 * filtered by type and month, a page at a time, with the upload form for those who may upload; and
 * /admin/media.json, the same list for the editor's picker.
 */
final class MediaLibraryHandler {

    static final String PATH = "/admin/media";
    static final int PER_PAGE = 48;
    static final String ACCEPT = "image/jpeg,image/png,image/webp,image/gif";
    private static final DateTimeFormatter MONTH_LABEL = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final MediaLibrary library;
    private final AdminPages pages;
    private final Supplier<ZoneId> zone;
    private final String scriptUrl;

    MediaLibraryHandler(MediaLibrary library, AdminPages pages, Supplier<ZoneId> zone, String scriptUrl) {
        this.library = library;
        this.pages = pages;
        this.zone = zone;
        this.scriptUrl = scriptUrl;
    }

    /** What the address asks for: the typed filters (kept as typed), and what could not be read. */
    private record Asked(Map<String, String> typed, Map<String, String> errors, YearMonth month, int page,
                         String view) {

        MediaLibrary.Query query(ZoneId zone, int perPage) {
            return new MediaLibrary.Query(typed.get("q"), errors.containsKey("type") ? "" : typed.get("type"),
                    month, page, perPage, zone);
        }
    }

    void show(Context ctx, AdminRequest request) {
        render(ctx, request, null, 200);
    }

    /** The page, with what a form upload refused ({@code upload}, or null) and the status to answer with. */
    void render(Context ctx, AdminRequest request, MediaViews.UploadResult upload, int status) {
        ZoneId here = zone.get();
        Asked asked = asked(ctx);
        var errors = new LinkedHashMap<>(asked.errors());
        MediaLibrary.Listing listing;
        try {
            listing = library.list(request.actor(), asked.query(here, PER_PAGE));
        } catch (Invalid invalid) {
            errors.putAll(invalid.fieldErrors());
            listing = new MediaLibrary.Listing(List.of(), 1, false);
        }
        var typed = asked.typed();
        boolean mayUpload = request.actor().can(Capability.UPLOAD_MEDIA);
        boolean filtered = !typed.get("q").isEmpty() || !typed.get("type").isEmpty() || !typed.get("month").isEmpty();
        pages.render(ctx, "admin/media.jte", new MediaViews.LibraryPage(request.chrome(),
                new AdminViews.Form(typed, errors), types(typed.get("type")), months(request, here, typed.get("month")),
                asked.view(), url(typed, 1, asked.view().equals("grid") ? "list" : "grid"),
                listing.items().stream().map(item -> MediaTiles.tile(item, here)).toList(), listing.page(),
                listing.page() > 1 ? url(typed, listing.page() - 1, asked.view()) : null,
                listing.hasNext() ? url(typed, listing.page() + 1, asked.view()) : null, mayUpload, upload,
                limits(), ACCEPT, scriptUrl, filtered, count(listing, filtered), MediaLibrary.MAX_FILE_BYTES),
                errors.isEmpty() || upload != null ? status : 400);
    }

    private static String count(MediaLibrary.Listing listing, boolean filtered) {
        int shown = listing.items().size();
        String images = (shown == 1 ? "1 image" : shown + " images") + (filtered ? (shown == 1 ? " matches" : " match")
                : "");
        if (shown == 0) {
            return filtered ? "No image matches." : "No images yet.";
        }
        return listing.page() == 1 && !listing.hasNext() ? images + "." : "Page " + listing.page() + ": " + images + ".";
    }

    /** GET /admin/media.json?q=&type=&month=&page=: the picker's page of images, or 400 with what is wrong. */
    void picker(Context ctx, AdminRequest request) {
        Asked asked = asked(ctx);
        if (!asked.errors().isEmpty()) {
            refuse(ctx, asked.errors());
            return;
        }
        MediaLibrary.Listing listing;
        try {
            listing = library.list(request.actor(), asked.query(zone.get(), 24));
        } catch (Invalid invalid) {
            refuse(ctx, invalid.fieldErrors());
            return;
        }
        AdminJson.send(ctx, 200, new AdminJson.Listing(listing.items().stream().map(MediaTiles::json).toList(),
                listing.page(), listing.hasNext()));
    }

    private static void refuse(Context ctx, Map<String, String> errors) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", 400);
        body.put("title", "That request is not quite right");
        body.put("message", String.join(" ", errors.values()));
        body.put("fields", errors);
        AdminJson.send(ctx, 400, body);
    }

    /** "JPEG, PNG, WebP or GIF, at most 25 MB and 50 megapixels a file, 20 files at once." */
    static String limits() {
        return "JPEG, PNG, WebP or GIF; at most " + MediaLibrary.MAX_FILE_BYTES / (1024 * 1024) + " MB and "
                + dev.byline.media.MediaService.DEFAULT_MAX_IMAGE_PIXELS / 1_000_000 + " megapixels a file, "
                + MediaLibrary.MAX_FILES + " files at once. Location and camera data are removed.";
    }

    private static Asked asked(Context ctx) {
        var typed = new LinkedHashMap<String, String>();
        for (String name : List.of("q", "type", "month")) {
            String value = ctx.queryParam(name);
            typed.put(name, value == null ? "" : value.strip());
        }
        var errors = new LinkedHashMap<String, String>();
        YearMonth month = null;
        if (!typed.get("month").isEmpty()) {
            try {
                month = YearMonth.parse(typed.get("month"));
            } catch (DateTimeParseException e) {
                errors.put("month", "Choose a month from the list, or write one as 2026-11.");
            }
        }
        if (!typed.get("type").isEmpty() && MediaTypes.mimeType(typed.get("type")).isEmpty()) {
            errors.put("type", "Choose JPEG or PNG: uploads are stored as one or the other.");
        }
        int page = 1;
        try {
            String asked = ctx.queryParam("page");
            page = asked == null ? 1 : Math.clamp(Long.parseLong(asked.strip()), 1, 100_000);
        } catch (NumberFormatException e) {
            // a page number that is not one: the first page
        }
        String view = "list".equals(ctx.queryParam("view")) ? "list" : "grid";
        return new Asked(typed, errors, month, page, view);
    }

    private static List<Option> types(String chosen) {
        var options = new ArrayList<Option>();
        options.add(new Option("", "All types", chosen.isEmpty()));
        for (String type : MediaTypes.FILTERS) {
            options.add(new Option(type, type.toUpperCase(Locale.ROOT), type.equalsIgnoreCase(chosen)));
        }
        return options;
    }

    private List<Option> months(AdminRequest request, ZoneId here, String chosen) {
        var options = new ArrayList<Option>();
        options.add(new Option("", "All months", chosen.isEmpty()));
        List<YearMonth> months = new ArrayList<>(library.months(request.actor(), here));
        try {
            YearMonth asked = chosen.isEmpty() ? null : YearMonth.parse(chosen);
            if (asked != null && !months.contains(asked)) {
                months.add(asked); // a month without uploads, typed into the address: still shown as chosen
            }
        } catch (DateTimeParseException unreadable) {
            // said at the field
        }
        for (YearMonth month : months) {
            options.add(new Option(month.toString(), MONTH_LABEL.format(month), month.toString().equals(chosen)));
        }
        return options;
    }

    /** The library's address with the same filters, another page or view. */
    static String url(Map<String, String> typed, int page, String view) {
        var parts = new ArrayList<String>();
        typed.forEach((name, value) -> {
            if (!value.isEmpty()) {
                parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        if (view.equals("list")) {
            parts.add("view=list");
        }
        if (page > 1) {
            parts.add("page=" + page);
        }
        return parts.isEmpty() ? PATH : PATH + "?" + String.join("&", parts);
    }
}
