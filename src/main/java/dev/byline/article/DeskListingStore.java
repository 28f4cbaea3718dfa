package dev.byline.article;

import dev.byline.db.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The SQL of the desk's list: the one query with many filters, built from the clauses its filter uses (every
 * clause visible below), one more query for the bylines of the page, and the counts per status. On 100k articles
 * every view reads an index, never the table's rows (whose bodies make it hundreds of megabytes): a status walks
 * {@code articles_desk (kind, status, updated_at, id)} in order and the counts read it alone; everything, a title
 * search or a date range walks {@code articles_desk_changed (kind, updated_at, id, status, published_at, title)},
 * which holds what those filters read; the title order walks {@code articles_desk_title}; a person's, a tag's or a
 * section's articles start from their own index. {@link #INDEXES} says them; DeskListingPlanTest keeps it so.
 * A title search is {@code LIKE} on SQLite (which ignores ASCII case by itself, as its {@code LOWER} lower-cases
 * only ASCII) and {@code ILIKE} on PostgreSQL: {@code LOWER(a.title)} on every entry walked made a search that
 * matches nothing on 100k articles cost about 40 ms of SQLite's CPU instead of 21 (docs/BENCHMARKS.md, the desk).
 */
public final class DeskListingStore {

    static final String COLUMNS = "a.id, a.slug, a.title, a.status, a.kind, a.section_id, a.published_at, "
            + "a.updated_at, a.trashed_at, a.version";
    static final String OWN = " AND a.id IN (SELECT o.article_id FROM article_authors o WHERE o.author_id = :ownerId)";

    /** The indexes the desk's list reads (made by V010; the same SQL on both databases). */
    public static final java.util.List<String> INDEXES = java.util.List.of(
            "CREATE INDEX IF NOT EXISTS articles_desk ON articles (kind, status, updated_at DESC, id DESC)",
            "CREATE INDEX IF NOT EXISTS articles_desk_changed ON articles (kind, updated_at DESC, id DESC, status, "
                    + "published_at, title)",
            "CREATE INDEX IF NOT EXISTS articles_desk_title ON articles (kind, title, id)");

    private final Jdbi jdbi;
    private volatile Boolean postgres;

