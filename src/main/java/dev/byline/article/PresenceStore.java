package dev.byline.article;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * SQL for {@code article_presence}: who has an article open in the editor, as of their browser's last word. In
 * the database, so every node sees everyone.
 */
public final class PresenceStore {

    private final Jdbi jdbi;

    public PresenceStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    void here(long articleId, long userId, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO article_presence (article_id, user_id, seen_at) VALUES (:articleId, :userId, :now)
                        ON CONFLICT (article_id, user_id) DO UPDATE SET seen_at = excluded.seen_at
                        """)
                .bind("articleId", articleId).bind("userId", userId).bind("now", now.toEpochMilli()).execute());
    }

    /** The names of the others seen in the article since {@code since}, by name. */
    List<String> others(long articleId, long userId, Instant since) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT u.display_name FROM article_presence p JOIN users u ON u.id = p.user_id
                        WHERE p.article_id = :articleId AND p.user_id <> :userId AND p.seen_at >= :since
                        ORDER BY u.display_name, u.id
                        """)
                .bind("articleId", articleId).bind("userId", userId).bind("since", since.toEpochMilli())
                .mapTo(String.class).list());
    }

    /** Forgets who was seen before {@code before}. */
    int prune(Instant before) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM article_presence WHERE seen_at < :before")
                .bind("before", before.toEpochMilli()).execute());
    }
}
