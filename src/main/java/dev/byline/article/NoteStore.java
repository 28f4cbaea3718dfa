package dev.byline.article;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** SQL for {@code article_notes}: corrections and updates, appended, never changed. */
public final class NoteStore {

    private static final String SELECT = """
            SELECT n.id, n.article_id, n.kind, n.body, n.placement, n.at, COALESCE(u.display_name, '') AS who
            FROM article_notes n LEFT JOIN users u ON u.id = n.user_id
            """;

    private final Jdbi jdbi;

    public NoteStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long insert(Handle handle, long articleId, NoteKind kind, String body, Placement placement, Instant at,
                long userId) {
        return handle.createUpdate("""
                        INSERT INTO article_notes (article_id, kind, body, placement, at, user_id)
                        VALUES (:articleId, :kind, :body, :placement, :at, :userId)
                        """)
                .bind("articleId", articleId).bind("kind", kind.dbValue()).bind("body", body)
                .bind("placement", placement.dbValue()).bind("at", at.toEpochMilli())
                .bind("userId", userId == 0 ? null : userId)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** The article's notes, oldest first. */
    public List<Note> list(long articleId) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE n.article_id = :id ORDER BY n.at, n.id")
                .bind("id", articleId).map(NoteStore::map).list());
    }

    /** The notes of several articles at once, oldest first. */
    public List<Note> list(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery(SELECT
                        + " WHERE n.article_id IN (<ids>) ORDER BY n.article_id, n.at, n.id")
                .bindList("ids", List.copyOf(articleIds)).map(NoteStore::map).list());
    }

    private static Note map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Note(rs.getLong("id"), rs.getLong("article_id"), NoteKind.fromDb(rs.getString("kind")),
                rs.getString("body"), Placement.fromDb(rs.getString("placement")),
                Instant.ofEpochMilli(rs.getLong("at")), rs.getString("who"));
    }
}
