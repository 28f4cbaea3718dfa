package dev.byline.webhook;

import java.time.Instant;
import java.util.List;

/**
 * An address told of changes: the events it is sent, the secret its deliveries are signed with, paused or not.
 *
 * @param events the {@link WebhookEvent} names, in the order {@link WebhookEvent#ALL} lists them
 */
public record Webhook(long id, String url, String secret, List<String> events, boolean active, Instant createdAt) {
}
