package dev.byline.web.admin;

import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.webhook.Signatures;
import dev.byline.webhook.Webhook;
import dev.byline.webhook.WebhookEvent;
import dev.byline.webhook.Webhooks;
import dev.byline.web.admin.AdminViews.Form;
import dev.byline.web.admin.WebhookViews.DeliveryRow;
import dev.byline.web.admin.WebhookViews.EventChoice;
import dev.byline.web.admin.WebhookViews.HookPage;
import dev.byline.web.admin.WebhookViews.ListPage;
import dev.byline.web.admin.WebhookViews.Row;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** /admin/webhooks: administrators add, change, pause, test and delete webhooks and read their delivery log. */
final class WebhooksHandler {

    static final String PATH = "/admin/webhooks";

    private final Webhooks hooks;
    private final Doors doors;
    private final AdminPages pages;
    private final Supplier<ZoneId> zone;

    WebhooksHandler(Webhooks hooks, Doors doors, AdminPages pages, Supplier<ZoneId> zone) {
        this.hooks = hooks;
        this.doors = doors;
        this.pages = pages;
        this.zone = zone;
    }

    void list(Context ctx, AdminRequest request) {
        renderList(ctx, request, Form.empty(), List.of(), 200);
    }

    void add(Context ctx, AdminRequest request) {
        List<String> events = ctx.formParams("events");
        try {
            Webhook made = hooks.add(request.actor(), ctx.formParam("url"), events);
            doors.flash(ctx, "The webhook is added. Give its secret (below) to the receiver, so it can check each "
                    + "delivery's signature; \"Send a test\" shows whether it answers.");
            ctx.redirect(PATH + "/" + made.id());
        } catch (Invalid invalid) {
            renderList(ctx, request, Forms.refused(ctx, invalid, "url"), events, 422);
        }
    }

    void show(Context ctx, AdminRequest request) {
        Webhook hook = hooks.find(request.actor(), id(ctx));
        renderHook(ctx, request, hook, new Form(Map.of("url", hook.url()), Map.of()), hook.events(), hook.active(),
                200);
    }

    void update(Context ctx, AdminRequest request) {
        long id = id(ctx);
        List<String> events = ctx.formParams("events");
        boolean active = "on".equals(ctx.formParam("active"));
        try {
            hooks.update(request.actor(), id, ctx.formParam("url"), events, active);
        } catch (Invalid invalid) {
            renderHook(ctx, request, hooks.find(request.actor(), id), Forms.refused(ctx, invalid, "url"), events,
                    active, 422);
            return;
        }
        doors.flash(ctx, active ? "The webhook is saved." : "The webhook is saved and paused: nothing is queued "
                + "for it until it is active again.");
        ctx.redirect(PATH + "/" + id);
    }

    void test(Context ctx, AdminRequest request) {
        long id = id(ctx);
        hooks.sendTest(request.actor(), id);
        doors.flash(ctx, "A test delivery (event \"ping\") is on its way: its outcome shows in the log below in a "
                + "moment; reload to see it.");
        ctx.redirect(PATH + "/" + id);
    }

    void delete(Context ctx, AdminRequest request) {
        hooks.delete(request.actor(), id(ctx));
        doors.flash(ctx, "The webhook is deleted, with its log; deliveries not sent yet are dropped.");
        ctx.redirect(PATH);
    }

    private void renderList(Context ctx, AdminRequest request, Form form, List<String> checked, int status) {
        ZoneId here = zone.get();
        List<Row> rows = hooks.list(request.actor()).stream().map(hook -> {
            var last = hooks.log(request.actor(), hook.id()).stream().findFirst();
            return new Row(hook.id(), hook.url(), String.join(", ", hook.events()), hook.active(),
                    last.map(delivery -> outcome(delivery) + ", " + AdminDates.dateTime(delivery.createdAt(), here))
                            .orElse("None yet"));
        }).toList();
        pages.render(ctx, "admin/webhooks.jte", new ListPage(request.chrome(), rows, form, choices(checked)), status);
    }

    private void renderHook(Context ctx, AdminRequest request, Webhook hook, Form form, List<String> checked,
                            boolean active, int status) {
        ZoneId here = zone.get();
        List<DeliveryRow> log = hooks.log(request.actor(), hook.id()).stream().map(delivery -> new DeliveryRow(
                delivery.id(), delivery.event(), outcome(delivery), AdminDates.dateTime(delivery.createdAt(), here),
                AdminDates.iso(delivery.createdAt(), here), delivery.attempts(),
                (delivery.lastStatus() == null ? "" : "HTTP " + delivery.lastStatus() + " ")
                        + delivery.lastError(),
                delivery.nextAttempt() == null ? null : AdminDates.dateTime(delivery.nextAttempt(), here))).toList();
        pages.render(ctx, "admin/webhook.jte", new HookPage(request.chrome(), hook.id(), hook.url(), hook.secret(),
                active, form, choices(checked), log, Signatures.HEADER), status);
    }

    private static String outcome(Webhooks.Delivery delivery) {
        return switch (delivery.status()) {
            case "delivered" -> "Delivered";
            case "given-up" -> "Given up";
            default -> delivery.attempts() == 0 ? "Waiting" : "Failed, will retry";
        };
    }

    private static List<EventChoice> choices(List<String> checked) {
        return WebhookEvent.ALL.stream().map(event -> new EventChoice(event, WebhookEvent.describe(event),
                checked.contains(event))).toList();
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such webhook.");
        }
    }
}
