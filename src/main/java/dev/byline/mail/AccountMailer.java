package dev.byline.mail;

import dev.byline.account.AccountMail;
import dev.byline.account.Actor;
import dev.byline.account.OneTimeLinks;
import dev.byline.account.User;
import dev.byline.account.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The accounts' mails, written here and queued in the {@link Outbox} inside the account's transaction: an
 * invitation and its mail commit together, or neither. Each says who it is from, what the link does, how long it
 * works, and what to do if it was not expected.
 */
public final class AccountMailer implements AccountMail {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH);

    private final Outbox outbox;
    private final UserStore users;
    private final Supplier<String> baseUrl;
    private final Supplier<String> siteName;
    private final Supplier<ZoneId> zone;
    private final Clock clock;

    /** @param baseUrl the public base URL without a trailing slash, as links in mail must be absolute */
    public AccountMailer(Outbox outbox, UserStore users, Supplier<String> baseUrl, Supplier<String> siteName,
                         Supplier<ZoneId> zone, Clock clock) {
        this.outbox = outbox;
        this.users = users;
        this.baseUrl = baseUrl;
        this.siteName = siteName;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public void invitation(Handle handle, User invited, Actor inviter, String token) {
        String site = siteName.get();
        String who = inviter.userId() == 0 ? "The administrator of " + site
                : users.findById(inviter.userId()).map(user -> user.displayName() + " (" + user.email() + ")")
                .orElse(inviter.name());
        Duration valid = OneTimeLinks.Purpose.INVITATION.valid;
        String body = """
                Hello %s,

                %s invited you to the newsroom of %s, as %s.

                To accept, open this link and choose your password:

                %s/admin/invitation/%s

                The link works once, for %s (until %s). If it has expired, ask for a new invitation.

                If you did not expect this, you can ignore this message: nothing happens unless the link is used.

                --\s
                %s
                """.formatted(invited.displayName(), who, site, article(invited.role().label()), baseUrl.get(), token,
                days(valid), until(valid), site);
        outbox.enqueue(handle, new Mail(invited.email(), "You are invited to " + site, body));
    }

    @Override
    public void passwordReset(Handle handle, User user, String token) {
        String site = siteName.get();
        Duration valid = OneTimeLinks.Purpose.PASSWORD_RESET.valid;
        String body = """
                Hello %s,

                Someone, probably you, asked to reset the password of your %s account (%s).

                To choose a new password, open this link:

                %s/admin/reset/%s

                The link works once, for %s (until %s). Using it signs your account out everywhere.

                If you did not ask for this, you can ignore this message: your password stays as it is.

                --\s
                %s
                """.formatted(user.displayName(), site, user.email(), baseUrl.get(), token, hours(valid), until(valid),
                site);
        outbox.enqueue(handle, new Mail(user.email(), "Reset your password for " + site, body));
    }

    private String until(Duration valid) {
        return UNTIL.withZone(zone.get()).format(clock.instant().plus(valid));
    }

    private static String days(Duration valid) {
        long days = valid.toDays();
        return days >= 1 && valid.equals(Duration.ofDays(days)) ? days + (days == 1 ? " day" : " days") : hours(valid);
    }

    private static String hours(Duration valid) {
        long hours = valid.toHours();
        return hours + (hours == 1 ? " hour" : " hours");
    }

    /** "an Editor", "a Contributor". */
    private static String article(String label) {
        return ("AEIOU".indexOf(label.charAt(0)) >= 0 ? "an " : "a ") + label.toLowerCase(Locale.ROOT);
    }
}
