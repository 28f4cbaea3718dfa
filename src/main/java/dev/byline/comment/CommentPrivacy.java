package dev.byline.comment;

import dev.byline.account.Activity;
import dev.byline.account.ActivityLog;
import dev.byline.account.Actor;
import dev.byline.account.Capability;
import dev.byline.account.Policy;
import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.change.Keys;
import dev.byline.error.Invalid;
import dev.byline.mail.Mail;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A commenter's personal data, exported or erased at their request by an administrator (WordPress's Tools → Export
 * / Erase Personal Data, without its confirmation mail: the administrator has checked who asks).
 *
 * <p>Erasing anonymises, as WordPress does: the name becomes "Anonymous"; the email, website, IP address and
 * browser are emptied; follow-up mail stops; the text stays, so the replies around it still make sense. With
 * {@code delete}, the comments go as well: those nobody replied to are deleted, those with replies keep their place
 * in the thread with their text replaced by {@value #REMOVED}. Either way the erasure goes through the change feed
 * with {@link Keys#comments} of each article where readers saw one of the comments, so every node drops those
 * pages and no other.
 */
public final class CommentPrivacy {

    /** The name an erased comment is shown under. */
    public static final String ANONYMOUS = "Anonymous";
    /** The text of an erased comment that was to be deleted but has replies. */
    public static final String REMOVED = "This comment was removed at its author’s request.";
    /** The change feed's kind for an erasure. */
    public static final String ERASED = "comment.erased";

    /** Everything stored about one comment, as the export gives it. */
    public record Item(long id, String name, String email, String website, String ip, String userAgent,
                       String date, String status, boolean followUps, long articleId, String articleTitle,
                       String articleUrl, long inReplyTo, String text) {
    }

    /** The export: every comment stored with this email, whatever its status, oldest first. */
    public record Export(String email, String exportedAt, int count, List<Item> comments) {
    }

    /**
     * What an erasure did.
     *
     * @param anonymised comments kept, under {@value #ANONYMOUS}
     * @param deleted    comments deleted
     * @param articles   the articles whose public pages changed
     */
    public record Erased(String email, int anonymised, int deleted, Set<Long> articles) {
        public boolean nothing() {
            return anonymised + deleted == 0;
        }
    }

    private final CommentStore store;
    private final ChangeFeed changes;
    private final ActivityLog activity;
    /** The article's full public address from its slug and publication time. */
    private final BiFunction<String, Instant, String> articleUrl;
    private final Clock clock;

    public CommentPrivacy(CommentStore store, ChangeFeed changes, ActivityLog activity,
                          BiFunction<String, Instant, String> articleUrl, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.activity = activity;
        this.articleUrl = articleUrl;
        this.clock = clock;
    }

    /** Refuses unless the actor is an administrator: before showing the page. */
    public static void check(Actor actor) {
        Policy.require(actor, Capability.HANDLE_PERSONAL_DATA, "export or erase commenters' personal data");
    }

    /**
     * @throws Invalid                    the email is empty or not an address ({@code email})
     * @throws dev.byline.error.Forbidden unless the actor is an administrator
     */
    public Export export(Actor actor, String email) {
        check(actor);
        String address = address(email);
        List<Item> items = store.jdbi().withHandle(handle -> store.byEmail(handle, address)).stream()
                .map(this::item).toList();
        activity.record(actor, Activity.COMMENTS_EXPORTED, "a commenter’s personal data",
                items.size() + (items.size() == 1 ? " comment" : " comments") + " exported (email " + digest(address)
                        + ")", null);
        return new Export(address, clock.instant().toString(), items.size(), items);
    }

    /**
     * Anonymises (or, with {@code delete}, deletes) every comment stored with this email. Taking it twice, or two
     * administrators at once, is the same as once: the second finds nothing left.
     *
     * @throws Invalid                    the email is empty or not an address ({@code email})
     * @throws dev.byline.error.Forbidden unless the actor is an administrator
     */
    public Erased erase(Actor actor, String email, boolean delete) {
        check(actor);
        String address = address(email);
        return changes.write(ERASED, handle -> {
            List<CommentStore.Listed> found = store.byEmail(handle, address);
            if (found.isEmpty()) {
                return Written.of(new Erased(address, 0, 0, Set.of()), Set.of(), List.of());
            }
            long now = clock.millis();
            int deleted = delete ? store.deleteUnanswered(handle, address) : 0;
            if (delete) {
                store.replaceText(handle, address, REMOVED, CommentText.html(REMOVED), now);
            }
            int anonymised = store.anonymise(handle, address, ANONYMOUS, now);
            if (anonymised + deleted == 0) {
                // another administrator's erasure committed first (it held the rows): nothing left to do or log
                return Written.of(new Erased(address, 0, 0, Set.of()), Set.of(), List.of());
            }
            store.forgetLimits(handle, address, found.stream().map(row -> row.comment().ip())
                    .filter(ip -> !ip.isEmpty()).distinct().toList());
            var articles = new LinkedHashSet<Long>();
            var keys = new LinkedHashSet<String>();
            var entities = new ArrayList<Change.Entity>();
            for (CommentStore.Listed row : found) {
                Comment comment = row.comment();
                boolean gone = store.find(handle, comment.id()).isEmpty();
                entities.add(new Change.Entity(CommentService.ENTITY, comment.id(), comment.approved(),
                        comment.approved() && !gone));
                if (comment.approved()) {
                    articles.add(comment.articleId());
                    keys.add(Keys.comments(comment.articleId()));
                    keys.add(Keys.ALL_COMMENTS); // the site-wide comment feed
                }
            }
            activity.record(handle, actor, Activity.COMMENTS_ERASED, "a commenter’s personal data",
                    anonymised + " anonymised, " + deleted + " deleted (email " + digest(address) + ")", null);
            return Written.of(new Erased(address, anonymised, deleted, Set.copyOf(articles)), Set.copyOf(keys),
                    List.copyOf(entities));
        });
    }

    private Item item(CommentStore.Listed row) {
        Comment c = row.comment();
        String url = row.articlePublishedAt() == null ? ""
                : articleUrl.apply(row.articleSlug(), row.articlePublishedAt()) + "#comment-" + c.id();
        return new Item(c.id(), c.authorName(), c.authorEmail(), c.authorUrl(), c.ip(), c.userAgent(),
                c.createdAt().toString(), c.status().dbValue(), c.followUps(), c.articleId(), row.articleTitle(), url,
                c.parentId(), c.body());
    }

    /** The address as comments store it (trimmed, lower case), or the field's message. */
    static String address(String email) {
        String typed = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (typed.isEmpty()) {
            throw new Invalid(Map.of("email", "Type the commenter’s email address."));
        }
        if (typed.length() > 254 || !Mail.isAddress(typed)) {
            throw new Invalid(Map.of("email", "That is not an email address: type one such as name@example.org."));
        }
        return typed;
    }

    /**
     * The first 12 hex digits of the address's SHA-256, for the activity log: it shows that an erasure was done
     * for an address someone can name, without keeping the address that was erased.
     */
    static String digest(String address) {
        return "sha256 " + dev.byline.account.OneTimeLinks.hash(address).substring(0, 12);
    }
}
