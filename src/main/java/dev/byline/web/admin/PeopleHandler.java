package dev.byline.web.admin;

import dev.byline.account.AccountService;
import dev.byline.account.Accounts;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.error.BadRequest;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.web.admin.PeopleViews.Option;
import dev.byline.web.admin.PeopleViews.PersonRow;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * /admin/people: the accounts, an invitation form, and per person a role and disable / enable. The account service
 * decides who may do which (administrators; never on their own account; never the last administrator).
 */
final class PeopleHandler {

    private final Accounts accounts;
    private final Doors doors;
    private final AdminPages pages;
    private final Supplier<ZoneId> zone;

    PeopleHandler(Accounts accounts, Doors doors, AdminPages pages, Supplier<ZoneId> zone) {
        this.accounts = accounts;
        this.doors = doors;
        this.pages = pages;
        this.zone = zone;
    }

    void show(Context ctx, AdminRequest request) {
        render(ctx, request, AdminViews.Form.empty(), 200);
    }

    void invite(Context ctx, AdminRequest request) {
        var input = new AccountService.NewUser(ctx.formParam("email"), ctx.formParam("name"), ctx.formParam("role"));
        AccountService.Invitation invitation;
        try {
            invitation = accounts.service().invite(request.actor(), input);
        } catch (Invalid invalid) {
            render(ctx, request, Forms.refused(ctx, invalid, "email", "name", "role"), 422);
            return;
        }
        doors.flash(ctx, "Invitation sent to " + invitation.user().email() + ".");
        ctx.redirect("/admin/people");
    }

    void changeRole(Context ctx, AdminRequest request) {
        Role role = Role.parse(ctx.formParam("role"))
                .orElseThrow(() -> new BadRequest("Choose a role: " + Role.names() + "."));
        User user = accounts.service().changeRole(request.actor(), personId(ctx), role);
        doors.flash(ctx, user.displayName() + " (" + user.email() + ") is now " + role.key() + ".");
        ctx.redirect("/admin/people");
    }

    void disable(Context ctx, AdminRequest request) {
        User user = accounts.service().disable(request.actor(), personId(ctx));
        doors.flash(ctx, user.displayName() + " (" + user.email() + ") is disabled and signed out everywhere.");
        ctx.redirect("/admin/people");
    }

    void enable(Context ctx, AdminRequest request) {
        User user = accounts.service().enable(request.actor(), personId(ctx));
        doors.flash(ctx, user.displayName() + " (" + user.email() + ") is enabled again"
                + (user.status() == User.Status.INVITED ? "; their invitation has to be sent again." : "."));
        ctx.redirect("/admin/people");
    }

    void resendInvitation(Context ctx, AdminRequest request) {
        var invitation = accounts.service().resendInvitation(request.actor(), personId(ctx));
        doors.flash(ctx, "Invitation sent again to " + invitation.user().email()
                + ". The links sent before no longer work.");
        ctx.redirect("/admin/people");
    }

    void resetTwoFactor(Context ctx, AdminRequest request) {
        long id = personId(ctx);
        accounts.twoFactor().reset(request.actor(), id);
        User user = accounts.service().find(request.actor(), id).orElseThrow();
        doors.flash(ctx, "Two-factor authentication is off for " + user.displayName() + " (" + user.email()
                + "); they were signed out and sign in with their password alone until they set it up again.");
        ctx.redirect("/admin/people");
    }

    private void render(Context ctx, AdminRequest request, AdminViews.Form invite, int status) {
        List<PersonRow> people = accounts.service().list(request.actor()).stream()
                .map(user -> row(user, request.actor().isUser(user.id()))).toList();
        String chosen = invite.value("role").isEmpty() ? Role.AUTHOR.key() : invite.value("role");
        pages.render(ctx, "admin/people.jte", new PeopleViews.PeoplePage(request.chrome(), people, invite,
                roles(chosen)), status);
    }

    private PersonRow row(User user, boolean you) {
        Instant created = Instant.ofEpochMilli(user.createdAt());
        return new PersonRow(user.id(), user.displayName(), user.email(), user.role().label(),
                user.status().name().charAt(0) + user.status().key().substring(1), user.status().key(),
                user.twoFactor(), AdminDates.date(created, zone.get()), AdminDates.iso(created, zone.get()), you,
                user.status() == User.Status.DISABLED, roles(user.role().key()));
    }

    private static List<Option> roles(String selected) {
        return Arrays.stream(Role.values()).map(role -> new Option(role.key(), role.label(),
                role.key().equals(selected))).toList();
    }

    private static long personId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFound("There is no such account.");
        }
    }
}
