package dev.byline.article;

import dev.byline.db.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for articles and their links to authors and tags. Lists read one ordered index range each (see
 * V001__content.sql) and fetch bylines for a whole page in one more query: no per-row queries.
 */
public final class ArticleStore {

    static final String SUMMARY = "a.id, a.slug, a.title, a.dek, a.excerpt, a.featured_media_id, "
            + "a.section_id, a.published_at, a.updated_at";
    private static final String FULL = SUMMARY + ", a.body_markdown, a.body_html, a.status, a.created_at, a.version, "
            + "a.kind, a.seo_title, a.seo_description, a.trashed_at, a.status_before_trash";

    // The lists: each walks one index in order (V001__content.sql); ListQueryPlanTest keeps it so. Pages (kind
    // 'page') are on none: they have no section and no tags, and home and author lists skip them (a filter on the
    // rows the index range yields; pages are a handful).
    static final String LATEST = """
            SELECT %s FROM articles a
            WHERE a.status = 'published' AND a.kind = 'article'
            ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset
            """;
    static final String IN_SECTIONS = """
            SELECT %s FROM articles a
            WHERE a.section_id IN (<ids>) AND a.status = 'published'
            ORDER BY a.published_at DESC, a.id DESC LIMIT :limit OFFSET :offset
            """;
    static final String WITH_TAG = """
            SELECT %s FROM article_tags t JOIN articles a ON a.id = t.article_id
            WHERE t.tag_id = :tagId AND t.status = 'published'
            ORDER BY t.published_at DESC, t.article_id DESC LIMIT :limit OFFSET :offset
            """;
    static final String BY_AUTHOR = """
            SELECT %s FROM article_authors w JOIN articles a ON a.id = w.article_id
            WHERE w.author_id = :authorId AND w.status = 'published' AND a.kind = 'article'
            ORDER BY w.published_at DESC, w.article_id DESC LIMIT :limit OFFSET :offset
            """;

    private final Jdbi jdbi;

    public ArticleStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    // ---- writes, inside the caller's transaction

