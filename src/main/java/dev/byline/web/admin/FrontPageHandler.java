package dev.byline.web.admin;

import dev.byline.error.Conflict;
import dev.byline.error.Invalid;
import dev.byline.frontpage.FrontPage;
import dev.byline.frontpage.FrontPageService;
import dev.byline.frontpage.Story;
import dev.byline.web.admin.StructureViews.StoryRow;
import dev.byline.web.site.SiteUrls;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * /admin/front-page: the lead story and the pinned stories, and a search of published stories to pick from. Every
 * form carries the picks' version: when someone changed them meanwhile, the change is refused (409) and the page
 * shows the front page as it is now. {@link FrontPageService} decides who may (editors, administrators).
 */
final class FrontPageHandler {

    static final String PATH = "/admin/front-page";

    private final FrontPageService frontPage;
    private final Doors doors;
    private final AdminPages pages;
    private final Supplier<ZoneId> zone;

    FrontPageHandler(FrontPageService frontPage, Doors doors, AdminPages pages, Supplier<ZoneId> zone) {
        this.frontPage = frontPage;
        this.doors = doors;
        this.pages = pages;
        this.zone = zone;
    }

    void show(Context ctx, AdminRequest request) {
        render(ctx, request, ctx.queryParam("q"), null, 200);
    }

    void lead(Context ctx, AdminRequest request) {
        change(ctx, request, "The lead story is chosen.",
                () -> frontPage.lead(request.actor(), MenusHandler.version(ctx), article(ctx)));
    }

    void clearLead(Context ctx, AdminRequest request) {
        change(ctx, request, "No lead is chosen: the newest story leads.",
                () -> frontPage.clearLead(request.actor(), MenusHandler.version(ctx)));
    }

    void pin(Context ctx, AdminRequest request) {
        change(ctx, request, "Pinned above the latest.",
                () -> frontPage.pin(request.actor(), MenusHandler.version(ctx), article(ctx)));
    }

    void unpin(Context ctx, AdminRequest request) {
        change(ctx, request, "Unpinned.",
                () -> frontPage.unpin(request.actor(), MenusHandler.version(ctx), article(ctx)));
    }

    void up(Context ctx, AdminRequest request) {
        change(ctx, request, "Moved up.",
                () -> frontPage.move(request.actor(), MenusHandler.version(ctx), article(ctx), -1));
    }

    void down(Context ctx, AdminRequest request) {
        change(ctx, request, "Moved down.",
                () -> frontPage.move(request.actor(), MenusHandler.version(ctx), article(ctx), 1));
    }

    private void change(Context ctx, AdminRequest request, String done, Supplier<FrontPage> action) {
        String search = ctx.formParam("q");
        try {
            action.get();
            doors.flash(ctx, done);
            ctx.redirect(PATH + (search == null || search.isBlank() ? ""
                    : "?q=" + URLEncoder.encode(search.strip(), StandardCharsets.UTF_8)));
        } catch (Invalid invalid) {
            render(ctx, request, search, String.join(" ", invalid.fieldErrors().values()), 422);
        } catch (Conflict conflict) {
            render(ctx, request, search, conflict.getMessage(), 409);
        }
    }

    private void render(Context ctx, AdminRequest request, String typed, String message, int status) {
        String search = typed == null ? "" : typed.strip();
        FrontPageService.Desk desk = frontPage.desk(request.actor(), search);
        FrontPage picks = desk.picks();
        StoryRow lead = picks.lead().map(desk.picked()::get).map(story -> row(story, picks, false, false))
                .orElse(null);
        List<Long> pinnedIds = picks.pinned().stream().filter(desk.picked()::containsKey).toList();
        var pinned = new ArrayList<StoryRow>();
        for (int i = 0; i < pinnedIds.size(); i++) {
            pinned.add(row(desk.picked().get(pinnedIds.get(i)), picks, i == 0, i == pinnedIds.size() - 1));
        }
        String newest = lead != null || !search.isEmpty() || desk.candidates().isEmpty() ? null
                : desk.candidates().getFirst().title();
        pages.render(ctx, "admin/front-page.jte", new StructureViews.FrontPagePage(request.chrome(), picks.version(),
                lead, newest, pinned, FrontPageService.MAX_PINNED, search,
                desk.candidates().stream().map(story -> row(story, picks, false, false)).toList(), message), status);
    }

    private StoryRow row(Story story, FrontPage picks, boolean first, boolean last) {
        ZoneId here = zone.get();
        return new StoryRow(story.id(), story.title(), new SiteUrls(here).article(story.slug(), story.publishedAt()),
                AdminDates.date(story.publishedAt(), here), AdminDates.iso(story.publishedAt(), here),
                picks.lead().filter(id -> id == story.id()).isPresent(), picks.pinned().contains(story.id()), first,
                last);
    }

    private static long article(Context ctx) {
        String id = ctx.formParam("articleId");
        if (id == null || !id.matches("\\d{1,18}")) {
            throw new Invalid(Map.of("articleId", "Choose a story from the list."));
        }
        return Long.parseLong(id);
    }
}
