package dev.byline.web.admin;

import dev.byline.article.ArticleService;
import dev.byline.article.ArticleStatus;
import dev.byline.article.ArticleSummary;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * /admin/: what needs the person's attention: their drafts, what waits for review, what is scheduled (and, once
 * comments land, what waits for moderation). Contributors and authors see their own; editors everyone's.
 */
final class DashboardHandler {

    private static final int SHOWN = 5;
    static final String PENDING = "/admin/articles?status=pending";

    private final ArticleService articles;
    private final AdminPages pages;
    private final Supplier<ZoneId> zone;

    DashboardHandler(ArticleService articles, AdminPages pages, Supplier<ZoneId> zone) {
        this.articles = articles;
        this.pages = pages;
        this.zone = zone;
    }

    void show(Context ctx, AdminRequest request) {
        var actor = request.actor();
        ArticleService.InStatus pending = articles.inStatus(actor, ArticleStatus.PENDING, false, SHOWN);
        List<AdminViews.ArticleList> lists = List.of(
                list("My drafts", articles.inStatus(actor, ArticleStatus.DRAFT, true, SHOWN), "You have no drafts.",
                        "/admin/articles?status=draft"),
                list("Pending review", pending, "Nothing is waiting for review.", PENDING),
                list("Scheduled", articles.inStatus(actor, ArticleStatus.SCHEDULED, false, SHOWN),
                        "Nothing is scheduled.", "/admin/articles?status=scheduled"));
        boolean editor = actor.can(dev.byline.account.Capability.EDIT_OTHERS_ARTICLES);
        pages.render(ctx, "admin/dashboard.jte", new AdminViews.DashboardPage(request.chrome(),
                "Hello, " + request.user().displayName() + ".", lists, editor ? pending.total() : null));
    }

    private AdminViews.ArticleList list(String heading, ArticleService.InStatus found, String empty, String url) {
        var format = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).withZone(zone.get());
        return new AdminViews.ArticleList(heading, found.articles().stream()
                .map(article -> new AdminViews.ArticleLine(article.title(), format.format(when(article)),
                        "/admin/articles/" + article.id()))
                .toList(), found.total(), empty, url);
    }

    private static Instant when(ArticleSummary article) {
        return article.publishedAt() != null ? article.publishedAt() : article.updatedAt();
    }
}
