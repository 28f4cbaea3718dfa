package dev.byline.taxonomy;

import dev.byline.db.Columns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for sections and tags, and the slugs they had before. Where the dialects differ (row locks: PostgreSQL
 * takes them with {@code FOR UPDATE} / {@code FOR KEY SHARE}; SQLite has one writer at a time and needs none) the
 * two spellings sit side by side.
 */
public final class TaxonomyStore {

    private final Jdbi jdbi;
    private final boolean postgres;

    /** @param postgres PostgreSQL: lock the rows a merge or delete depends on (see {@link #lockTag}) */
    public TaxonomyStore(Jdbi jdbi, boolean postgres) {
        this.jdbi = jdbi;
        this.postgres = postgres;
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
        return jdbi.withHandle(this::allSections);
    }

    List<Section> allSections(Handle handle) {
        return handle.createQuery("""
                        SELECT id, slug, name, description, parent_id, position
                        FROM sections ORDER BY position, name
                        """)
                .map(TaxonomyStore::mapSection).list();
    }

    /**
     * Every section, read inside an article's write to say which archive pages it changes: on PostgreSQL
     * {@code FOR SHARE}, which article writes share with each other but which waits for a section write under way
     * ({@link #lockSections}) and holds the next one back until the article's commit, so the write's keys and the
     * section write's own are each made from the tree and the articles as the other left them.
     */
    List<Section> allSectionsForArticleWrite(Handle handle) {
        return handle.createQuery("""
                        SELECT id, slug, name, description, parent_id, position
                        FROM sections ORDER BY position, name""" + (postgres ? " FOR SHARE" : ""))
                .map(TaxonomyStore::mapSection).list();
    }

    // ---- the section tree's writes, inside the caller's transaction

    /**
     * Takes every section's row lock for the rest of the transaction (a no-op update, the same SQL on both
     * databases): section writes take turns, so a move sees the tree as the move before it left it (two moves at
     * once cannot make a cycle) and a slug check sees the slug taken a moment ago. Article saves are not held up:
     * they only take the key-share lock of the section they reference.
     */
    void lockSections(Handle handle) {
        handle.createUpdate("UPDATE sections SET position = position").execute();
    }

    void setSectionPosition(Handle handle, long id, int position) {
        handle.createUpdate("UPDATE sections SET position = :position WHERE id = :id")
                .bind("position", position).bind("id", id).execute();
    }

    void deleteSection(Handle handle, long id) {
        handle.createUpdate("DELETE FROM sections WHERE id = :id").bind("id", id).execute();
    }

