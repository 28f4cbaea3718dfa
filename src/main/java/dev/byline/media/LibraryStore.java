package dev.byline.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The media library's SQL: the filtered list, the months that have images, what uses an image, and deleting one.
 * The list is the one query with several optional filters, so it is put together from visible clauses here.
 */
final class LibraryStore {

    /** The list's columns: the image, its original name, who uploaded it, whether an article shows it. */
    private static final String ITEM = MediaStore.COLUMNS.replaceAll("(\\w+)", "m.$1") + """
            , m.file_name, m.uploaded_by, u.display_name AS uploader_name,
            EXISTS (SELECT 1 FROM article_media am WHERE am.media_id = m.id) AS in_use
            """;
    /**
     * Case-insensitive matching, '!' escaping the wildcards typed: SQLite's LIKE ignores (ASCII) case by itself,
     * PostgreSQL's ILIKE does; a lower() on each column instead cost a function call per column and row (a search
     * reading all of 100,000 images took 145 ms with them).
     */
    private static String matches(String column, String pattern, boolean postgres) {
        return column + (postgres ? " ILIKE " : " LIKE ") + pattern + " ESCAPE '!'";
    }
    static final String LIST = "SELECT " + ITEM + """
            FROM media m LEFT JOIN users u ON u.id = m.uploaded_by
            WHERE %s
            ORDER BY m.created_at DESC, m.id DESC
            LIMIT :limit OFFSET :offset
            """;

    static final String USES = """
            SELECT a.id, a.title, a.status FROM article_media u JOIN articles a ON a.id = u.article_id
            WHERE u.media_id = :id ORDER BY u.article_id DESC LIMIT :limit
            """;

    private final Jdbi jdbi;
    private final boolean postgres;

    /** @param postgres lock rows with FOR UPDATE (SQLite has one writer at a time and no such clause) */
    LibraryStore(Jdbi jdbi, boolean postgres) {
        this.jdbi = jdbi;
        this.postgres = postgres;
    }

    /** What the list is filtered by; empty strings and nulls mean "any". */
    record Filter(String text, String slug, String mimeType, Long from, Long until) {
    }

