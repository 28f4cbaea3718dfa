package dev.byline.comment;

import dev.byline.account.Actor;
import dev.byline.account.Policy;
import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.change.Keys;
import dev.byline.error.Conflict;
import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * What moderators do to comments: approve, unapprove, spam, not spam, trash, restore, delete for good, edit, reply,
 * close or open an article's discussion. Editors and administrators moderate every article's comments, authors
 * their own articles' ({@link Policy#mayModerateComments}). Each change is made from the version the moderator saw
 * ({@link Conflict} when someone changed the comment since) and goes through the change feed, announcing the
 * article's {@link Keys#comments} exactly when readers could see the comment before or after.
 */
public final class CommentModeration {

    /** What a moderator can do to one comment. */
    public enum Action {
        APPROVE("approve"), UNAPPROVE("unapprove"), SPAM("spam"), NOT_SPAM("not-spam"), TRASH("trash"),
        RESTORE("restore"), DELETE("delete");

        private final String key;

        Action(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        public static java.util.Optional<Action> parse(String key) {
            return java.util.Arrays.stream(values()).filter(a -> a.key.equals(key)).findFirst();
        }
    }

    private final CommentStore store;
    private final ChangeFeed changes;
    private final Clock clock;
    private final CommentMail mail;

    public CommentModeration(CommentStore store, ChangeFeed changes, Clock clock) {
        this(store, changes, clock, null);
    }

    /** @param mail the notifications (a comment approved from the queue), or null to send none */
    public CommentModeration(CommentStore store, ChangeFeed changes, Clock clock, CommentMail mail) {
        this.store = store;
        this.changes = changes;
        this.clock = clock;
        this.mail = mail;
    }

    /**
     * @param version the version the moderator saw
     * @return the comment as it is now (empty after a delete)
     */
    public java.util.Optional<Comment> act(Actor actor, long id, long version, Action action) {
        return changes.write("comment." + action.key(), handle -> {
            Comment comment = mine(handle, actor, id, "moderate this comment");
            if (comment.version() != version) {
                throw new Conflict("Someone changed this comment after you opened the page; nothing was done. "
                        + "Look at it again.");
            }
            long now = clock.millis();
            if (action == Action.DELETE) {
                if (comment.status() != CommentStatus.TRASH && comment.status() != CommentStatus.SPAM) {
                    throw new Forbidden("Only comments in the trash or marked as spam are deleted for good.");
                }
                boolean repliesShown = store.delete(handle, comment);
                return written(java.util.Optional.<Comment>empty(), comment, repliesShown);
            }
            CommentStatus next = switch (action) {
                case APPROVE -> CommentStatus.APPROVED;
                case UNAPPROVE, NOT_SPAM -> CommentStatus.PENDING;
                case SPAM -> CommentStatus.SPAM;
                case TRASH -> CommentStatus.TRASH;
                case RESTORE -> store.trashedFrom(handle, id).orElse(CommentStatus.PENDING);
                case DELETE -> throw new IllegalStateException();
            };
            String reason = switch (action) {
                case APPROVE -> "Approved by " + actor.name() + ".";
                case UNAPPROVE -> "Unapproved by " + actor.name() + ".";
                case NOT_SPAM -> "Marked as not spam by " + actor.name() + ".";
                case SPAM -> "Marked as spam by " + actor.name() + ".";
                case TRASH -> comment.reason(); // restored with the reason it had
                case RESTORE -> comment.reason();
                case DELETE -> throw new IllegalStateException();
            };
            if (!store.setStatus(handle, id, version, next, reason, now)) {
                throw new Conflict("Someone changed this comment just now; nothing was done. Look at it again.");
            }
            Comment after = store.find(handle, id).orElseThrow();
            if (mail != null && action == Action.APPROVE && comment.status() == CommentStatus.PENDING) {
                mail.approved(handle, store, after, store.target(handle, after.articleId()).orElseThrow());
            }
            return written(java.util.Optional.of(after), comment, after.approved());
        });
    }

    /** A moderator's correction of a comment's name, email, website or text (its status stays). */
    public Comment edit(Actor actor, long id, long version, String name, String email, String url, String text) {
        var checked = CommentText.check(name, email, url, text, false);
        return changes.write("comment.edited", handle -> {
            Comment comment = mine(handle, actor, id, "edit this comment");
            if (!store.update(handle, id, version, checked.name(), checked.email(), checked.url(), checked.text(),
                    CommentText.html(checked.text()), clock.millis())) {
                throw new Conflict("Someone changed this comment after you opened it, so your edit was not saved. "
                        + "Your text is below: look at theirs and save again.");
            }
            Comment after = store.find(handle, id).orElseThrow();
            return written(after, comment, after.approved());
        });
    }

    /**
     * A moderator's reply from the queue, published at once under their name; a reply to a comment still waiting
     * approves it first, as WordPress does.
     */
    public Comment reply(Actor actor, Submission.Staff staff, long parentId, String text, CommentService comments) {
        Comment parent = store.jdbi().withHandle(handle -> mine(handle, actor, parentId, "reply to this comment"));
        // the reply's own text is checked before the parent is approved: a refused reply approves nothing
        CommentText.check(staff.name(), staff.email(), "", text, true);
        if (parent.status() == CommentStatus.PENDING) {
            act(actor, parent.id(), parent.version(), Action.APPROVE);
        } else if (!parent.approved()) {
            throw new Forbidden(CommentService.UNAPPROVED_PARENT);
        }
        return comments.post(new Submission(parent.articleId(), parent.id(), "", "", "", text, false, actor.ip(), "",
                "", null, staff)).comment();
    }

    /**
     * Closes ({@code closed}) or opens an article's discussion, whatever its age.
     */
    public void close(Actor actor, long articleId, boolean closed) {
        changes.write("comment.closed", handle -> {
            List<Long> authors = store.authorIds(handle, articleId);
            if (store.target(handle, articleId).isEmpty()) {
                throw new NotFound("There is no such article.");
            }
            if (!Policy.mayModerateComments(actor, authors)) {
                throw new Forbidden("Only editors, administrators and the article's own authors may open or close "
                        + "its discussion.");
            }
            store.close(handle, articleId, closed, clock.millis());
            return Written.of(null, Set.of(Keys.comments(articleId)),
                    List.of(new Change.Entity(Change.Entity.ARTICLE, articleId, true, true)));
        });
    }

    /** Refuses (Forbidden, NotFound) unless the actor may moderate the comment: before showing it to them. */
    public Comment check(Actor actor, long id) {
        return store.jdbi().withHandle(handle -> mine(handle, actor, id, "see this comment"));
    }

    /** A comment the actor may moderate, or NotFound / Forbidden. */
    Comment mine(Handle handle, Actor actor, long id, String action) {
        Comment comment = store.find(handle, id).orElseThrow(() -> new NotFound("There is no such comment."));
        if (!Policy.mayModerateComments(actor, store.authorIds(handle, comment.articleId()))) {
            throw new Forbidden("You may not " + action + ": authors moderate comments on their own articles; "
                    + "editors and administrators on every article.");
        }
        return comment;
    }

    private static <T> Written<T> written(T value, Comment before, boolean publicAfter) {
        boolean seen = before.approved() || publicAfter;
        return Written.of(value, seen ? Set.of(Keys.comments(before.articleId()), Keys.ALL_COMMENTS) : Set.of(),
                List.of(new Change.Entity(CommentService.ENTITY, before.id(), before.approved(), publicAfter)));
    }

    static Invalid invalid(String field, String message) {
        return new Invalid(Map.of(field, message));
    }
}
