package dev.byline.frontpage;

import dev.byline.article.ArticleSummary;
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
 * SQL for the front page's picks (V008__structure.sql), and the reads of published articles its desk and the
 * home page need: the picks themselves, and a title search to pick from. Only {@code published} articles (not
 * pages) are ever read here (a list of the one status allowed, as in the public read model).
 */
public final class FrontPageStore {

    private static final String STORY = "a.id, a.title, a.slug, a.published_at, a.section_id";

    private final Jdbi jdbi;

    public FrontPageStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    FrontPage read() {
        return jdbi.withHandle(this::read);
    }

    FrontPage read(Handle handle) {
        long version = handle.createQuery("SELECT version FROM front_page WHERE id = 1").mapTo(Long.class).one();
        Optional<Long> lead = Optional.empty();
        var pinned = new ArrayList<Long>();
        for (Map.Entry<Long, String> pick : handle.createQuery(
                        "SELECT article_id, place FROM front_page_stories ORDER BY position, article_id")
                .map((rs, ctx) -> Map.entry(rs.getLong("article_id"), rs.getString("place"))).list()) {
            if (pick.getValue().equals("lead")) {
                lead = Optional.of(pick.getKey());
            } else {
                pinned.add(pick.getKey());
            }
        }
        return new FrontPage(version, lead, pinned);
    }

    /**
     * Moves the picks from version {@code expected} to the next, or changes nothing and answers false: someone
     * changed them since the page was made (on PostgreSQL the second of two writers waits for the first's row
     * lock, then finds the version moved on; SQLite has one writer).
     */
    boolean claim(Handle handle, long expected) {
        return handle.createUpdate("UPDATE front_page SET version = version + 1 WHERE id = 1 AND version = :expected")
                .bind("expected", expected).execute() == 1;
    }

    /** Takes the picks' row lock for the rest of the transaction (a no-op update, the same SQL on both databases). */
    void lock(Handle handle) {
        handle.createUpdate("UPDATE front_page SET version = version WHERE id = 1").execute();
    }

    void raiseVersion(Handle handle) {
        handle.createUpdate("UPDATE front_page SET version = version + 1 WHERE id = 1").execute();
    }

    /** Writes the picks as given, over what was there. */
    void replace(Handle handle, Optional<Long> lead, List<Long> pinned) {
        handle.execute("DELETE FROM front_page_stories");
        lead.ifPresent(id -> insert(handle, id, "lead", 0));
        for (int position = 0; position < pinned.size(); position++) {
            insert(handle, pinned.get(position), "pinned", position);
        }
    }

    private static void insert(Handle handle, long articleId, String place, int position) {
        handle.createUpdate("INSERT INTO front_page_stories (article_id, place, position) VALUES (:id, :place, :position)")
                .bind("id", articleId).bind("place", place).bind("position", position).execute();
    }

    /** Takes these articles off the front page; answers how many picks went. */
    int remove(Handle handle, Collection<Long> articleIds) {
        return handle.createUpdate("DELETE FROM front_page_stories WHERE article_id IN (<ids>)")
                .bindList("ids", List.copyOf(articleIds)).execute();
    }

    /** The article, when it is published: only those can be picked. */
    Optional<Story> published(Handle handle, long articleId) {
        return handle.createQuery("SELECT " + STORY
                        + " FROM articles a WHERE a.id = :id AND a.status = 'published' AND a.kind = 'article'")
                .bind("id", articleId).map(FrontPageStore::mapStory).findOne();
    }

    /** The published ones among these articles, by id. */
    Map<Long, Story> published(Collection<Long> articleIds) {
        var stories = new HashMap<Long, Story>();
        if (!articleIds.isEmpty()) {
            jdbi.useHandle(handle -> handle.createQuery(
                            "SELECT " + STORY + " FROM articles a WHERE a.id IN (<ids>) AND a.status = 'published' "
                                    + "AND a.kind = 'article'")
                    .bindList("ids", List.copyOf(articleIds)).map(FrontPageStore::mapStory)
                    .forEach(story -> stories.put(story.id(), story)));
        }
        return stories;
    }

    /**
     * Published articles whose title contains {@code pattern} (a lower-case LIKE pattern), newest first: walks the
     * home page's index (status, published_at) and stops at {@code limit}.
     */
    List<Story> search(String pattern, int limit) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT %s FROM articles a
                        WHERE a.status = 'published' AND a.kind = 'article' AND LOWER(a.title) LIKE :pattern ESCAPE '!'
                        ORDER BY a.published_at DESC, a.id DESC LIMIT :limit
                        """.formatted(STORY))
                .bind("pattern", pattern).bind("limit", limit).map(FrontPageStore::mapStory).list());
    }

    /** The published ones among these articles as teasers show them, with their bylines: for the home page. */
    List<ArticleSummary> summaries(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> {
            var bylines = new HashMap<Long, List<Long>>();
            handle.createQuery("""
                            SELECT article_id, author_id FROM article_authors
                            WHERE article_id IN (<ids>) ORDER BY article_id, position
                            """)
                    .bindList("ids", List.copyOf(articleIds))
                    .map((rs, ctx) -> Map.entry(rs.getLong("article_id"), rs.getLong("author_id")))
                    .forEach(link -> bylines.computeIfAbsent(link.getKey(), id -> new ArrayList<>()).add(link.getValue()));
            return handle.createQuery("""
                            SELECT a.id, a.slug, a.title, a.dek, a.excerpt, a.featured_media_id, a.section_id,
                                   a.published_at, a.updated_at
                            FROM articles a WHERE a.id IN (<ids>) AND a.status = 'published' AND a.kind = 'article'
                            """)
                    .bindList("ids", List.copyOf(articleIds))
                    .map((rs, ctx) -> new ArticleSummary(rs.getLong("id"), rs.getString("slug"), rs.getString("title"),
                            rs.getString("dek"), rs.getString("excerpt"), Columns.nullableLong(rs, "featured_media_id"),
                            rs.getLong("section_id"), Columns.nullableInstant(rs, "published_at"),
                            Columns.nullableInstant(rs, "updated_at"),
                            List.copyOf(bylines.getOrDefault(rs.getLong("id"), List.of()))))
                    .list();
        });
    }

    private static Story mapStory(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Story(rs.getLong("id"), rs.getString("title"), rs.getString("slug"),
                Instant.ofEpochMilli(rs.getLong("published_at")), rs.getLong("section_id"));
    }
}