    public DeskListingStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Whether the database is PostgreSQL (ILIKE) rather than SQLite (LIKE): asked of the driver once. */
    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbi.withHandle(handle -> {
                try {
                    return handle.getConnection().getMetaData().getDatabaseProductName().toLowerCase(
                            java.util.Locale.ROOT).contains("postgres");
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot tell the database's dialect", e);
                }
            });
            postgres = known;
        }
        return known;
    }

    /** Up to {@code limit} rows from {@code offset}; {@code ownerId} (not 0) keeps only that author's. */
    public List<DeskRow> list(DeskFilter filter, long ownerId, int limit, long offset) {
        return list(filter, ownerId, limit, offset, null);
    }

    /**
     * As {@link #list(DeskFilter, long, int, long)}, with the filter's words matched by the search index: only the
     * articles {@code matching} names (not empty), instead of the title search; null: the title search.
     */
    public List<DeskRow> list(DeskFilter filter, long ownerId, int limit, long offset, List<Long> matching) {
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql(filter, ownerId, postgres(), matching != null)
                            + " LIMIT :limit OFFSET :offset")
                    .bind("limit", limit).bind("offset", offset);
            bind(query, filter, ownerId, matching);
            List<DeskRow> rows = query.map(DeskListingStore::row).list();
            return rows.isEmpty() ? rows : withBylines(handle, rows);
        });
    }

    /** How many articles of {@code kind} are in each status (the trash included); {@code ownerId} as for list. */
    public Map<ArticleStatus, Long> countsByStatus(Kind kind, long ownerId) {
        return jdbi.withHandle(handle -> {
            var counts = new EnumMap<ArticleStatus, Long>(ArticleStatus.class);
            handle.createQuery("SELECT a.status, COUNT(*) AS n FROM articles a WHERE a.kind = :kind"
                            + (ownerId != 0 ? OWN : "") + " GROUP BY a.status")
                    .bind("kind", kind.dbValue()).bind("ownerId", ownerId)
                    .map((rs, ctx) -> Map.entry(ArticleStatus.fromDb(rs.getString("status")), rs.getLong("n")))
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
            return counts;
        });
    }

    /** An image to choose as an article's featured image: its id and what names it (alt text, else the file). */
    public record ImageChoice(long id, String label) {
    }

    /** The newest {@code limit} images of the library, newest first, and {@code alsoId} (when not 0) whatever its age. */
    public List<ImageChoice> images(int limit, long alsoId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, path, alt FROM media WHERE id IN (SELECT id FROM media ORDER BY id DESC LIMIT :limit)
                           OR id = :alsoId
                        ORDER BY id DESC
                        """)
                .bind("limit", limit).bind("alsoId", alsoId)
                .map((rs, ctx) -> new ImageChoice(rs.getLong("id"), rs.getString("alt").isBlank()
                        ? rs.getString("path") : rs.getString("alt") + " (" + rs.getString("path") + ")"))
                .list());
    }

    /** The list's query without its LIMIT: what EXPLAIN is asked about in the plan test. */
    static String sql(DeskFilter filter, long ownerId, boolean postgres) {
        return sql(filter, ownerId, postgres, false);
    }

    /** @param byIds the words were matched by the search index: {@code a.id IN (<matching>)} replaces the LIKE */
    static String sql(DeskFilter filter, long ownerId, boolean postgres, boolean byIds) {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM articles a WHERE a.kind = :kind");
        sql.append(filter.status() != null ? " AND a.status = :status" : " AND a.status <> 'trash'");
        if (ownerId != 0) {
            sql.append(OWN);
        }
        if (filter.sectionIds() != null) {
            sql.append(" AND a.section_id IN (<sectionIds>)");
        }
        if (filter.tagId() != null) {
            sql.append(" AND a.id IN (SELECT t.article_id FROM article_tags t WHERE t.tag_id = :tagId)");
        }
        if (filter.authorId() != null) {
            sql.append(" AND a.id IN (SELECT w.article_id FROM article_authors w WHERE w.author_id = :authorId)");
        }
        if (filter.from() != null) {
            sql.append(" AND COALESCE(a.published_at, a.updated_at) >= :from");
        }
        if (filter.until() != null) {
            sql.append(" AND COALESCE(a.published_at, a.updated_at) < :until");
        }
        if (byIds) {
            sql.append(" AND a.id IN (<matching>)");
        } else if (!filter.search().isEmpty()) {
            sql.append(postgres ? " AND a.title ILIKE :search ESCAPE '!'" : " AND a.title LIKE :search ESCAPE '!'");
        }
        return sql.append(" ORDER BY ").append(filter.sort().orderBy).toString();
    }

    static void bind(Query query, DeskFilter filter, long ownerId) {
        bind(query, filter, ownerId, null);
    }

    static void bind(Query query, DeskFilter filter, long ownerId, List<Long> matching) {
        query.bind("kind", filter.kind().dbValue()).bind("ownerId", ownerId);
        if (filter.status() != null) {
            query.bind("status", filter.status().dbValue());
        }
        if (filter.sectionIds() != null) {
            query.bindList("sectionIds", filter.sectionIds());
        }
        if (filter.tagId() != null) {
            query.bind("tagId", filter.tagId());
        }
        if (filter.authorId() != null) {
            query.bind("authorId", filter.authorId());
        }
        if (filter.from() != null) {
            query.bind("from", filter.from().toEpochMilli());
        }
        if (filter.until() != null) {
            query.bind("until", filter.until().toEpochMilli());
        }
        if (matching != null) {
            query.bindList("matching", matching);
        } else if (!filter.search().isEmpty()) {
            query.bind("search", dev.byline.text.LikePatterns.containing(filter.search()));
        }
    }


    private static List<DeskRow> withBylines(Handle handle, List<DeskRow> rows) {
        var bylines = new HashMap<Long, List<Long>>();
        handle.createQuery("SELECT article_id, author_id FROM article_authors WHERE article_id IN (<ids>)"
                        + " ORDER BY article_id, position")
                .bindList("ids", rows.stream().map(DeskRow::id).toList())
                .map((rs, ctx) -> Map.entry(rs.getLong("article_id"), rs.getLong("author_id")))
                .forEach(link -> bylines.computeIfAbsent(link.getKey(), id -> new ArrayList<>()).add(link.getValue()));
        return rows.stream().map(row -> new DeskRow(row.id(), row.slug(), row.title(), row.status(), row.kind(),
                row.sectionId(), row.publishedAt(), row.updatedAt(), row.trashedAt(), row.version(),
                List.copyOf(bylines.getOrDefault(row.id(), List.of())))).toList();
    }

    private static DeskRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new DeskRow(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                ArticleStatus.fromDb(rs.getString("status")), Kind.fromDb(rs.getString("kind")),
                Columns.nullableLong(rs, "section_id"), Columns.nullableInstant(rs, "published_at"),
                Columns.nullableInstant(rs, "updated_at"), Columns.nullableInstant(rs, "trashed_at"),
                rs.getLong("version"), List.of());
    }
}
