package dev.byline.demo;

import dev.byline.change.Change.Entity;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.HandleCallback;

/**
 * SQL for the demo marks ({@code demo_items}), the {@code demo} setting, and removing what is marked. Removing the
 * demo is the one write that spans every content table, so its deletes live here, next to the marks they read,
 * rather than as five delete methods nobody else calls. The link tables (bylines, tags, old slugs, media use) go
 * with their article or tag by ON DELETE CASCADE.
 */
public final class DemoStore {

    /** The setting saying where the demo stands: {@link #LOADED} or {@link #REMOVED}. */
    static final String SETTING = "demo";
    static final String LOADED = "loaded";
    static final String REMOVED = "removed";
    /** The kinds a mark can name, the change feed's entity kinds, in the order removal deletes them. */
    static final List<String> KINDS = List.of(Entity.ARTICLE, Entity.TAG, Entity.AUTHOR, Entity.SECTION, Entity.MEDIA);

    /**
     * Demo item {@code kind}/{@code id}, called {@code name} (an image: its path), is used by something that stays:
     * the {@code userKind} ({@code article}, {@code section}, {@code author}, or {@code setting}: the site's logo)
     * called {@code userName}.
     */
    public record Use(String kind, long id, String name, String userKind, String userName) {

        /** In words, e.g. {@code section “World” holds the article “Harbour reopens”}. */
        public String describe() {
            String user = "the " + userKind + " “" + userName + "”";
            return switch (kind) {
                case Entity.SECTION -> "section “" + name + "” holds " + user;
                case Entity.AUTHOR -> "author “" + name + "” is on the byline of " + user;
                case Entity.TAG -> "tag “" + name + "” is on " + user;
                case Entity.MEDIA -> userKind.equals("setting") ? "image " + name + " is the site's " + userName
                        : "image " + name + (userKind.equals(Entity.AUTHOR) ? " is the avatar of " : " is shown by ")
                        + user;
                default -> kind + " “" + name + "” is used by " + user;
            };
        }
    }

    private final Jdbi jdbi;