    /** How many articles, by status, sit in the section itself (subsections not included). */
    Map<String, Long> articleCounts(Handle handle, long sectionId) {
        var counts = new LinkedHashMap<String, Long>();
        handle.createQuery("""
                        SELECT status, COUNT(*) AS n FROM articles WHERE section_id = :id
                        GROUP BY status ORDER BY status
                        """)
                .bind("id", sectionId)
                .map((rs, ctx) -> Map.entry(rs.getString("status"), rs.getLong("n")))
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    /**
     * Where the newest published article of these sections sits in the lists (empty when none is published): a
     * list write at that place reaches exactly the pages that change when all of them join or leave a list, since
     * every other one sits lower.
     */
    Optional<dev.byline.change.Keys.Position> newestPublishedIn(Handle handle, Collection<Long> sectionIds) {
        if (sectionIds.isEmpty()) {
            return Optional.empty();
        }
        return handle.createQuery("""
                        SELECT id, published_at FROM articles WHERE section_id IN (<ids>) AND status = 'published'
                        ORDER BY published_at DESC, id DESC LIMIT 1
                        """)
                .bindList("ids", List.copyOf(sectionIds))
                .map((rs, ctx) -> new dev.byline.change.Keys.Position(rs.getLong("published_at"), rs.getLong("id")))
                .findOne();
    }

    /** Articles per section and status, for the sections page: one pass over the section index. */
    public Map<Long, Map<String, Long>> articleCountsBySection() {
        var counts = new HashMap<Long, Map<String, Long>>();
        jdbi.useHandle(handle -> handle.createQuery("""
                        SELECT section_id, status, COUNT(*) AS n FROM articles GROUP BY section_id, status
                        """)
                .map((rs, ctx) -> new Object[] {rs.getLong("section_id"), rs.getString("status"), rs.getLong("n")})
                .forEach(row -> counts.computeIfAbsent((Long) row[0], id -> new LinkedHashMap<>())
                        .put((String) row[1], (Long) row[2])));
        return counts;
    }

    void rememberSectionSlug(Handle handle, String slug, long sectionId) {
        forgetSectionSlug(handle, slug);
        handle.createUpdate("INSERT INTO section_old_slugs (slug, section_id) VALUES (:slug, :id)")
                .bind("slug", slug).bind("id", sectionId).execute();
    }

    /** A slug in use now stops redirecting anywhere else. */
    void forgetSectionSlug(Handle handle, String slug) {
        handle.createUpdate("DELETE FROM section_old_slugs WHERE slug = :slug").bind("slug", slug).execute();
    }

    /** The section that answered to {@code slug} before it was renamed. */
    public Optional<Long> sectionIdByOldSlug(String slug) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT section_id FROM section_old_slugs WHERE slug = :slug")
                .bind("slug", slug).mapTo(Long.class).findOne());
    }

    // ---- tags: the desk's list, renames, merges, deletes

    /**
     * Locks a tag's row until the transaction ends, strongly enough (PostgreSQL: {@code FOR UPDATE}) that an
     * article save linking the tag at this moment (it holds {@code FOR KEY SHARE}, see {@link #findTagForUse})
     * finishes first, or waits and then finds what the merge or delete left. False when there is no such tag.
     */
    boolean lockTag(Handle handle, long id) {
        return handle.createQuery("SELECT id FROM tags WHERE id = :id" + (postgres ? " FOR UPDATE" : ""))
                .bind("id", id).mapTo(Long.class).findOne().isPresent();
    }

    /**
     * The tag with this slug, for an article about to link it: on PostgreSQL with a key-share lock, which article
     * saves share with each other but which waits for a merge or delete of the tag under way (and then finds
     * nothing, so the caller looks for where the tag went).
     */
    Optional<Tag> findTagForUse(Handle handle, String slug) {
        return handle.createQuery("SELECT id, slug, name, description FROM tags WHERE slug = :slug"
                        + (postgres ? " FOR KEY SHARE" : ""))
                .bind("slug", slug).map(TaxonomyStore::mapTag).findOne();
    }

    /** The tag that now stands for a slug a tag had before (renamed, or merged into it), locked as above. */
    Optional<Tag> findTagByOldSlugForUse(Handle handle, String slug) {
        return handle.createQuery("SELECT tag_id FROM tag_old_slugs WHERE slug = :slug")
                .bind("slug", slug).mapTo(Long.class).findOne()
                .flatMap(id -> handle.createQuery("SELECT id, slug, name, description FROM tags WHERE id = :id"
                                + (postgres ? " FOR KEY SHARE" : ""))
                        .bind("id", id).map(TaxonomyStore::mapTag).findOne());
    }

    /** Tags whose name or slug contains {@code pattern} (a LIKE pattern, lower-case), by name. */
    public List<Tag> tags(String pattern, int limit, long offset) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT id, slug, name, description FROM tags
                        WHERE LOWER(name) LIKE :pattern ESCAPE '!' OR slug LIKE :pattern ESCAPE '!'
                        ORDER BY LOWER(name), id LIMIT :limit OFFSET :offset
                        """)
                .bind("pattern", pattern).bind("limit", limit).bind("offset", offset)
                .map(TaxonomyStore::mapTag).list());
    }

    public long countTags(String pattern) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT COUNT(*) FROM tags
                        WHERE LOWER(name) LIKE :pattern ESCAPE '!' OR slug LIKE :pattern ESCAPE '!'
                        """)
                .bind("pattern", pattern).mapTo(Long.class).one());
    }

    /** How many articles (any status, and published) carry each of these tags: one range of the archive index each. */
    public Map<Long, TagUse> tagUse(Collection<Long> tagIds) {
        var uses = new HashMap<Long, TagUse>();
        if (tagIds.isEmpty()) {
            return uses;
        }
        jdbi.useHandle(handle -> handle.createQuery("""
                        SELECT tag_id, COUNT(*) AS articles,
                               SUM(CASE WHEN status = 'published' THEN 1 ELSE 0 END) AS published
                        FROM article_tags WHERE tag_id IN (<ids>) GROUP BY tag_id
                        """)
                .bindList("ids", List.copyOf(tagIds))
                .map((rs, ctx) -> new TagUse(rs.getLong("tag_id"), rs.getLong("articles"), rs.getLong("published")))
                .forEach(use -> uses.put(use.tagId(), use)));
        return uses;
    }

    /** How many articles carry a tag, and how many of them are published. */
    public record TagUse(long tagId, long articles, long published) {
    }

    /**
     * The place, in the archive lists, of the newest published article that carries {@code from} but not
     * {@code into}: {@code into}'s archive gains it and older ones when the two merge, so a list write there
     * reaches exactly the pages of that archive that change.
     */
    Optional<dev.byline.change.Keys.Position> newestGained(Handle handle, long from, long into) {
        return handle.createQuery("""
                        SELECT article_id, published_at FROM article_tags
                        WHERE tag_id = :from AND status = 'published'
                          AND article_id NOT IN (SELECT article_id FROM article_tags WHERE tag_id = :into)
                        ORDER BY published_at DESC, article_id DESC LIMIT 1
                        """)
                .bind("from", from).bind("into", into)
                .map((rs, ctx) -> new dev.byline.change.Keys.Position(rs.getLong("published_at"),
                        rs.getLong("article_id")))
                .findOne();
    }

    /**
     * Moves {@code from}'s articles to {@code into} (in the place {@code from} had among each article's tags; an
     * article carrying both keeps {@code into} where it was), then deletes {@code from}; the slugs it answered to
     * redirect to {@code into}.
     *
     * @return how many articles gained {@code into}
     */
    int mergeTag(Handle handle, Tag from, long into) {
        int moved = handle.createUpdate("""
                        INSERT INTO article_tags (article_id, tag_id, position, status, published_at)
                        SELECT article_id, :into, position, status, published_at FROM article_tags
                        WHERE tag_id = :from
                          AND article_id NOT IN (SELECT article_id FROM article_tags WHERE tag_id = :into)
                        """)
                .bind("from", from.id()).bind("into", into).execute();
        handle.createUpdate("UPDATE tag_old_slugs SET tag_id = :into WHERE tag_id = :from")
                .bind("from", from.id()).bind("into", into).execute();
        deleteTag(handle, from.id()); // its links go with it (ON DELETE CASCADE)
        rememberTagSlug(handle, from.slug(), into);
        return moved;
    }

    /** Deletes a tag; articles lose it (their links go by ON DELETE CASCADE), and so do its old slugs. */
    void deleteTag(Handle handle, long id) {
        handle.createUpdate("DELETE FROM tags WHERE id = :id").bind("id", id).execute();
    }

    void rememberTagSlug(Handle handle, String slug, long tagId) {
        forgetTagSlug(handle, slug);
        handle.createUpdate("INSERT INTO tag_old_slugs (slug, tag_id) VALUES (:slug, :id)")
                .bind("slug", slug).bind("id", tagId).execute();
    }

    void forgetTagSlug(Handle handle, String slug) {
        handle.createUpdate("DELETE FROM tag_old_slugs WHERE slug = :slug").bind("slug", slug).execute();
    }

    /** The tag that answered to {@code slug} before it was renamed or merged into another. */
    public Optional<Long> tagIdByOldSlug(String slug) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT tag_id FROM tag_old_slugs WHERE slug = :slug")
                .bind("slug", slug).mapTo(Long.class).findOne());
    }

    public Optional<Tag> findTag(long id) {
        return jdbi.withHandle(handle -> findTag(handle, id));
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