    long insert(Handle handle, Article article) {
        return handle.createUpdate("""
                        INSERT INTO articles (slug, title, dek, body_markdown, body_html, excerpt, featured_media_id,
                                              status, section_id, published_at, created_at, updated_at, version,
                                              kind, seo_title, seo_description)
                        VALUES (:slug, :title, :dek, :bodyMarkdown, :bodyHtml, :excerpt, :featuredMediaId,
                                :status, :section, :publishedAt, :createdAt, :updatedAt, :version,
                                :kindValue, :seoTitle, :seoDescription)
                        """)
                .bindMethods(article)
                .bind("status", article.status().dbValue())
                .bind("section", section(article))
                .bind("kindValue", article.kind().dbValue())
                .bind("publishedAt", millis(article.publishedAt()))
                .bind("createdAt", millis(article.createdAt()))
                .bind("updatedAt", millis(article.updatedAt()))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /**
     * Writes {@code article} over the row if it is still at {@code expectedVersion}; false when someone saved in
     * between (on PostgreSQL a concurrent update waits for the other and then finds the version moved on).
     */
    boolean update(Handle handle, Article article, long expectedVersion) {
        return handle.createUpdate("""
                        UPDATE articles SET slug = :slug, title = :title, dek = :dek, body_markdown = :bodyMarkdown,
                               body_html = :bodyHtml, excerpt = :excerpt, featured_media_id = :featuredMediaId,
                               status = :status, section_id = :section, published_at = :publishedAt,
                               updated_at = :updatedAt, version = :version, seo_title = :seoTitle,
                               seo_description = :seoDescription
                        WHERE id = :id AND version = :expectedVersion
                        """)
                .bindMethods(article)
                .bind("status", article.status().dbValue())
                .bind("section", section(article))
                .bind("publishedAt", millis(article.publishedAt()))
                .bind("updatedAt", millis(article.updatedAt()))
                .bind("expectedVersion", expectedVersion)
                .execute() == 1;
    }

    /** False when the article is no longer at {@code expectedVersion} (or gone). */
    boolean delete(Handle handle, long articleId, long expectedVersion) {
        return handle.createUpdate("DELETE FROM articles WHERE id = :id AND version = :version")
                .bind("id", articleId).bind("version", expectedVersion).execute() == 1;
    }

    /** Records which media the article shows (featured image, images in the body). */
    void replaceMediaUse(Handle handle, long articleId, java.util.Set<Long> mediaIds) {
        handle.createUpdate("DELETE FROM article_media WHERE article_id = :id").bind("id", articleId).execute();
        if (mediaIds.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("INSERT INTO article_media (article_id, media_id) VALUES (:articleId, :mediaId)");
        mediaIds.forEach(mediaId -> batch.bind("articleId", articleId).bind("mediaId", mediaId).add());
        batch.execute();
    }

    /** The articles showing an image, whatever their status (index article_media_by_media). */
    List<Long> articlesShowing(Handle handle, long mediaId) {
        return handle.createQuery("SELECT article_id FROM article_media WHERE media_id = :id ORDER BY article_id")
                .bind("id", mediaId).mapTo(Long.class).list();
    }

    /** A body re-rendered because an image it shows changed: the article's text did not, nor its version. */
    void setBodyHtml(Handle handle, long articleId, String html) {
        handle.createUpdate("UPDATE articles SET body_html = :html WHERE id = :id")
                .bind("html", html).bind("id", articleId).execute();
    }

    /** Rewrites the byline and tag links, copying status and date onto them for the archive indexes. */
    void replaceLinks(Handle handle, long articleId, List<Long> authorIds, List<Long> tagIds, ArticleStatus status,
                      Instant publishedAt) {
        handle.createUpdate("DELETE FROM article_authors WHERE article_id = :id").bind("id", articleId).execute();
        handle.createUpdate("DELETE FROM article_tags WHERE article_id = :id").bind("id", articleId).execute();
        var authors = handle.prepareBatch("""
                INSERT INTO article_authors (article_id, author_id, position, status, published_at)
                VALUES (:articleId, :linkId, :position, :status, :publishedAt)
                """);
        var tags = handle.prepareBatch("""
                INSERT INTO article_tags (article_id, tag_id, position, status, published_at)
                VALUES (:articleId, :linkId, :position, :status, :publishedAt)
                """);
        for (var batch : List.of(Map.entry(authors, authorIds), Map.entry(tags, tagIds))) {
            List<Long> ids = batch.getValue();
            for (int position = 0; position < ids.size(); position++) {
                batch.getKey().bind("articleId", articleId).bind("linkId", ids.get(position))
                        .bind("position", position).bind("status", status.dbValue())
                        .bind("publishedAt", millis(publishedAt)).add();
            }
            if (!ids.isEmpty()) {
                batch.getKey().execute();
            }
        }
    }

    /** Scheduled articles whose time has come, oldest first (index articles_by_status_date). */
    List<Long> dueScheduled(Handle handle, Instant now) {
        return handle.createQuery("""
                        SELECT id FROM articles
                        WHERE status = 'scheduled' AND published_at <= :now
                        ORDER BY published_at, id
                        """)
                .bind("now", now.toEpochMilli()).mapTo(Long.class).list();
    }

    boolean anyDue(Instant now) {
        return jdbi.withHandle(handle -> !dueScheduled(handle, now).isEmpty());
    }

    /**
     * Publishes a scheduled article whose time has come, and its links (they carry a copy of the status for the
     * archive indexes). False when it is no longer scheduled for then: an editor changed it meanwhile (on
     * PostgreSQL this update waits for the editor's and then re-checks the condition).
     */
    boolean publishIfDue(Handle handle, long articleId, Instant now) {
        boolean published = handle.createUpdate("""
                        UPDATE articles SET status = 'published', updated_at = :now, version = version + 1
                        WHERE id = :id AND status = 'scheduled' AND published_at <= :now
                        """)
                .bind("now", now.toEpochMilli()).bind("id", articleId).execute() == 1;
        if (published) {
            for (String links : List.of("article_authors", "article_tags")) {
                handle.createUpdate("UPDATE " + links + " SET status = 'published' WHERE article_id = :id")
                        .bind("id", articleId).execute();
            }
        }
        return published;
    }

    /**
     * Moves the article to the trash if it is still at {@code expectedVersion} and not there already, remembering
     * the status it leaves; its links take the status too (the archive indexes read their copy).
     */
    boolean trash(Handle handle, long articleId, long expectedVersion, Instant now) {
        boolean moved = handle.createUpdate("""
                        UPDATE articles SET status_before_trash = status, status = 'trash', trashed_at = :now,
                               updated_at = :now, version = version + 1
                        WHERE id = :id AND version = :version AND status <> 'trash'
                        """)
                .bind("id", articleId).bind("version", expectedVersion).bind("now", now.toEpochMilli())
                .execute() == 1;
        if (moved) {
            copyStatusToLinks(handle, articleId);
        }
        return moved;
    }

    /** Takes the article out of the trash, back to the status it left; false when it is not in the trash. */
    boolean restore(Handle handle, long articleId, Instant now) {
        boolean restored = handle.createUpdate("""
                        UPDATE articles SET status = status_before_trash, status_before_trash = NULL,
                               trashed_at = NULL, updated_at = :now, version = version + 1
                        WHERE id = :id AND status = 'trash'
                        """)
                .bind("id", articleId).bind("now", now.toEpochMilli()).execute() == 1;
        if (restored) {
            copyStatusToLinks(handle, articleId);
        }
        return restored;
    }

    private static void copyStatusToLinks(Handle handle, long articleId) {
        for (String links : List.of("article_authors", "article_tags")) {
            handle.createUpdate("UPDATE " + links + " SET status = (SELECT status FROM articles WHERE id = :id) "
                    + "WHERE article_id = :id").bind("id", articleId).execute();
        }
    }

    /** Trashed articles moved there before {@code cutoff}, oldest first. */
    List<Long> trashedBefore(Handle handle, Instant cutoff) {
        return handle.createQuery("""
                        SELECT id FROM articles WHERE status = 'trash' AND trashed_at < :cutoff
                        ORDER BY trashed_at, id
                        """)
                .bind("cutoff", cutoff.toEpochMilli()).mapTo(Long.class).list();
    }

    boolean anyTrashedBefore(Instant cutoff) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM articles WHERE status = 'trash' AND trashed_at < :cutoff")
                .bind("cutoff", cutoff.toEpochMilli()).mapTo(Long.class).one() > 0);
    }

