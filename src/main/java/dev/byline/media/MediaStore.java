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

    private static final String COLUMNS = "id, path, mime_type, width, height, variants, alt, caption, credit, created_at";

    private final Jdbi jdbi;

    public MediaStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    long insert(Handle handle, Media media) {
        return handle.createUpdate("""
                        INSERT INTO media (path, mime_type, width, height, variants, alt, caption, credit, created_at)
                        VALUES (:path, :mimeType, :width, :height, :variants, :alt, :caption, :credit, :createdAt)
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
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
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

    public Map<String, Media> findByPaths(Collection<String> paths) {
        if (paths.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM media WHERE path IN (<paths>)")
                .bindList("paths", List.copyOf(paths))
                .map(MediaStore::map)
                .collect(Collectors.toMap(Media::path, Function.identity())));
    }

    private static Media map(ResultSet rs, StatementContext ctx) throws SQLException {
        String variants = rs.getString("variants");
        List<Integer> widths = variants.isEmpty() ? List.of()
                : Arrays.stream(variants.split(",")).map(Integer::valueOf).toList();
        return new Media(rs.getLong("id"), rs.getString("path"), rs.getString("mime_type"), rs.getInt("width"),
                rs.getInt("height"), widths, rs.getString("alt"), rs.getString("caption"), rs.getString("credit"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }
}
