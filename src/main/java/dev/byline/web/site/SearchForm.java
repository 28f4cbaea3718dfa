package dev.byline.web.site;

import dev.byline.error.NotFound;
import dev.byline.search.SearchRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The search page's parameters (and the JSON endpoint's, the same): {@code q}, {@code section}, {@code tag},
 * {@code author}, {@code from} and {@code to} (dates, yyyy-mm-dd, both days included), {@code sort}
 * ({@code relevance} or {@code date}) and {@code page}. Nothing typed is refused: a date that is not one is left out
 * with a word saying so ({@link #problems}); only a page number that is not one, or past the last page offered,
 * is a 404.
 */
public record SearchForm(String q, String section, String tag, String author, String from, String to,
                         String sort, int page, List<String> problems) {

    static final int PAGE_SIZE = 10;
    private static final int MAX_FIELD = 200;

    /** Reads the parameters through {@code param} (null for an absent one). */
    public static SearchForm read(Function<String, String> param) {
        var problems = new ArrayList<String>();
        String from = date(param.apply("from"), "from", problems);
        String to = date(param.apply("to"), "to", problems);
        String sort = "date".equals(param.apply("sort")) ? "date" : "relevance";
        return new SearchForm(text(param.apply("q")), slug(param.apply("section")), slug(param.apply("tag")),
                slug(param.apply("author")), from, to, sort, page(param.apply("page")), problems);
    }

    /** A filter or the date order is chosen: the form shows them open. */
    public boolean filtered() {
        return section != null || !from.isEmpty() || !to.isEmpty() || "date".equals(sort);
    }

    public boolean isEmpty() {
        return q.isBlank();
    }

    /** The request for the index, dates read in the newsroom's zone. */
    public SearchRequest request(ZoneId zone) {
        return new SearchRequest(q, section, tag, author,
                from.isEmpty() ? null : LocalDate.parse(from).atStartOfDay(zone).toInstant(),
                to.isEmpty() ? null : LocalDate.parse(to).plusDays(1).atStartOfDay(zone).toInstant(),
                "date".equals(sort), page, PAGE_SIZE);
    }

    /** This search at another page (or with other words): its address on {@code path}. */
    public String url(String path, String text, int atPage) {
        var params = new LinkedHashMap<String, String>();
        params.put("q", text);
        params.put("section", section);
        params.put("tag", tag);
        params.put("author", author);
        params.put("from", from);
        params.put("to", to);
        params.put("sort", "relevance".equals(sort) ? "" : sort);
        params.put("page", atPage == 1 ? "" : String.valueOf(atPage));
        var query = new StringBuilder();
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (param.getValue() != null && !param.getValue().isEmpty()) {
                query.append(query.isEmpty() ? "?" : "&").append(param.getKey()).append('=')
                        .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
            }
        }
        return path + query;
    }

    /** What was typed, control characters as spaces (it is shown back in the box). */
    private static String text(String raw) {
        if (raw == null) {
            return "";
        }
        var out = new StringBuilder(raw.length());
        raw.chars().forEach(c -> out.append(Character.isISOControl(c) ? ' ' : (char) c));
        return out.toString();
    }

    private static String slug(String raw) {
        if (raw == null || raw.isBlank() || raw.chars().anyMatch(Character::isISOControl)) {
            return null;
        }
        String slug = raw.strip();
        return slug.length() > MAX_FIELD ? slug.substring(0, MAX_FIELD) : slug;
    }

    private static String date(String raw, String field, List<String> problems) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        try {
            return LocalDate.parse(raw.strip()).toString();
        } catch (DateTimeParseException e) {
            String shown = text(raw.length() > 40 ? raw.substring(0, 40) + "…" : raw);
            problems.add("“" + shown + "” is not a date like 2026-11-28, so the " + field
                    + " date was left out.");
            return "";
        }
    }

    /** Absent: 1. A whole number from 1 to the last page offered; anything else is no page: 404. */
    private static int page(String raw) {
        if (raw == null || raw.isEmpty()) {
            return 1;
        }
        if (raw.length() > 4 || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NotFound("There is no such page of search results.");
        }
        int page = Integer.parseInt(raw);
        if (page < 1 || page > SearchRequest.MAX_PAGE) {
            throw new NotFound("There is no page " + page + " of search results; they stop at page "
                    + SearchRequest.MAX_PAGE + ".");
        }
        return page;
    }
}