    /** Deletes an article that is in the trash; false when it is not (restored meanwhile, or gone). */
    boolean deleteTrashed(Handle handle, long articleId) {
        return handle.createUpdate("DELETE FROM articles WHERE id = :id AND status = 'trash'")
                .bind("id", articleId).execute() == 1;
    }

    /**
     * The article's address and every old one it still redirects from stop being public: the site answers them
     * 410 Gone from now on. Called while the article row (and its old slugs) are still there.
     */
    void rememberGone(Handle handle, long articleId, Instant now) {
        for (String source : List.of("SELECT slug, id, :now FROM articles WHERE id = :id",
                "SELECT slug, article_id, :now FROM article_old_slugs WHERE article_id = :id")) {
            handle.createUpdate("INSERT INTO gone_slugs (slug, article_id, gone_at) " + source
                            + " ON CONFLICT (slug) DO UPDATE SET article_id = excluded.article_id, "
                            + "gone_at = excluded.gone_at")
                    .bind("id", articleId).bind("now", now.toEpochMilli()).execute();
        }
    }

    /** The article is public again (restored): its addresses are no longer gone. */
    void forgetGone(Handle handle, long articleId) {
        handle.createUpdate("DELETE FROM gone_slugs WHERE article_id = :id").bind("id", articleId).execute();
    }

    /** A slug taken by an article now is no longer gone. */
    void forgetGoneSlug(Handle handle, String slug) {
        handle.createUpdate("DELETE FROM gone_slugs WHERE slug = :slug").bind("slug", slug).execute();
    }

