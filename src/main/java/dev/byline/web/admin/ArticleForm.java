package dev.byline.web.admin;

import dev.byline.article.Article;
import dev.byline.article.ArticleDraft;
import dev.byline.article.ArticleStatus;
import dev.byline.article.Kind;
import dev.byline.error.Invalid;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The editor's form: its field names, what was typed (kept whole to show again on a refusal), and the
 * {@link ArticleDraft} it asks for. Times are typed in the newsroom's time zone ({@code datetime-local}, or the
 * same with a space for browsers without a picker). The button pressed says the status wanted.
 */
final class ArticleForm {

    static final int AUTHOR_FIELDS = 4;
    static final String[] FIELDS = {"title", "dek", "slug", "body", "excerpt", "sectionId", "tags", "author1",
            "author2", "author3", "author4", "featuredMediaId", "seoTitle", "seoDescription", "publishedAt",
            "version", "kind"};
    private static final DateTimeFormatter TYPED = AdminDates.TYPED_DATE_TIME;

    /** What the buttons ask for. */
    enum Action {
        DRAFT("draft"), SUBMIT("submit"), PUBLISH("publish"), SCHEDULE("schedule"), UPDATE("update"),
        UNPUBLISH("unpublish");

        final String key;

        Action(String key) {
            this.key = key;
        }

        static Optional<Action> parse(String key) {
            return Arrays.stream(values()).filter(action -> action.key.equals(key)).findFirst();
        }
    }

    private ArticleForm() {
    }

    static Map<String, String> typed(Context ctx) {
        return Forms.typed(ctx, FIELDS);
    }

    /** The form's fields filled from an article, as the editor opens it. */
    static Map<String, String> of(Article article, List<String> tagNames, ZoneId zone) {
        var values = new LinkedHashMap<String, String>();
        values.put("title", article.title());
        values.put("dek", article.dek());
        values.put("slug", article.slug());
        values.put("body", article.bodyMarkdown());
        values.put("excerpt", article.excerpt());
        values.put("sectionId", article.isPage() ? "" : String.valueOf(article.sectionId()));
        values.put("tags", String.join(", ", tagNames));
        for (int i = 0; i < AUTHOR_FIELDS; i++) {
            values.put("author" + (i + 1), i < article.authorIds().size() ? String.valueOf(article.authorIds().get(i)) : "");
        }
        values.put("featuredMediaId", article.featuredMediaId() == null ? "" : String.valueOf(article.featuredMediaId()));
        values.put("seoTitle", article.seoTitle());
        values.put("seoDescription", article.seoDescription());
        values.put("publishedAt", article.publishedAt() == null ? "" : local(article.publishedAt(), zone));
        values.put("version", String.valueOf(article.version()));
        values.put("kind", article.kind().dbValue());
        return values;
    }

    /** A new article's form: the writer's own byline first. */
    static Map<String, String> blank(Kind kind, long authorId) {
        var values = new LinkedHashMap<String, String>();
        for (String field : FIELDS) {
            values.put(field, "");
        }
        values.put("author1", authorId == 0 ? "" : String.valueOf(authorId));
        values.put("version", "0");
        values.put("kind", kind.dbValue());
        return values;
    }

    static String local(Instant instant, ZoneId zone) {
        return TYPED.format(instant.atZone(zone));
    }

    /**
     * The draft the form asks for, or {@link Invalid} with a message at each field the form itself can tell is
     * wrong (a time that is no time, a number that is none); the service checks the
     * rest.
     *
     * @param current the article as it is now, for "update" (keep its status); empty for a new one
     */
    static ArticleDraft draft(Map<String, String> typed, long id, Action action, Optional<Article> current,
                              ZoneId zone) {
        return draft(typed, id, action, current, zone, false);
    }

    /**
     * The same, {@code lenient}ly for a preview or an autosave of a half-written article: what cannot be read yet
     * (a date half typed) is left out instead of refused.
     */
    static ArticleDraft draft(Map<String, String> typed, long id, Action action, Optional<Article> current,
                              ZoneId zone, boolean lenient) {
        var errors = new LinkedHashMap<String, String>();
        Instant publishedAt = null;
        String when = typed.getOrDefault("publishedAt", "").strip();
        if (!when.isEmpty()) {
            try {
                publishedAt = LocalDateTime.parse(when.replace(' ', 'T'), TYPED).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                errors.put("publishedAt", "“" + when + "” is not a date and time: write it as year-month-day "
                        + "hour:minute, e.g. 2026-03-14 09:30 (" + zone.getId() + " time).");
            }
        }
        ArticleStatus status = switch (action) {
            case DRAFT, UNPUBLISH -> ArticleStatus.DRAFT;
            case SUBMIT -> ArticleStatus.PENDING;
            case PUBLISH -> ArticleStatus.PUBLISHED;
            case SCHEDULE -> ArticleStatus.SCHEDULED;
            case UPDATE -> current.map(Article::status).filter(s -> s != ArticleStatus.TRASH).orElse(ArticleStatus.DRAFT);
        };
        if (action == Action.SCHEDULE && when.isEmpty()) {
            errors.put("publishedAt", "Pick the date and time to publish at.");
        }
        if (status == ArticleStatus.DRAFT || status == ArticleStatus.PENDING) {
            publishedAt = null; // a draft keeps no date of its own (a published one's stays, see ArticleService)
        }
        String body = typed.getOrDefault("body", "");
        Long sectionId = number(typed, "sectionId", "Choose a section.", errors);
        Long featured = number(typed, "featuredMediaId", "Choose an image from the list.", errors);
        List<Long> authors = new ArrayList<>();
        for (int i = 1; i <= AUTHOR_FIELDS; i++) {
            Long author = number(typed, "author" + i, "Choose an author from the list.", errors);
            if (author != null && !authors.contains(author)) {
                authors.add(author);
            }
        }
        long version = Optional.ofNullable(number(typed, "version", "Reload the article.", errors)).orElse(0L);
        if (!errors.isEmpty() && !lenient) {
            throw new Invalid(errors);
        }
        Kind kind = current.map(Article::kind).orElseGet(() -> Kind.parse(typed.get("kind")).orElse(Kind.ARTICLE));
        List<String> tags = Arrays.stream(typed.getOrDefault("tags", "").split(","))
                .map(String::strip).filter(tag -> !tag.isEmpty()).toList();
        return new ArticleDraft(id, typed.get("title"), typed.get("dek"), typed.get("slug"), body,
                typed.get("excerpt"), featured, status, kind == Kind.PAGE ? null : sectionId, authors, tags,
                publishedAt, version, typed.get("seoTitle"), typed.get("seoDescription"), kind);
    }

    /** The service's field names where the form's differ. */
    static Map<String, String> atFields(Map<String, String> serviceErrors) {
        var errors = new LinkedHashMap<String, String>();
        serviceErrors.forEach((field, message) -> errors.put(switch (field) {
            case "authorIds" -> "author1";
            case "bodyMarkdown" -> "body";
            case "tagNames" -> "tags";
            default -> field;
        }, message));
        return errors;
    }

    private static Long number(Map<String, String> typed, String field, String message, Map<String, String> errors) {
        String value = typed.getOrDefault(field, "").strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            errors.put(field, message);
            return null;
        }
    }
}
