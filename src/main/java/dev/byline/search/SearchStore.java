package dev.byline.search;

import dev.byline.db.Columns;
import dev.byline.search.IndexedArticle.Named;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jsoup.Jsoup;

/**
 * The SQL the index reads: articles with their sections, tags and bylines, a batch at a time in id order (a rebuild)
 * or by id (a change); which articles a section, tag or author is on. The same SQL on SQLite and PostgreSQL.
 */
public final class SearchStore {

    private static final String ARTICLE = """
            SELECT a.id, a.slug, a.kind, a.status, a.title, a.dek, a.body_html, a.section_id, a.published_at,
                   a.updated_at
            FROM articles a
            """;

    private final Jdbi jdbi;

    public SearchStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Up to {@code limit} articles with ids above {@code afterId}, in id order. */
    public List<IndexedArticle> batchAfter(long afterId, int limit) {
        return jdbi.withHandle(handle -> complete(handle, handle.createQuery(ARTICLE
                        + " WHERE a.id > :after ORDER BY a.id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).map(SearchStore::row).list()));
    }

    /** The articles of these ids that still exist. */
    public List<IndexedArticle> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> complete(handle, handle.createQuery(ARTICLE + " WHERE a.id IN (<ids>)")
                .bindList("ids", List.copyOf(ids)).map(SearchStore::row).list()));
    }

    /** Every article's id, in order: what a rebuild keeps. */
    public List<Long> allIds() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM articles ORDER BY id")
                .mapTo(Long.class).list());
    }

    /** The ids of articles changed at or after {@code since}: what a node missed while it was stopped. */
    public List<Long> changedSince(Instant since) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM articles WHERE updated_at >= :since")
                .bind("since", since.toEpochMilli()).mapTo(Long.class).list());
    }

    /** Articles filed in the section or in a section under it (their section trail names it). */
    public List<Long> inSectionTree(long sectionId) {
        return jdbi.withHandle(handle -> {
            var sections = sections(handle);
            var ids = new ArrayList<Long>();
            for (var section : sections.values()) {
                if (trail(sections, section.id()).stream().anyMatch(named -> named.id() == sectionId)) {
                    ids.add(section.id());
                }
            }
            if (ids.isEmpty()) {
                return List.of();
            }
            return handle.createQuery("SELECT id FROM articles WHERE section_id IN (<ids>)").bindList("ids", ids)
                    .mapTo(Long.class).list();
        });
    }

    public List<Long> withTag(long tagId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT article_id FROM article_tags WHERE tag_id = :id")
                .bind("id", tagId).mapTo(Long.class).list());
    }

    public List<Long> byAuthor(long authorId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT article_id FROM article_authors WHERE author_id = :id")
                .bind("id", authorId).mapTo(Long.class).list());
    }

    private record Row(long id, String slug, String kind, String status, String title, String dek, String bodyHtml,
                       Long sectionId, Instant publishedAt, Instant updatedAt) {
    }

    private record SectionRow(long id, String slug, String name, Long parentId) {
    }

    private static Row row(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("slug"), rs.getString("kind"), rs.getString("status"),
                rs.getString("title"), rs.getString("dek"), rs.getString("body_html"),
                Columns.nullableLong(rs, "section_id"), Columns.nullableInstant(rs, "published_at"),
                Columns.nullableInstant(rs, "updated_at"));
    }

    /** The rows with their section trails, tags and bylines: three more queries for the whole batch. */
    private static List<IndexedArticle> complete(Handle handle, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, SectionRow> sections = sections(handle);
        Map<Long, List<Named>> tags = links(handle, """
                SELECT l.article_id, t.id, t.slug, t.name FROM article_tags l JOIN tags t ON t.id = l.tag_id
                WHERE l.article_id IN (<ids>) ORDER BY l.article_id, l.position
                """, ids);
        Map<Long, List<Named>> authors = links(handle, """
                SELECT l.article_id, p.id, p.slug, p.display_name AS name FROM article_authors l
                JOIN authors p ON p.id = l.author_id
                WHERE l.article_id IN (<ids>) ORDER BY l.article_id, l.position
                """, ids);
        return rows.stream().map(row -> new IndexedArticle(row.id(), row.slug(), row.kind(), row.status(),
                row.title(), row.dek(), Jsoup.parse(row.bodyHtml()).text(),
                row.sectionId() == null ? List.of() : trail(sections, row.sectionId()), row.publishedAt(),
                row.updatedAt(), tags.getOrDefault(row.id(), List.of()), authors.getOrDefault(row.id(), List.of())))
                .toList();
    }

    private static Map<Long, SectionRow> sections(Handle handle) {
        var sections = new HashMap<Long, SectionRow>();
        handle.createQuery("SELECT id, slug, name, parent_id FROM sections")
                .map((rs, ctx) -> new SectionRow(rs.getLong("id"), rs.getString("slug"), rs.getString("name"),
                        Columns.nullableLong(rs, "parent_id")))
                .forEach(section -> sections.put(section.id(), section));
        return sections;
    }

    /** The section, then its parent, up to the top (a cycle, which the sections' rules forbid, stops the walk). */
    private static List<Named> trail(Map<Long, SectionRow> sections, long sectionId) {
        var trail = new ArrayList<Named>();
        SectionRow section = sections.get(sectionId);
        while (section != null && trail.size() < 16) {
            trail.add(new Named(section.id(), section.slug(), section.name()));
            section = section.parentId() == null ? null : sections.get(section.parentId());
        }
        return trail;
    }

    private static Map<Long, List<Named>> links(Handle handle, String sql, List<Long> ids) {
        var links = new HashMap<Long, List<Named>>();
        handle.createQuery(sql).bindList("ids", ids)
                .map((rs, ctx) -> Map.entry(rs.getLong("article_id"),
                        new Named(rs.getLong("id"), rs.getString("slug"), rs.getString("name"))))
                .forEach(link -> links.computeIfAbsent(link.getKey(), id -> new ArrayList<>()).add(link.getValue()));
        return links;
    }
}
