package dev.byline.comment;

import dev.byline.account.Actor;
import dev.byline.account.Capability;
import dev.byline.error.Forbidden;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The moderation queue's reads: the comments a moderator may see (editors and administrators every article's,
 * authors their own articles'), by status and optionally one article, newest first, a page at a time; the count
 * per status for the tabs and the navigation; each commenter's history. One query per list, one for the page's
 * histories, whatever the page holds.
 */
public final class CommentQueue {

    /** Comments on a page of the queue. */
    public static final int PAGE_SIZE = 20;

    /** One row: the comment, its article, and how the same email fared before. */
    public record Row(Comment comment, String articleTitle, History history) {
    }

    /** How many comments an email has, by status. */
    public record History(int approved, int pending, int spam, int trash) {
        public int total() {
            return approved + pending + spam + trash;
        }
    }

    /** A page of the queue: its rows, whether another follows, the counts per status. */
    public record Page(List<Row> rows, long page, boolean hasMore, Map<CommentStatus, Long> counts) {
    }

    private final Jdbi jdbi;

    public CommentQueue(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Whether the actor moderates anything: editors and administrators, and authors (their own articles'). */
    /** Past this, a page number is a typo or a probe (20 a page: 20 million comments); its offset could overflow. */
    static final long MAX_PAGE = 1_000_000;

    public static boolean moderates(Actor actor) {
        return actor.can(Capability.MODERATE_COMMENTS) || actor.can(Capability.PUBLISH_OWN_ARTICLES);
    }

    /**
     * @param articleId one article's comments, or 0 for all the actor may see
     */
    public Page list(Actor actor, CommentStatus status, long articleId, long page) {
        if (!moderates(actor)) {
            throw new Forbidden("Contributors do not moderate comments: an editor, or the article's author, does.");
        }
        if (page > MAX_PAGE) {
            throw new dev.byline.error.NotFound("There is no page " + page + " of comments.");
        }
        long offset = (Math.max(1, page) - 1) * PAGE_SIZE;
        return jdbi.withHandle(handle -> {
            var rows = handle.createQuery("SELECT " + CommentStore.COLUMNS + ", a.title AS article_title "
                            + "FROM comments c JOIN articles a ON a.id = c.article_id "
                            + "WHERE c.status = :status" + scope(actor, articleId)
                            + " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
                    .bind("status", status.dbValue()).bindMap(scoped(actor, articleId))
                    .bind("limit", PAGE_SIZE + 1).bind("offset", offset)
                    .map((rs, ctx) -> Map.entry(CommentStore.comment(rs, ctx), rs.getString("article_title")))
                    .list();
            boolean more = rows.size() > PAGE_SIZE;
            var shown = more ? rows.subList(0, PAGE_SIZE) : rows;
            Map<String, History> histories = histories(handle, shown.stream().map(e -> e.getKey().authorEmail())
                    .distinct().toList());
            var counts = new EnumMap<CommentStatus, Long>(CommentStatus.class);
            for (CommentStatus each : CommentStatus.values()) {
                counts.put(each, 0L);
            }
            handle.createQuery("SELECT c.status, count(*) AS n FROM comments c WHERE 1 = 1"
                            + scope(actor, articleId) + " GROUP BY c.status")
                    .bindMap(scoped(actor, articleId))
                    .map((rs, ctx) -> Map.entry(CommentStatus.of(rs.getString("status")), rs.getLong("n")))
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
            return new Page(shown.stream().map(e -> new Row(e.getKey(), e.getValue(),
                    histories.getOrDefault(e.getKey().authorEmail(), new History(0, 0, 0, 0)))).toList(),
                    Math.max(1, page), more, counts);
        });
    }

    /** Comments waiting for the actor (the navigation's count); 0 for those who moderate nothing. */
    public long pending(Actor actor) {
        if (!moderates(actor)) {
            return 0;
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT count(*) FROM comments c "
                        + "WHERE c.status = 'pending'" + scope(actor, 0))
                .bindMap(scoped(actor, 0)).mapTo(Long.class).one());
    }

    /**
     * The article's title, when the actor may moderate its comments (for the per-article view's heading); empty
     * for an article that is not there or not theirs (an author must not learn the title of another's draft).
     */
    public java.util.Optional<String> articleTitle(Actor actor, long articleId) {
        String mine = actor.can(Capability.MODERATE_COMMENTS) ? "" : " AND a.id IN "
                + "(SELECT w.article_id FROM article_authors w WHERE w.author_id = :author)";
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery("SELECT a.title FROM articles a WHERE a.id = :id" + mine)
                    .bind("id", articleId);
            if (!mine.isEmpty()) {
                query.bind("author", actor.authorId());
            }
            return query.mapTo(String.class).findOne();
        });
    }

    /** Editors see every article's comments; authors those of the articles they are on; and one article's. */
    private static String scope(Actor actor, long articleId) {
        String mine = actor.can(Capability.MODERATE_COMMENTS) ? ""
                : " AND c.article_id IN (SELECT w.article_id FROM article_authors w WHERE w.author_id = :author)";
        return mine + (articleId == 0 ? "" : " AND c.article_id = :article");
    }

    /** The values {@link #scope} names, and only those (Jdbi refuses a binding the SQL does not use). */
    private static Map<String, Object> scoped(Actor actor, long articleId) {
        var values = new LinkedHashMap<String, Object>();
        if (!actor.can(Capability.MODERATE_COMMENTS)) {
            values.put("author", actor.authorId());
        }
        if (articleId != 0) {
            values.put("article", articleId);
        }
        return values;
    }

    private static Map<String, History> histories(org.jdbi.v3.core.Handle handle, List<String> emails) {
        var histories = new LinkedHashMap<String, int[]>();
        if (emails.isEmpty()) {
            return Map.of();
        }
        handle.createQuery("SELECT author_email, status, count(*) AS n FROM comments "
                        + "WHERE author_email IN (<emails>) GROUP BY author_email, status")
                .bindList("emails", emails)
                .map((rs, ctx) -> new Object[] {rs.getString("author_email"), rs.getString("status"), rs.getInt("n")})
                .forEach(row -> histories.computeIfAbsent((String) row[0], email -> new int[4])
                        [CommentStatus.of((String) row[1]).ordinal()] = (Integer) row[2]);
        var result = new LinkedHashMap<String, History>();
        // ordinals: PENDING, APPROVED, SPAM, TRASH
        histories.forEach((email, n) -> result.put(email, new History(n[1], n[0], n[2], n[3])));
        return result;
    }

}
