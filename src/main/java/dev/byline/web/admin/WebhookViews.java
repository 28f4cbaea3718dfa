package dev.byline.web.admin;

import dev.byline.web.admin.AdminViews.Chrome;
import dev.byline.web.admin.AdminViews.Form;
import java.util.List;

/** The webhook pages' records. */
public final class WebhookViews {

    private WebhookViews() {
    }

    /** One event's checkbox. */
    public record EventChoice(String name, String label, boolean checked) {
    }

    /** A webhook in the list. */
    public record Row(long id, String url, String events, boolean active, String lastDelivery) {
    }

    /** /admin/webhooks: the webhooks and the form to add one. */
    public record ListPage(Chrome chrome, List<Row> hooks, Form form, List<EventChoice> events) {
    }

    /** One delivery in the log. */
    public record DeliveryRow(long id, String event, String status, String when, String whenIso, int attempts,
                              String answer, String nextAttempt) {
    }

    /** /admin/webhooks/{id}: its form, its secret, the test button, the log. */
    public record HookPage(Chrome chrome, long id, String url, String secret, boolean active, Form form,
                           List<EventChoice> events, List<DeliveryRow> deliveries, String signatureHeader) {
    }
}