    /** Whether readers could once read something at {@code slug} that was trashed or deleted since. */
    public boolean isGone(String slug) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM gone_slugs WHERE slug = :slug")
                .bind("slug", slug).mapTo(Long.class).one() > 0);
    }

    /** The modified time moves (a correction was added), nothing else. */
    void touch(Handle handle, long articleId, Instant now) {
        handle.createUpdate("UPDATE articles SET updated_at = :now WHERE id = :id")
                .bind("id", articleId).bind("now", now.toEpochMilli()).execute();
    }

    /** A published page by its slug: pages answer at /slug/. */
    public Optional<Article> findPageBySlug(String slug) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT " + FULL + " FROM articles a WHERE a.slug = :slug AND a.kind = 'page'")
                .bind("slug", slug).map(ArticleStore::mapFull).findOne()
                .map(article -> withLinks(handle, article)));
    }

    /**
     * Takes the article's row lock for the rest of the transaction (a no-op update: the same SQL on both
     * databases), so what is read and rendered next cannot be overtaken by another writer of the same article.
     */
    void lock(Handle handle, long articleId) {
        handle.createUpdate("UPDATE articles SET version = version WHERE id = :id").bind("id", articleId).execute();
    }

    boolean slugTaken(Handle handle, String slug, long exceptId) {
        return handle.createQuery("SELECT COUNT(*) FROM articles WHERE slug = :slug AND id <> :id")
                .bind("slug", slug).bind("id", exceptId).mapTo(Integer.class).one() > 0;
    }

    void rememberOldSlug(Handle handle, String slug, long articleId) {
        handle.createUpdate("DELETE FROM article_old_slugs WHERE slug = :slug").bind("slug", slug).execute();
        handle.createUpdate("INSERT INTO article_old_slugs (slug, article_id) VALUES (:slug, :id)")
                .bind("slug", slug).bind("id", articleId).execute();
    }

    /** A slug in use now stops redirecting anywhere else. */
    void forgetOldSlug(Handle handle, String slug) {
        handle.createUpdate("DELETE FROM article_old_slugs WHERE slug = :slug").bind("slug", slug).execute();
    }

    Optional<Article> findById(Handle handle, long id) {
        return handle.createQuery("SELECT " + FULL + " FROM articles a WHERE a.id = :id")
                .bind("id", id).map(ArticleStore::mapFull).findOne()
                .map(article -> withLinks(handle, article));
    }

    // ---- reads

    public Optional<Article> findById(long id) {
        return jdbi.withHandle(handle -> findById(handle, id));
    }

    public Optional<Article> findBySlug(String slug) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + FULL + " FROM articles a WHERE a.slug = :slug")
                .bind("slug", slug).map(ArticleStore::mapFull).findOne()
                .map(article -> withLinks(handle, article)));
    }

    public Optional<Long> findIdByOldSlug(String slug) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT article_id FROM article_old_slugs WHERE slug = :slug")
                .bind("slug", slug).mapTo(Long.class).findOne());
    }

    public List<ArticleSummary> latest(int limit, long offset) {
        return summaries(LATEST, Map.of(), null, limit, offset);
    }

    public long countLatest() {
        return count("SELECT COUNT(*) FROM articles WHERE status = 'published' AND kind = 'article'", Map.of(), null);
    }

    public List<ArticleSummary> inSections(Collection<Long> sectionIds, int limit, long offset) {
        return summaries(IN_SECTIONS, Map.of(), sectionIds, limit, offset);
    }

    public long countInSections(Collection<Long> sectionIds) {
        return count("SELECT COUNT(*) FROM articles WHERE section_id IN (<ids>) AND status = 'published'",
                Map.of(), sectionIds);
    }

    public List<ArticleSummary> withTag(long tagId, int limit, long offset) {
        return summaries(WITH_TAG, Map.of("tagId", tagId), null, limit, offset);
    }

    public long countWithTag(long tagId) {
        return count("SELECT COUNT(*) FROM article_tags WHERE tag_id = :tagId AND status = 'published'",
                Map.of("tagId", tagId), null);
    }

    public List<ArticleSummary> byAuthor(long authorId, int limit, long offset) {
        return summaries(BY_AUTHOR, Map.of("authorId", authorId), null, limit, offset);
    }

    public long countByAuthor(long authorId) {
        return count("""
                SELECT COUNT(*) FROM article_authors w JOIN articles a ON a.id = w.article_id
                WHERE w.author_id = :authorId AND w.status = 'published' AND a.kind = 'article'
                """, Map.of("authorId", authorId), null);
    }

    /** The newsroom's view: articles in {@code status}, most recently changed first; by one author when not 0. */
    public List<ArticleSummary> inStatus(ArticleStatus status, long authorId, int limit) {
        return summaries("""
                        SELECT %s FROM articles a
                        WHERE a.status = :status
                          AND (:authorId = 0 OR EXISTS (SELECT 1 FROM article_authors l
                                                        WHERE l.article_id = a.id AND l.author_id = :authorId))
                        ORDER BY a.updated_at DESC, a.id DESC LIMIT :limit OFFSET :offset
                        """, Map.of("status", status.dbValue(), "authorId", authorId), null, limit, 0);
    }

    public long countInStatus(ArticleStatus status, long authorId) {
        return count("""
                        SELECT COUNT(*) FROM articles a
                        WHERE a.status = :status
                          AND (:authorId = 0 OR EXISTS (SELECT 1 FROM article_authors l
                                                        WHERE l.article_id = a.id AND l.author_id = :authorId))
                        """, Map.of("status", status.dbValue(), "authorId", authorId), null);
    }

    private List<ArticleSummary> summaries(String sql, Map<String, Object> binds, Collection<Long> ids, int limit,
                                           long offset) {
        if (ids != null && ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery(sql.formatted(SUMMARY)).bindMap(binds)
                    .bind("limit", limit).bind("offset", offset);
            if (ids != null) {
                query.bindList("ids", List.copyOf(ids));
            }
            List<ArticleSummary> rows = query.map(ArticleStore::mapSummary).list();
            if (rows.isEmpty()) {
                return rows;
            }
            Map<Long, List<Long>> bylines = bylines(handle, rows.stream().map(ArticleSummary::id).toList());
            return rows.stream().map(row -> new ArticleSummary(row.id(), row.slug(), row.title(), row.dek(),
                    row.excerpt(), row.featuredMediaId(), row.sectionId(), row.publishedAt(), row.updatedAt(),
                    bylines.getOrDefault(row.id(), List.of()))).toList();
        });
    }

    private long count(String sql, Map<String, Object> binds, Collection<Long> ids) {
        if (ids != null && ids.isEmpty()) {
            return 0;
        }
        return jdbi.withHandle(handle -> {
            var query = handle.createQuery(sql).bindMap(binds);
            if (ids != null) {
                query.bindList("ids", List.copyOf(ids));
            }
            return query.mapTo(Long.class).one();
        });
    }

    private static Map<Long, List<Long>> bylines(Handle handle, List<Long> articleIds) {
        var bylines = new HashMap<Long, List<Long>>();
        handle.createQuery("""
                        SELECT article_id, author_id FROM article_authors
                        WHERE article_id IN (<ids>) ORDER BY article_id, position
                        """)
                .bindList("ids", articleIds)
                .map((rs, ctx) -> Map.entry(rs.getLong("article_id"), rs.getLong("author_id")))
                .forEach(link -> bylines.computeIfAbsent(link.getKey(), id -> new ArrayList<>()).add(link.getValue()));
        return bylines;
    }

    private static Article withLinks(Handle handle, Article article) {
        List<Long> authors = bylines(handle, List.of(article.id())).getOrDefault(article.id(), List.of());
        List<Long> tags = handle.createQuery(
                        "SELECT tag_id FROM article_tags WHERE article_id = :id ORDER BY position")
                .bind("id", article.id()).mapTo(Long.class).list();
        return article.withLinks(List.copyOf(authors), List.copyOf(tags));
    }

    private static ArticleSummary mapSummary(ResultSet rs, StatementContext ctx) throws SQLException {
        return new ArticleSummary(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("dek"),
                rs.getString("excerpt"), Columns.nullableLong(rs, "featured_media_id"), rs.getLong("section_id"),
                Columns.nullableInstant(rs, "published_at"), Columns.nullableInstant(rs, "updated_at"), List.of());
    }

    private static Article mapFull(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Article(rs.getLong("id"), rs.getString("slug"), rs.getString("title"), rs.getString("dek"),
                rs.getString("body_markdown"), rs.getString("body_html"), rs.getString("excerpt"),
                Columns.nullableLong(rs, "featured_media_id"), ArticleStatus.fromDb(rs.getString("status")),
                rs.getLong("section_id"), Columns.nullableInstant(rs, "published_at"), Columns.nullableInstant(rs, "created_at"),
                Columns.nullableInstant(rs, "updated_at"), List.of(), List.of(), rs.getLong("version"),
                Kind.fromDb(rs.getString("kind")), rs.getString("seo_title"), rs.getString("seo_description"),
                Columns.nullableInstant(rs, "trashed_at"),
                rs.getString("status_before_trash") == null ? null : ArticleStatus.fromDb(rs.getString("status_before_trash")));
    }

    /** A page's section is none: 0 in the record, NULL in the row. */
    private static Long section(Article article) {
        return article.sectionId() == 0 ? null : article.sectionId();
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
