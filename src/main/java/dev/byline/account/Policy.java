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

    /** Changing someone's account (role, status): administrators, never on themselves (they could lock everyone out). */
    public static void requireManage(Actor actor, long userId, String action) {
        require(actor, Capability.MANAGE_PEOPLE, action);
        if (actor.isUser(userId)) {
            throw new Forbidden("You may not " + action + " on your own account: ask another administrator.");
        }
    }
}
