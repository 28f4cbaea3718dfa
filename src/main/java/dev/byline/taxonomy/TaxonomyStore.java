package dev.byline.taxonomy;

import dev.byline.db.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for sections and tags. */
public final class TaxonomyStore {

    private final Jdbi jdbi;

    public TaxonomyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long insertSection(Handle handle, Section section) {
        return handle.createUpdate("""
                        INSERT INTO sections (slug, name, description, parent_id, position)
                        VALUES (:slug, :name, :description, :parentId, :position)
                        """)
                .bind("slug", section.slug()).bind("name", section.name())
                .bind("description", section.description()).bind("parentId", section.parentId())
                .bind("position", section.position())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    void updateSection(Handle handle, Section section) {
        handle.createUpdate("""
                        UPDATE sections SET slug = :slug, name = :name, description = :description,
                               parent_id = :parentId, position = :position
                        WHERE id = :id
                        """)
                .bind("id", section.id()).bind("slug", section.slug()).bind("name", section.name())
                .bind("description", section.description()).bind("parentId", section.parentId())
                .bind("position", section.position())
                .execute();
    }

    long insertTag(Handle handle, Tag tag) {
        return handle.createUpdate("INSERT INTO tags (slug, name, description) VALUES (:slug, :name, :description)")
                .bind("slug", tag.slug()).bind("name", tag.name()).bind("description", tag.description())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /**
     * Inserts the tag unless its slug exists; true when inserted. Two writers creating the same tag at once both
     * succeed: on PostgreSQL the second waits for the first and then does nothing.
     */
    boolean insertTagIfAbsent(Handle handle, Tag tag) {
        return handle.createUpdate("""
                        INSERT INTO tags (slug, name, description) VALUES (:slug, :name, :description)
                        ON CONFLICT (slug) DO NOTHING
                        """)
                .bind("slug", tag.slug()).bind("name", tag.name()).bind("description", tag.description())
                .execute() == 1;
    }

    void updateTag(Handle handle, Tag tag) {
        handle.createUpdate("UPDATE tags SET slug = :slug, name = :name, description = :description WHERE id = :id")
                .bind("slug", tag.slug()).bind("name", tag.name()).bind("description", tag.description())
                .bind("id", tag.id()).execute();
    }

    boolean tagSlugTaken(Handle handle, String slug, long exceptId) {
        return handle.createQuery("SELECT COUNT(*) FROM tags WHERE slug = :slug AND id <> :id")
                .bind("slug", slug).bind("id", exceptId).mapTo(Integer.class).one() > 0;
    }

    Optional<Section> findSection(Handle handle, long id) {
        return handle.createQuery("SELECT id, slug, name, description, parent_id, position FROM sections WHERE id = :id")
                .bind("id", id).map(TaxonomyStore::mapSection).findOne();
    }

    Optional<Tag> findTag(Handle handle, long id) {
        return handle.createQuery("SELECT id, slug, name, description FROM tags WHERE id = :id")
                .bind("id", id).map(TaxonomyStore::mapTag).findOne();
    }

    boolean sectionSlugTaken(Handle handle, String slug, long exceptId) {
        return handle.createQuery("SELECT COUNT(*) FROM sections WHERE slug = :slug AND id <> :id")
                .bind("slug", slug).bind("id", exceptId).mapTo(Integer.class).one() > 0;
    }

    Optional<Tag> findTagBySlug(Handle handle, String slug) {
        return handle.createQuery("SELECT id, slug, name, description FROM tags WHERE slug = :slug")
                .bind("slug", slug).map(TaxonomyStore::mapTag).findOne();
    }

    /** Every section, parents before children, in menu order. Small: a paper has tens of sections. */
    public List<Section> allSections() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, slug, name, description, parent_id, position
                        FROM sections ORDER BY position, name
                        """)
                .map(TaxonomyStore::mapSection).list());
    }

    public Optional<Tag> findTagBySlug(String slug) {
        return jdbi.withHandle(handle -> findTagBySlug(handle, slug));
    }

    public List<Tag> findTags(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id, slug, name, description FROM tags WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids)).map(TaxonomyStore::mapTag).list());
    }

    private static Section mapSection(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Section(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("description"),
                Columns.nullableLong(rs, "parent_id"), rs.getInt("position"));
    }

    private static Tag mapTag(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Tag(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("description"));
    }
}