    public DemoStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Runs {@code work} in one transaction. A service called inside it joins that transaction (Jdbi hands nested
     * calls on one thread the same handle), so a demo row and its mark commit together or not at all.
     */
    <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
        return jdbi.inTransaction(work);
    }

    void mark(Handle handle, String kind, Collection<Long> ids) {
        for (long id : ids) {
            handle.createUpdate("INSERT INTO demo_items (kind, id) VALUES (:kind, :id) ON CONFLICT DO NOTHING")
                    .bind("kind", kind).bind("id", id).execute();
        }
    }

    void unmark(Handle handle, String kind, long id) {
        handle.createUpdate("DELETE FROM demo_items WHERE kind = :kind AND id = :id")
                .bind("kind", kind).bind("id", id).execute();
    }

    boolean anyMarks() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM demo_items")
                .mapTo(Long.class).one() > 0);
    }

    Optional<String> state() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT value FROM settings WHERE name = :name")
                .bind("name", SETTING).mapTo(String.class).findOne());
    }

    void setState(Handle handle, String value, long now) {
        handle.createUpdate("""
                        INSERT INTO settings (name, value, updated_at) VALUES (:name, :value, :now)
                        ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                        """)
                .bind("name", SETTING).bind("value", value).bind("now", now).execute();
    }

    /** Is any demo article on the public site? One index walk over a few dozen marks. */
    boolean anyDemoArticlePublished() {
        return jdbi.withHandle(handle -> !publishedDemoArticles(handle).isEmpty());
    }

    Set<Long> publishedDemoArticles(Handle handle) {
        return Set.copyOf(handle.createQuery("""
                        SELECT a.id FROM demo_items d JOIN articles a ON a.id = d.id
                        WHERE d.kind = 'article' AND a.status = 'published'
                        """)
                .mapTo(Long.class).list());
    }

    /** Which of {@code ids} are marked as {@code kind}. */
    Set<Long> marked(Handle handle, String kind, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(handle.createQuery("SELECT id FROM demo_items WHERE kind = :kind AND id IN (<ids>)")
                .bind("kind", kind).bindList("ids", List.copyOf(ids)).mapTo(Long.class).list());
    }

    /**
     * Takes the demo setting's row lock until the transaction ends: on PostgreSQL two writes that both change
     * whether demo articles are public queue here, so the second sees the first. SQLite has one writer anyway.
     */
    void lockState(Handle handle) {
        handle.createUpdate("UPDATE settings SET value = value WHERE name = :name").bind("name", SETTING).execute();
    }

    /** Every mark whose row still exists, by kind (in {@link #KINDS} order). */
    Map<String, Set<Long>> marks(Handle handle) {
        var marks = new LinkedHashMap<String, Set<Long>>();
        for (String kind : KINDS) {
            marks.put(kind, Set.copyOf(handle.createQuery("SELECT d.id FROM demo_items d JOIN " + table(kind)
                            + " t ON t.id = d.id WHERE d.kind = :kind ORDER BY d.id")
                    .bind("kind", kind).mapTo(Long.class).list()));
        }
        return marks;
    }

    /** The newsroom's own content (anything unmarked) that uses a demo item, and would lose or break with it. */
    List<Use> uses(Handle handle) {
        return handle.createQuery("""
                        SELECT 'section' AS kind, s.id, s.name, 'article' AS user_kind, a.title AS user_name
                        FROM articles a JOIN sections s ON s.id = a.section_id
                        WHERE s.id IN (SELECT id FROM demo_items WHERE kind = 'section')
                          AND a.id NOT IN (SELECT id FROM demo_items WHERE kind = 'article')
                        UNION
                        SELECT 'section', p.id, p.name, 'section', c.name
                        FROM sections c JOIN sections p ON p.id = c.parent_id
                        WHERE p.id IN (SELECT id FROM demo_items WHERE kind = 'section')
                          AND c.id NOT IN (SELECT id FROM demo_items WHERE kind = 'section')
                        UNION
                        SELECT 'author', w.id, w.display_name, 'article', a.title
                        FROM article_authors aa JOIN authors w ON w.id = aa.author_id JOIN articles a ON a.id = aa.article_id
                        WHERE w.id IN (SELECT id FROM demo_items WHERE kind = 'author')
                          AND a.id NOT IN (SELECT id FROM demo_items WHERE kind = 'article')
                        UNION
                        SELECT 'tag', t.id, t.name, 'article', a.title
                        FROM article_tags l JOIN tags t ON t.id = l.tag_id JOIN articles a ON a.id = l.article_id
                        WHERE t.id IN (SELECT id FROM demo_items WHERE kind = 'tag')
                          AND a.id NOT IN (SELECT id FROM demo_items WHERE kind = 'article')
                        UNION
                        SELECT 'media', m.id, m.path, 'article', a.title
                        FROM article_media u JOIN media m ON m.id = u.media_id JOIN articles a ON a.id = u.article_id
                        WHERE m.id IN (SELECT id FROM demo_items WHERE kind = 'media')
                          AND a.id NOT IN (SELECT id FROM demo_items WHERE kind = 'article')
                        UNION
                        SELECT 'media', m.id, m.path, 'article', a.title
                        FROM articles a JOIN media m ON m.id = a.featured_media_id
                        WHERE m.id IN (SELECT id FROM demo_items WHERE kind = 'media')
                          AND a.id NOT IN (SELECT id FROM demo_items WHERE kind = 'article')
                        UNION
                        SELECT 'media', m.id, m.path, 'author', w.display_name
                        FROM authors w JOIN media m ON m.id = w.avatar_media_id
                        WHERE m.id IN (SELECT id FROM demo_items WHERE kind = 'media')
                          AND w.id NOT IN (SELECT id FROM demo_items WHERE kind = 'author')
                        UNION
                        SELECT 'media', m.id, m.path, 'setting', 'logo'
                        FROM settings s JOIN media m ON CAST(m.id AS TEXT) = s.value
                        WHERE s.name = 'logo' AND m.id IN (SELECT id FROM demo_items WHERE kind = 'media')
                        ORDER BY 1, 3, 5
                        """)
                .map((rs, ctx) -> new Use(rs.getString("kind"), rs.getLong("id"), rs.getString("name"),
                        rs.getString("user_kind"), rs.getString("user_name")))
                .list();
    }

    /** Of these articles, the ones on the public site. */
    Set<Long> published(Handle handle, Collection<Long> articleIds) {
        return ids(handle, "SELECT id FROM articles WHERE status = 'published' AND id IN (<ids>)", articleIds);
    }

    /** Every path the files of these images are stored under: the current one and any they had before a replace. */
    List<String> mediaPaths(Handle handle, Collection<Long> mediaIds) {
        if (mediaIds.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("""
                        SELECT path FROM media WHERE id IN (<ids>)
                        UNION
                        SELECT path FROM media_old_paths WHERE media_id IN (<ids>)
                        ORDER BY 1
                        """)
                .bindList("ids", List.copyOf(mediaIds)).mapTo(String.class).list();
    }

    /** Deletes rows of one kind; sections innermost first, as a section with subsections cannot go. */
    int delete(Handle handle, String kind, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        if (!kind.equals(Entity.SECTION)) {
            return handle.createUpdate("DELETE FROM " + table(kind) + " WHERE id IN (<ids>)")
                    .bindList("ids", List.copyOf(ids)).execute();
        }
        var left = new LinkedHashSet<>(ids);
        int deleted = 0;
        while (!left.isEmpty()) {
            List<Long> leaves = handle.createQuery("""
                            SELECT id FROM sections WHERE id IN (<ids>)
                              AND id NOT IN (SELECT parent_id FROM sections WHERE parent_id IS NOT NULL)
                            """)
                    .bindList("ids", List.copyOf(left)).mapTo(Long.class).list();
            if (leaves.isEmpty()) {
                throw new IllegalStateException("sections " + left + " still have subsections");
            }
            // a menu item nested under one of these sections' items would go with it (ON DELETE CASCADE of the
            // parent): the newsroom's own items stay, moved to the top level
            handle.createUpdate("""
                            UPDATE menu_items SET parent_id = NULL
                            WHERE parent_id IN (SELECT id FROM menu_items WHERE section_id IN (<ids>))
                            """)
                    .bindList("ids", leaves).execute();
            deleted += handle.createUpdate("DELETE FROM sections WHERE id IN (<ids>)")
                    .bindList("ids", leaves).execute();
            leaves.forEach(left::remove);
        }
        return deleted;
    }

    void clearMarks(Handle handle) {
        handle.execute("DELETE FROM demo_items");
    }

    private static Set<Long> ids(Handle handle, String sql, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(handle.createQuery(sql).bindList("ids", List.copyOf(ids)).mapTo(Long.class).list());
    }

    /** The table of a kind; from a fixed list, never from input. */
    private static String table(String kind) {
        return switch (kind) {
            case Entity.ARTICLE -> "articles";
            case Entity.AUTHOR -> "authors";
            case Entity.SECTION -> "sections";
            case Entity.TAG -> "tags";
            case Entity.MEDIA -> "media";
            default -> throw new IllegalArgumentException("not a kind of demo item: " + kind);
        };
    }
}
