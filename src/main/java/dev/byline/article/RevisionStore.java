package dev.byline.article;

import dev.byline.db.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for {@code article_revisions}: one row per save, and at most one autosave per person and article (a partial
 * unique index; the autosave is deleted and written again under the article's row lock).
 */
public final class RevisionStore {

    private static final String COLUMNS = """
            r.id, r.article_id, r.version, COALESCE(u.display_name, r.who) AS who_now, r.at, r.autosave, r.note,
            r.kind, r.title, r.dek, r.slug, r.body_markdown, r.excerpt, r.section_id, r.featured_media_id,
            r.seo_title, r.seo_description, r.status, r.published_at, r.tags, r.authors""";

    private final Jdbi jdbi;

    public RevisionStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Keeps {@code revision} (its id is ignored). {@code who} is the name written when the account no longer
     * exists; while it does, lists show its name as it is now.
     */
    long insert(Handle handle, Revision revision, long userId) {
        return handle.createUpdate("""
                        INSERT INTO article_revisions (article_id, version, user_id, who, at, autosave, note, kind,
                            title, dek, slug, body_markdown, excerpt, section_id, featured_media_id, seo_title,
                            seo_description, status, published_at, tags, authors)
                        VALUES (:articleId, :version, :userId,
                                COALESCE((SELECT display_name FROM users WHERE id = :userId), :who), :at,
                                :autosaveFlag, :note, :kindValue, :title, :dek, :slug, :bodyMarkdown, :excerpt,
                                :sectionId, :featuredMediaId, :seoTitle, :seoDescription, :statusValue,
                                :publishedMillis, :tagText, :authorText)
                        """)
                .bindMethods(revision)
                .bind("userId", userId == 0 ? null : userId)
                .bind("at", revision.at().toEpochMilli())
                .bind("autosaveFlag", revision.autosave() ? 1 : 0)
                .bind("kindValue", revision.kind().dbValue())
                .bind("statusValue", revision.status().dbValue())
                .bind("publishedMillis", revision.publishedAt() == null ? null : revision.publishedAt().toEpochMilli())
                .bind("tagText", String.join("\n", revision.tagNames()))
                .bind("authorText", String.join(",", revision.authorIds().stream().map(String::valueOf).toList()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Deletes the person's autosave of the article (they saved, or autosave again). */
    void dropAutosave(Handle handle, long articleId, long userId) {
        handle.createUpdate(userId == 0
                        ? "DELETE FROM article_revisions WHERE article_id = :articleId AND autosave = 1 AND user_id IS NULL"
                        : "DELETE FROM article_revisions WHERE article_id = :articleId AND autosave = 1 AND user_id = :userId")
                .bind("articleId", articleId).bind("userId", userId).execute();
    }

    /** The article's revisions, newest first. */
    public List<Revision> list(long articleId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + """
                         FROM article_revisions r LEFT JOIN users u ON u.id = r.user_id
                        WHERE r.article_id = :articleId ORDER BY r.id DESC
                        """)
                .bind("articleId", articleId).map(RevisionStore::map).list());
    }

    private static final String ENTRY = """
            SELECT r.id, r.article_id, r.version, COALESCE(u.display_name, r.who) AS who_now, r.at, r.autosave, r.note
              FROM article_revisions r LEFT JOIN users u ON u.id = r.user_id
            """;

    /** The article's revisions, newest first, without their texts: one walk of article_revisions_by_article. */
    public List<RevisionEntry> entries(long articleId) {
        return jdbi.withHandle(handle -> handle.createQuery(ENTRY + " WHERE r.article_id = :articleId ORDER BY r.id DESC")
                .bind("articleId", articleId).map(RevisionStore::entry).list());
    }

    /**
     * The article's newest save (not an autosave) and every autosave of it (at most one per person), newest
     * first: what the editor needs to say whether someone's autosave is newer than the text, however many times
     * the article was saved.
     */
    public List<RevisionEntry> latest(long articleId) {
        return jdbi.withHandle(handle -> {
            var found = new java.util.ArrayList<>(handle.createQuery(ENTRY
                            + " WHERE r.article_id = :articleId AND r.autosave = 1")
                    .bind("articleId", articleId).map(RevisionStore::entry).list());
            handle.createQuery(ENTRY + " WHERE r.article_id = :articleId AND r.autosave = 0 ORDER BY r.id DESC LIMIT 1")
                    .bind("articleId", articleId).map(RevisionStore::entry).findOne().ifPresent(found::add);
            found.sort(java.util.Comparator.comparingLong(RevisionEntry::id).reversed());
            return found;
        });
    }

    public Optional<Revision> find(long revisionId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + """
                         FROM article_revisions r LEFT JOIN users u ON u.id = r.user_id
                        WHERE r.id = :id
                        """)
                .bind("id", revisionId).map(RevisionStore::map).findOne());
    }

    private static RevisionEntry entry(ResultSet rs, StatementContext ctx) throws SQLException {
        return new RevisionEntry(rs.getLong("id"), rs.getLong("article_id"), rs.getLong("version"),
                rs.getString("who_now"), Instant.ofEpochMilli(rs.getLong("at")), rs.getInt("autosave") == 1,
                rs.getString("note"));
    }

    private static Revision map(ResultSet rs, StatementContext ctx) throws SQLException {
        String tags = rs.getString("tags");
        String authors = rs.getString("authors");
        return new Revision(rs.getLong("id"), rs.getLong("article_id"), rs.getLong("version"),
                rs.getString("who_now"), Instant.ofEpochMilli(rs.getLong("at")), rs.getInt("autosave") == 1,
                rs.getString("note"), Kind.fromDb(rs.getString("kind")), rs.getString("title"), rs.getString("dek"),
                rs.getString("slug"), rs.getString("body_markdown"), rs.getString("excerpt"),
                Columns.nullableLong(rs, "section_id"), Columns.nullableLong(rs, "featured_media_id"),
                rs.getString("seo_title"), rs.getString("seo_description"),
                ArticleStatus.fromDb(rs.getString("status")), Columns.nullableInstant(rs, "published_at"),
                tags.isEmpty() ? List.of() : List.of(tags.split("\n")),
                authors.isEmpty() ? List.of() : Arrays.stream(authors.split(",")).map(Long::valueOf).toList());
    }
}