    /** One page of the list, newest first, reading {@code limit} rows from {@code offset}. */
    List<LibraryItem> list(Filter filter, int limit, long offset) {
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(LIST.formatted(where(filter, postgres)))
                    .bind("limit", limit).bind("offset", offset);
            bind(query, filter);
            return query.map(LibraryStore::item).list();
        });
    }

    /** The WHERE clause for {@code filter}: only the conditions it uses, so each plan walks one index. */
    static String where(Filter filter, boolean postgres) {
        var clauses = new ArrayList<String>();
        if (!filter.mimeType().isEmpty()) {
            clauses.add("m.mime_type = :mimeType");
        }
        if (filter.from() != null) {
            clauses.add("m.created_at >= :from AND m.created_at < :until");
        }
        if (!filter.text().isEmpty()) {
            var any = new ArrayList<String>();
            for (String column : List.of("m.alt", "m.caption", "m.credit", "m.file_name")) {
                any.add(matches(column, ":text", postgres));
            }
            if (!filter.slug().isEmpty()) { // images stored before names were kept: the slug in the path
                any.add("(m.file_name = '' AND " + matches("m.path", ":slug", postgres) + ")");
            }
            clauses.add("(" + String.join(" OR ", any) + ")");
        }
        return clauses.isEmpty() ? "1 = 1" : String.join(" AND ", clauses);
    }

    private static void bind(Query query, Filter filter) {
        if (!filter.mimeType().isEmpty()) {
            query.bind("mimeType", filter.mimeType());
        }
        if (filter.from() != null) {
            query.bind("from", filter.from()).bind("until", filter.until());
        }
        if (!filter.text().isEmpty()) {
            query.bind("text", "%" + dev.byline.text.LikePatterns.escape(filter.text()) + "%");
            if (!filter.slug().isEmpty()) {
                query.bind("slug", "%" + dev.byline.text.LikePatterns.escape(filter.slug()) + "%");
            }
        }
    }

    /** The newest upload time before {@code before} (epoch ms): one index seek. */
    OptionalLong newestBefore(long before) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT created_at FROM media WHERE created_at < :before
                        ORDER BY created_at DESC, id DESC LIMIT 1
                        """)
                .bind("before", before).mapTo(Long.class).findOne()
                .map(OptionalLong::of).orElse(OptionalLong.empty()));
    }

    Optional<LibraryItem> find(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + ITEM
                        + " FROM media m LEFT JOIN users u ON u.id = m.uploaded_by WHERE m.id = :id")
                .bind("id", id).map(LibraryStore::item).findOne());
    }

    /**
     * Image {@code id} with its row locked until the transaction ends: on PostgreSQL FOR UPDATE, which also waits
     * for an article save that is adding a use of it (its foreign key check holds a share lock on the row), so
     * the uses read next include that save's.
     */
    Optional<LibraryItem> lock(Handle handle, long id) {
        if (postgres) {
            handle.createQuery("SELECT id FROM media WHERE id = :id FOR UPDATE").bind("id", id)
                    .mapTo(Long.class).findOne();
        }
        return handle.createQuery("SELECT " + ITEM
                        + " FROM media m LEFT JOIN users u ON u.id = m.uploaded_by WHERE m.id = :id")
                .bind("id", id).map(LibraryStore::item).findOne();
    }

    /**
     * What shows image {@code id}: articles of every status (their featured image or a figure in the body), up to
     * {@code limit} of them, newest first; authors' pictures; the site's logo. And how many articles in all.
     */
    MediaUses uses(Handle handle, long id, int limit) {
        // ordered by the index's own column (article_media_by_media): the walk stops after `limit` rows, where
        // ordering by the article's id sorted every use first (87 ms for an image in 8,000 articles on 100k)
        List<MediaUses.Use> articles = handle.createQuery(USES)
                .bind("id", id).bind("limit", limit)
                .map((rs, ctx) -> new MediaUses.Use(MediaUses.Kind.ARTICLE, rs.getLong("id"), rs.getString("title"),
                        rs.getString("status")))
                .list();
        long articleCount = articles.size() < limit ? articles.size() : handle.createQuery(
                        "SELECT COUNT(*) FROM article_media WHERE media_id = :id")
                .bind("id", id).mapTo(Long.class).one();
        var others = new ArrayList<MediaUses.Use>();
        handle.createQuery("SELECT id, display_name FROM authors WHERE avatar_media_id = :id ORDER BY id")
                .bind("id", id)
                .map((rs, ctx) -> new MediaUses.Use(MediaUses.Kind.AUTHOR, rs.getLong("id"),
                        rs.getString("display_name"), ""))
                .forEach(others::add);
        handle.createQuery("SELECT value FROM settings WHERE name = 'logo' AND value = :id")
                .bind("id", String.valueOf(id)).mapTo(String.class).findOne()
                .ifPresent(logo -> others.add(new MediaUses.Use(MediaUses.Kind.LOGO, 0, "The site's logo", "")));
        return new MediaUses(articles, articleCount, others);
    }

    MediaUses uses(long id, int limit) {
        return jdbi.withHandle(handle -> uses(handle, id, limit));
    }

    /** The paths image {@code id} had before it was replaced: their files go with it. */
    List<String> oldPaths(Handle handle, long id) {
        return handle.createQuery("SELECT path FROM media_old_paths WHERE media_id = :id ORDER BY path")
                .bind("id", id).mapTo(String.class).list();
    }

    /** Deletes the row; its old paths and article uses go with it (ON DELETE CASCADE). */
    void delete(Handle handle, long id) {
        handle.createUpdate("DELETE FROM media WHERE id = :id").bind("id", id).execute();
    }

    private static LibraryItem item(ResultSet rs, StatementContext ctx) throws SQLException {
        return new LibraryItem(MediaStore.map(rs, ctx), rs.getString("file_name"), dev.byline.db.Columns.nullableLong(rs, "uploaded_by"),
                rs.getString("uploader_name"), rs.getBoolean("in_use"));
    }

}
