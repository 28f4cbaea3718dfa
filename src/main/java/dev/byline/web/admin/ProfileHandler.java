package dev.byline.web.admin;

import dev.byline.account.Accounts;
import dev.byline.account.ProfileService;
import dev.byline.account.Session;
import dev.byline.error.Invalid;
import dev.byline.web.admin.PeopleViews.ProfileForms;
import dev.byline.web.admin.PeopleViews.SessionRow;
import dev.byline.web.site.SiteUrls;
import dev.byline.web.support.Initials;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * /admin/profile, everyone's own: name, bio, links, avatar (the public author page shows them), and the page's
 * other parts, password and sessions ({@link AccountSecurityHandler}), and a way to the two-factor page.
 */
final class ProfileHandler {

    private final Accounts accounts;
    private final Doors doors;
    private final AdminPages pages;
    private final Supplier<ZoneId> zone;

    ProfileHandler(Accounts accounts, Doors doors, AdminPages pages, Supplier<ZoneId> zone) {
        this.accounts = accounts;
        this.doors = doors;
        this.pages = pages;
        this.zone = zone;
    }

    void show(Context ctx, AdminRequest request) {
        render(ctx, request, ProfileForms.empty(), 200);
    }

    void save(Context ctx, AdminRequest request) {
        var details = new ProfileService.Details(ctx.formParam("displayName"), ctx.formParam("bio"),
                ctx.formParam("links"));
        try {
            accounts.profiles().update(request.actor(), details);
        } catch (Invalid invalid) {
            render(ctx, request, new ProfileForms(Forms.refused(ctx, invalid, "displayName", "bio", "links"),
                    AdminViews.Form.empty(), AdminViews.Form.empty()), 422);
            return;
        }
        doors.flash(ctx, "Your profile is saved.");
        ctx.redirect("/admin/profile");
    }

    void uploadAvatar(Context ctx, AdminRequest request) throws IOException {
        UploadedFile file = ctx.uploadedFile("avatar");
        try (InputStream content = file == null ? InputStream.nullInputStream() : file.content()) {
            accounts.profiles().uploadAvatar(request.actor(), content.readAllBytes(),
                    file == null ? null : file.filename());
        } catch (Invalid invalid) {
            render(ctx, request, new ProfileForms(AdminViews.Form.empty(),
                    Forms.refused(ctx, invalid.fieldErrors()), AdminViews.Form.empty()), 422);
            return;
        }
        doors.flash(ctx, "Your picture is saved.");
        ctx.redirect("/admin/profile");
    }

    void removeAvatar(Context ctx, AdminRequest request) {
        accounts.profiles().removeAvatar(request.actor());
        doors.flash(ctx, "Your picture is removed: your initials show in its place.");
        ctx.redirect("/admin/profile");
    }

    /** The whole page, with {@code forms} as typed (the one that failed carries its messages). */
    void render(Context ctx, AdminRequest request, ProfileForms forms, int status) {
        ProfileService.Profile profile = accounts.profiles().profile(request.actor());
        var author = profile.author();
        var details = forms.details().values().isEmpty() ? new AdminViews.Form(Map.of("displayName",
                author.displayName(), "bio", author.bio(), "links", String.join("\n", author.links())),
                forms.details().errors()) : forms.details();
        List<SessionRow> sessions = accounts.sessions().list(profile.user().id()).stream()
                .map(session -> row(session, request.sessionId())).toList();
        var avatar = new PeopleViews.Avatar(profile.avatar() == null ? null : profile.avatar().urlAtLeast(192),
                Initials.of(author.id(), author.displayName()));
        pages.render(ctx, "admin/profile.jte", new PeopleViews.ProfilePage(request.chrome(), author.displayName(),
                profile.user().email(), profile.user().role().label(), avatar,
                new ProfileForms(details, forms.avatar(), forms.password()), sessions, profile.user().twoFactor(),
                Doors.TWO_FACTOR_PAGE, SiteUrls.author(author.slug())), status);
    }

    private SessionRow row(Session session, String currentId) {
        ZoneId here = zone.get();
        return new SessionRow(session.id(), UserAgents.summary(session.userAgent()), session.ip(),
                AdminDates.dateTime(session.lastSeenAt(), here), AdminDates.iso(session.lastSeenAt(), here),
                AdminDates.dateTime(session.createdAt(), here), AdminDates.iso(session.createdAt(), here),
                session.id().equals(currentId));
    }
}
