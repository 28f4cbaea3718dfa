package dev.byline.people;

import dev.byline.db.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the authors table. */
public final class AuthorStore {

    private static final String COLUMNS = "id, slug, display_name, bio, avatar_media_id, links";

    private final Jdbi jdbi;

    public AuthorStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long insert(Handle handle, Author author, long now) {
        return handle.createUpdate("""
                        INSERT INTO authors (slug, display_name, bio, avatar_media_id, links, created_at, updated_at)
                        VALUES (:slug, :displayName, :bio, :avatarMediaId, :links, :now, :now)
                        """)
                .bind("slug", author.slug())
                .bind("displayName", author.displayName())
                .bind("bio", author.bio())
                .bind("avatarMediaId", author.avatarMediaId())
                .bind("links", String.join("\n", author.links()))
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
    }

    /**
     * Inserts a profile with no bio, picture or links under {@code slug} unless another author holds it (or takes
     * it at the same moment on another node: the unique index decides, not a check before).
     */
    java.util.Optional<Long> insertIfSlugFree(Handle handle, String slug, String displayName, long now) {
        return handle.createQuery("""
                        INSERT INTO authors (slug, display_name, bio, links, created_at, updated_at)
                        VALUES (:slug, :displayName, '', '', :now, :now)
                        ON CONFLICT (slug) DO NOTHING RETURNING id
                        """)
                .bind("slug", slug).bind("displayName", displayName).bind("now", now)
                .mapTo(Long.class).findOne();
    }

    void update(Handle handle, Author author, long now) {
        handle.createUpdate("""
                        UPDATE authors SET slug = :slug, display_name = :displayName, bio = :bio,
                               avatar_media_id = :avatarMediaId, links = :links, updated_at = :now
                        WHERE id = :id
                        """)
                .bind("id", author.id())
                .bind("slug", author.slug())
                .bind("displayName", author.displayName())
                .bind("bio", author.bio())
                .bind("avatarMediaId", author.avatarMediaId())
                .bind("links", String.join("\n", author.links()))
                .bind("now", now)
                .execute();
    }

    boolean slugTaken(Handle handle, String slug, long exceptId) {
        return handle.createQuery("SELECT COUNT(*) FROM authors WHERE slug = :slug AND id <> :id")
                .bind("slug", slug).bind("id", exceptId).mapTo(Integer.class).one() > 0;
    }

    public Optional<Author> findById(long id) {
        return jdbi.withHandle(handle -> findById(handle, id));
    }

    /** Author {@code id}'s row, locked for this transaction: two saves of one author take turns. */
    Optional<Author> lock(Handle handle, long id) {
        handle.createUpdate("UPDATE authors SET updated_at = updated_at WHERE id = :id").bind("id", id).execute();
        return findById(handle, id);
    }

    Optional<Author> findById(Handle handle, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM authors WHERE id = :id")
                .bind("id", id).map(AuthorStore::map).findOne();
    }

    public Optional<Author> findBySlug(String slug) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM authors WHERE slug = :slug")
                .bind("slug", slug).map(AuthorStore::map).findOne());
    }

    public List<Author> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM authors WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids)).map(AuthorStore::map).list());
    }

    public List<Author> all() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM authors ORDER BY display_name")
                .map(AuthorStore::map).list());
    }

    static Author map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Author(rs.getLong("id"), rs.getString("slug"), rs.getString("display_name"), rs.getString("bio"),
                Columns.nullableLong(rs, "avatar_media_id"), lines(rs.getString("links")));
    }

    /** The links column holds one URL a line. */
    private static List<String> lines(String links) {
        return links == null || links.isBlank() ? List.of() : links.lines().filter(line -> !line.isBlank()).toList();
    }
}
