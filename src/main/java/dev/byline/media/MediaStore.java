package dev.byline.media;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the media table. */
public final class MediaStore {

    static final String COLUMNS = "id, path, mime_type, width, height, variants, alt, caption, credit, created_at";

    private final Jdbi jdbi;

    public MediaStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Inserts a new image; empty when a row already has its path (the same bytes under the same name, uploaded
     * again: PostgreSQL waits for a concurrent insert of it to commit, then inserts nothing).
     */
    Optional<Long> insert(Handle handle, Media media, String fileName, Long uploadedBy) {
        return handle.createQuery("""
                        INSERT INTO media (path, mime_type, width, height, variants, alt, caption, credit, created_at,
                                           file_name, uploaded_by)
                        VALUES (:path, :mimeType, :width, :height, :variants, :alt, :caption, :credit, :createdAt,
                                :fileName, :uploadedBy)
                        ON CONFLICT (path) DO NOTHING
                        RETURNING id
                        """)
                .bind("path", media.path())
                .bind("mimeType", media.mimeType())
                .bind("width", media.width())
                .bind("height", media.height())
                .bind("variants", media.variants().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .bind("alt", media.alt())
                .bind("caption", media.caption())
                .bind("credit", media.credit())
                .bind("createdAt", media.createdAt().toEpochMilli())
                .bind("fileName", fileName)
                .bind("uploadedBy", uploadedBy)
                .mapTo(Long.class)
                .findOne();
    }

    Optional<Media> findByPath(Handle handle, String path) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM media WHERE path = :path")
                .bind("path", path).map(MediaStore::map).findOne();
    }

    Optional<Media> findById(Handle handle, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM media WHERE id = :id")
                .bind("id", id).map(MediaStore::map).findOne();
    }

    /** Who uploaded image {@code id}: empty when nobody was recorded (or there is no such image). */
    Optional<Long> uploader(Handle handle, long id) {
        return handle.createQuery("SELECT uploaded_by FROM media WHERE id = :id AND uploaded_by IS NOT NULL")
                .bind("id", id).mapTo(Long.class).findOne();
    }

    /** The alt text, caption and credit. */
    void updateDetails(Handle handle, Media media) {
        handle.createUpdate("UPDATE media SET alt = :alt, caption = :caption, credit = :credit WHERE id = :id")
                .bind("alt", media.alt()).bind("caption", media.caption()).bind("credit", media.credit())
                .bind("id", media.id()).execute();
    }

    /** Points the row at other files (a replaced image); the old path keeps finding it. */
    void replaceFile(Handle handle, long id, Media file, String oldPath) {
        handle.createUpdate("""
                        UPDATE media SET path = :path, mime_type = :mimeType, width = :width, height = :height,
                                         variants = :variants
                        WHERE id = :id
                        """)
                .bind("path", file.path()).bind("mimeType", file.mimeType()).bind("width", file.width())
                .bind("height", file.height())
                .bind("variants", file.variants().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .bind("id", id).execute();
        handle.createUpdate("DELETE FROM media_old_paths WHERE path IN (:old, :new)")
                .bind("old", oldPath).bind("new", file.path()).execute();
        handle.createUpdate("INSERT INTO media_old_paths (path, media_id) VALUES (:path, :id)")
                .bind("path", oldPath).bind("id", id).execute();
    }

    public Optional<Media> findById(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM media WHERE id = :id")
                .bind("id", id)
                .map(MediaStore::map)
                .findOne());
    }

    public Optional<Media> findByPath(String path) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM media WHERE path = :path")
                .bind("path", path)
                .map(MediaStore::map)
                .findOne());
    }

    public Map<Long, Media> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM media WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(ids))
                .map(MediaStore::map)
                .collect(Collectors.toMap(Media::id, Function.identity())));
    }

    /** Media by the paths bodies name them with: their current path, or one they had before being replaced. */
    public Map<String, Media> findByPaths(Collection<String> paths) {
        return paths.isEmpty() ? Map.of() : jdbi.withHandle(handle -> findByPaths(handle, paths));
    }

    Map<String, Media> findByPaths(Handle handle, Collection<String> paths) {
        if (paths.isEmpty()) {
            return Map.of();
        }
        var found = new java.util.HashMap<String, Media>();
        handle.createQuery("SELECT " + COLUMNS + " FROM media WHERE path IN (<paths>)")
                .bindList("paths", List.copyOf(paths))
                .map(MediaStore::map)
                .forEach(media -> found.put(media.path(), media));
        handle.createQuery("SELECT o.path AS old_path, " + COLUMNS.replaceAll("(\\w+)", "m.$1")
                        + " FROM media_old_paths o JOIN media m ON m.id = o.media_id WHERE o.path IN (<paths>)")
                .bindList("paths", List.copyOf(paths))
                .map((rs, ctx) -> Map.entry(rs.getString("old_path"), map(rs, ctx)))
                .forEach(entry -> found.putIfAbsent(entry.getKey(), entry.getValue()));
        return found;
    }

    static Media map(ResultSet rs, StatementContext ctx) throws SQLException {
        String variants = rs.getString("variants");
        List<Integer> widths = variants.isEmpty() ? List.of()
                : Arrays.stream(variants.split(",")).map(Integer::valueOf).toList();
        return new Media(rs.getLong("id"), rs.getString("path"), rs.getString("mime_type"), rs.getInt("width"),
                rs.getInt("height"), widths, rs.getString("alt"), rs.getString("caption"), rs.getString("credit"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
