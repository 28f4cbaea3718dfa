package dev.byline.account;

import dev.byline.error.Forbidden;
import java.util.Collection;

/**
 * Every permission decision, in one place, with WordPress's meaning of the roles. Services call it before they
 * write; pages call it only to decide what to show. The table of cases is in PolicyTest.
 */
public final class Policy {

    private Policy() {
    }

    /** Refuses unless {@code actor} has {@code capability}; {@code action} completes "You may not …". */
    public static void require(Actor actor, Capability capability, String action) {
        if (!actor.can(capability)) {
            throw new Forbidden(actor.role().isEmpty() ? "Please sign in to " + action + "."
                    : "Your role (" + actor.role().get().key() + ") may not " + action + ".");
        }
    }

    /** Whether {@code actor} writes as one of {@code authorIds}: the article is "their own". */
    public static boolean owns(Actor actor, Collection<Long> authorIds) {
        return actor.authorId() != 0 && authorIds.contains(actor.authorId());
    }

    /**
     * Editing an article: editors and administrators edit every one; authors their own, published or not;
     * contributors their own until it is published (after that an editor changes it).
     */
    public static boolean mayEdit(Actor actor, Collection<Long> authorIds, boolean published) {
        if (actor.can(Capability.EDIT_OTHERS_ARTICLES)) {
            return true;
        }
        if (!actor.can(Capability.WRITE_ARTICLES) || !owns(actor, authorIds)) {
            return false;
        }
        return !published || actor.can(Capability.PUBLISH_OWN_ARTICLES);
    }

    /** Publishing or scheduling: editors any article, authors their own, contributors none. */
    public static boolean mayPublish(Actor actor, Collection<Long> authorIds) {
        return actor.can(Capability.EDIT_OTHERS_ARTICLES)
                || (actor.can(Capability.PUBLISH_OWN_ARTICLES) && owns(actor, authorIds));
    }

    /** Moving to the trash, deleting: whoever may edit it. */
    public static boolean mayDelete(Actor actor, Collection<Long> authorIds, boolean published) {
        return mayEdit(actor, authorIds, published);
    }

    /**
     * Moderating an article's comments (approve, edit, spam, trash, reply from the queue), as WordPress: editors and
     * administrators every article's; authors their own articles'; contributors none.
     */
    public static boolean mayModerateComments(Actor actor, Collection<Long> articleAuthorIds) {
        return actor.can(Capability.MODERATE_COMMENTS)
                || (actor.can(Capability.PUBLISH_OWN_ARTICLES) && owns(actor, articleAuthorIds));
    }

    /**
     * Browsing the media library (to choose an image for an article): everyone who writes, contributors included;
     * the files themselves are public under /media/ anyway. Uploading asks {@link Capability#UPLOAD_MEDIA}.
     */
    public static boolean mayBrowseMedia(Actor actor) {
        return actor.can(Capability.WRITE_ARTICLES) || actor.can(Capability.UPLOAD_MEDIA);
    }

    /**
     * Changing an image's alt text, caption or credit, or deleting it: editors and administrators any image; authors
     * the images they uploaded; contributors none (they upload nothing). An image with no uploader (stored before
     * uploaders were recorded, or by the site itself) is the editors'.
     */
    public static boolean mayChangeMedia(Actor actor, Long uploadedBy) {
        if (actor.can(Capability.EDIT_OTHERS_ARTICLES)) {
            return true;
        }
        return actor.can(Capability.UPLOAD_MEDIA) && uploadedBy != null && actor.isUser(uploadedBy);
    }

    /** Refuses unless {@link #mayChangeMedia}; {@code action} completes "You may not …". */
    public static void requireChangeMedia(Actor actor, Long uploadedBy, String action) {
        if (!mayChangeMedia(actor, uploadedBy)) {
            throw new Forbidden(actor.role().isEmpty() ? "Please sign in to " + action + "."
                    : actor.can(Capability.UPLOAD_MEDIA)
                    ? "You may " + action + " only if you uploaded it; ask an editor."
                    : "Your role (" + actor.role().get().key() + ") may not " + action + ".");
        }
    }

    /** Changing someone's account (role, status): administrators, never on themselves (they could lock everyone out). */
    public static void requireManage(Actor actor, long userId, String action) {
        require(actor, Capability.MANAGE_PEOPLE, action);
        if (actor.isUser(userId)) {
            throw new Forbidden("You may not " + action + " on your own account: ask another administrator.");
        }
    }
}
