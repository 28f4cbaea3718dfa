package dev.byline.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.comment.CommentService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Turns each change into webhook events, inside the change's transaction, and queues a delivery for every webhook
 * that is sent the event: the delivery commits with the change or not at all, so none is lost and none tells of
 * a write that was rolled back. The rules (WebhookEventsTest has the table):
 *
 * <table>
 *   <tr><th>change</th><th>entity, public before → after</th><th>event</th></tr>
 *   <tr><td>{@code article.*}, {@code articles.*}</td><td>article, no → yes</td><td>article.published</td></tr>
 *   <tr><td>{@code article.*}, {@code articles.*}</td><td>article, yes → yes</td><td>article.updated</td></tr>
 *   <tr><td>{@code article.*}, {@code articles.*}</td><td>article, yes → no, in the trash or gone</td>
 *       <td>article.deleted</td></tr>
 *   <tr><td>{@code article.*}, {@code articles.*}</td><td>article, yes → no, otherwise</td>
 *       <td>article.unpublished</td></tr>
 *   <tr><td>{@code comment.posted}</td><td>comment, new</td><td>comment.created, and comment.approved when
 *       approved at once</td></tr>
 *   <tr><td>any other {@code comment.*}</td><td>comment, no → yes</td><td>comment.approved</td></tr>
 * </table>
 * Drafts never make an event (no → no). An article's comment count, re-rendered images and the like touch the
 * article entity from other kinds of change, and are not "updated" events.
 */
public final class WebhookEvents implements ChangeFeed.Recorder {

    /** Absolute addresses of what the payloads name. */
    public interface Links {
        String article(String slug, Instant publishedAt);

        String page(String slug);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookStore store;
    private final Links links;
    private final Clock clock;
    private final Runnable wake;

    /** @param wake told after a commit that queued deliveries */
    WebhookEvents(WebhookStore store, Links links, Clock clock, Runnable wake) {
        this.store = store;
        this.links = links;
        this.clock = clock;
        this.wake = wake;
    }

    @Override
    public void record(Handle handle, Change change) {
        int queued = 0;
        for (Change.Entity entity : change.entities()) {
            for (String event : events(handle, change.kind(), entity)) {
                if (!store.anyFor(handle, event)) {
                    continue; // nobody is sent it: no payload to build
                }
                Map<String, Object> data = entity.kind().equals(Change.Entity.ARTICLE)
                        ? article(handle, entity.id()) : comment(handle, entity.id());
                queued += store.enqueue(handle, event, payload(event, change, data), clock.millis());
            }
        }
        if (queued > 0) {
            handle.afterCommit(wake);
        }
    }

    /** The events one entity of a change makes, by the table above. */
    static List<String> events(Handle handle, String kind, Change.Entity entity) {
        if (entity.kind().equals(Change.Entity.ARTICLE) && (kind.startsWith("article.") || kind.startsWith("articles."))) {
            if (!entity.publicBefore()) {
                return entity.publicAfter() ? List.of(WebhookEvent.ARTICLE_PUBLISHED) : List.of();
            }
            if (entity.publicAfter()) {
                return List.of(WebhookEvent.ARTICLE_UPDATED);
            }
            Optional<String> status = handle.createQuery("SELECT status FROM articles WHERE id = :id")
                    .bind("id", entity.id()).mapTo(String.class).findOne();
            return List.of(status.isEmpty() || status.get().equals("trash") ? WebhookEvent.ARTICLE_DELETED
                    : WebhookEvent.ARTICLE_UNPUBLISHED);
        }
        if (entity.kind().equals(CommentService.ENTITY)) {
            if (kind.equals("comment.posted")) {
                return entity.publicAfter() ? List.of(WebhookEvent.COMMENT_CREATED, WebhookEvent.COMMENT_APPROVED)
                        : List.of(WebhookEvent.COMMENT_CREATED);
            }
            if (kind.startsWith("comment.") && !entity.publicBefore() && entity.publicAfter()) {
                return List.of(WebhookEvent.COMMENT_APPROVED);
            }
        }
        return List.of();
    }

    /** The article or page as a receiver needs it; an article deleted for good is its id alone. */
    private Map<String, Object> article(Handle handle, long id) {
        var data = new LinkedHashMap<String, Object>();
        data.put("id", id);
        handle.createQuery("""
                        SELECT kind, title, slug, status, published_at, updated_at FROM articles WHERE id = :id
                        """)
                .bind("id", id)
                .map((rs, ctx) -> {
                    String kind = rs.getString("kind");
                    long published = rs.getLong("published_at");
                    boolean dated = !rs.wasNull();
                    data.put("type", kind);
                    data.put("title", rs.getString("title"));
                    data.put("slug", rs.getString("slug"));
                    data.put("status", rs.getString("status"));
                    data.put("url", kind.equals("page") ? links.page(rs.getString("slug"))
                            : dated ? links.article(rs.getString("slug"), Instant.ofEpochMilli(published)) : null);
                    data.put("published_at", dated ? Instant.ofEpochMilli(published).toString() : null);
                    data.put("modified_at", Instant.ofEpochMilli(rs.getLong("updated_at")).toString());
                    return kind;
                })
                .findOne()
                .ifPresentOrElse(kind -> { }, () -> data.put("status", "deleted"));
        return data;
    }

    /** A comment as a receiver needs it: never the commenter's email or IP address. */
    private Map<String, Object> comment(Handle handle, long id) {
        var data = new LinkedHashMap<String, Object>();
        data.put("id", id);
        handle.createQuery("""
                        SELECT c.article_id, c.parent_id, c.author_name, c.author_url, c.status, c.body, c.created_at,
                               a.slug, a.published_at, a.title
                        FROM comments c JOIN articles a ON a.id = c.article_id
                        WHERE c.id = :id
                        """)
                .bind("id", id)
                .map((rs, ctx) -> {
                    data.put("article_id", rs.getLong("article_id"));
                    long parent = rs.getLong("parent_id");
                    data.put("parent_id", rs.wasNull() ? null : parent);
                    data.put("author_name", rs.getString("author_name"));
                    data.put("author_url", rs.getString("author_url"));
                    data.put("status", rs.getString("status"));
                    data.put("content", rs.getString("body"));
                    data.put("created_at", Instant.ofEpochMilli(rs.getLong("created_at")).toString());
                    data.put("article_title", rs.getString("title"));
                    long published = rs.getLong("published_at");
                    data.put("article_url", rs.wasNull() ? null
                            : links.article(rs.getString("slug"), Instant.ofEpochMilli(published)));
                    return id;
                })
                .findOne();
        return data;
    }

    /** The body sent: the event, when, the change it came from, and the data. */
    static String payload(String event, Change change, Map<String, Object> data) {
        var body = new LinkedHashMap<String, Object>();
        body.put("event", event);
        body.put("created_at", change.at().toString());
        body.put("change", change.id());
        body.put("data", data);
        return json(body);
    }

    /** The body of a test delivery. */
    static String ping(long webhookId, Instant at) {
        var body = new LinkedHashMap<String, Object>();
        body.put("event", WebhookEvent.PING);
        body.put("created_at", at.toString());
        body.put("change", null);
        body.put("data", Map.of("webhook_id", webhookId));
        return json(body);
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook body is plain JSON", e);
        }
    }

    static List<String> known(List<String> typed) {
        var known = new ArrayList<String>();
        for (String event : WebhookEvent.ALL) {
            if (typed.contains(event)) {
                known.add(event);
            }
        }
        return known;
    }
}
