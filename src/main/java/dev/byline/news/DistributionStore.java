package dev.byline.news;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The reads behind the feeds and sitemaps that the lists of {@link PublicNews} do not already make: what each
 * sitemap lists, the newest approved comments. Every query reads published rows only ({@code status =
 * 'published'}), the same one status the rest of the read model shows: fails closed.
 */
public final class DistributionStore {

    /** An article or page as a sitemap lists it: where it is (slug, date) and when it last changed. */
    public record Entry(long id, String slug, Instant publishedAt, Instant updatedAt) {
    }

    /** An article as the news sitemap lists it. */
    public record Headline(long id, String slug, String title, Instant publishedAt) {
    }

    /** A section, tag or author with something published, and when the newest change to it happened. */
    public record Used(long id, Instant updatedAt) {
    }

    /** An approved comment on a published article, as a comment feed shows it: never an email address. */
    public record Remark(long id, long articleId, String articleSlug, String articleTitle,
                         Instant articlePublishedAt, String authorName, String bodyHtml, Instant createdAt) {
    }

    private static final String PUBLISHED_ARTICLE = "a.status = 'published' AND a.kind = 'article'";

    private final Jdbi jdbi;

    public DistributionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** When each published article appeared and last changed: the sitemap index groups them by month. */
    public List<Entry> publishedTimes() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT a.id, '' AS slug, a.published_at, a.updated_at FROM articles a WHERE "
                                + PUBLISHED_ARTICLE)
                .map((rs, ctx) -> entry(rs)).list());
    }

    /** The first and last publication time of any published article, when there is one. */
    public Optional<Instant[]> publishedRange() {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT MIN(a.published_at) AS first, MAX(a.published_at) AS last FROM articles a WHERE "
                                + PUBLISHED_ARTICLE)
                .map((rs, ctx) -> {
                    long first = rs.getLong("first");
                    return rs.wasNull() ? null
                            : new Instant[] {Instant.ofEpochMilli(first), Instant.ofEpochMilli(rs.getLong("last"))};
                })
                .findOne());
    }

    /** The published articles of [from, to), oldest first, a page at a time. */
    public List<Entry> published(Instant from, Instant to, int limit, long offset) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT a.id, a.slug, a.published_at, a.updated_at FROM articles a
                        WHERE a.status = 'published' AND a.kind = 'article'
                          AND a.published_at >= :from AND a.published_at < :to
                        ORDER BY a.published_at, a.id LIMIT :limit OFFSET :offset
                        """)
                .bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                .bind("limit", limit).bind("offset", offset)
                .map((rs, ctx) -> entry(rs)).list());
    }

    /** The published pages (About, Contact). */
    public List<Entry> pages() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT a.id, a.slug, a.published_at, a.updated_at FROM articles a
                        WHERE a.status = 'published' AND a.kind = 'page' ORDER BY a.slug
                        """)
                .map((rs, ctx) -> entry(rs)).list());
    }

    /** The published articles after {@code since} (not at it: that one has aged out), newest first, at most {@code limit}. */
    public List<Headline> since(Instant since, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT a.id, a.slug, a.title, a.published_at FROM articles a
                        WHERE a.status = 'published' AND a.kind = 'article' AND a.published_at > :since
                        ORDER BY a.published_at DESC, a.id DESC LIMIT :limit
                        """)
                .bind("since", since.toEpochMilli()).bind("limit", limit)
                .map((rs, ctx) -> new Headline(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                        Instant.ofEpochMilli(rs.getLong("published_at"))))
                .list());
    }

    /** Each section with a published article of its own (not counting subsections), and the newest change. */
    public List<Used> sections() {
        return used("SELECT a.section_id AS id, MAX(a.updated_at) AS updated_at FROM articles a WHERE "
                + PUBLISHED_ARTICLE + " GROUP BY a.section_id");
    }

    public List<Used> tags() {
        return used("""
                SELECT t.tag_id AS id, MAX(a.updated_at) AS updated_at
                FROM article_tags t JOIN articles a ON a.id = t.article_id
                WHERE a.status = 'published' AND a.kind = 'article' GROUP BY t.tag_id
                """);
    }

    public List<Used> authors() {
        return used("""
                SELECT w.author_id AS id, MAX(a.updated_at) AS updated_at
                FROM article_authors w JOIN articles a ON a.id = w.article_id
                WHERE a.status = 'published' AND a.kind = 'article' GROUP BY w.author_id
                """);
    }

    /** The newest approved comments on published articles, site-wide or on one article (0: all). */
    public List<Remark> comments(long articleId, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT c.id, c.article_id, a.slug, a.title, a.published_at, c.author_name, c.body_html,
                               c.created_at
                        FROM comments c JOIN articles a ON a.id = c.article_id
                        WHERE c.status = 'approved' AND a.status = 'published' AND a.kind = 'article'
                          AND (:article = 0 OR c.article_id = :article)
                        ORDER BY c.created_at DESC, c.id DESC LIMIT :limit
                        """)
                .bind("article", articleId).bind("limit", limit)
                .map((rs, ctx) -> new Remark(rs.getLong("id"), rs.getLong("article_id"), rs.getString("slug"),
                        rs.getString("title"), Instant.ofEpochMilli(rs.getLong("published_at")),
                        rs.getString("author_name"), rs.getString("body_html"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))))
                .list());
    }

    private List<Used> used(String sql) {
        return jdbi.withHandle(handle -> handle.createQuery(sql)
                .map((rs, ctx) -> new Used(rs.getLong("id"), Instant.ofEpochMilli(rs.getLong("updated_at"))))
                .list());
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getLong("id"), rs.getString("slug"), Instant.ofEpochMilli(rs.getLong("published_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
