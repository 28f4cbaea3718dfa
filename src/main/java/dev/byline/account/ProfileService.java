package dev.byline.account;

import dev.byline.error.Forbidden;
import dev.byline.error.Invalid;
import dev.byline.media.Media;
import dev.byline.media.MediaLibrary;
import dev.byline.media.MediaService;
import dev.byline.people.Author;
import dev.byline.people.AuthorService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Everyone's own profile: the name on their articles, bio, links and avatar. It is their author profile, saved
 * through {@link AuthorService} (so the change feed drops the pages showing it), and the account's own name is
 * kept equal to it in the same transaction, with the activity-log entry: the account's name is the byline.
 * Each method acts on the actor's own account and no other, so there is nobody else's profile to ask for.
 */
public final class ProfileService {

    /** One's profile as the profile page shows it; {@code avatar} null when there is none. */
    public record Profile(User user, Author author, Media avatar) {
    }

    /** What the profile form sends; {@code links} one URL a line. */
    public record Details(String displayName, String bio, String links) {
    }

    private final UserStore users;
    private final AuthorService authors;
    private final MediaService media;
    private final MediaLibrary library;
    private final ActivityLog activity;
    private final Clock clock;

    /**
     * @param library where a picture the author no longer has is deleted, when nothing else shows it
     */
    public ProfileService(UserStore users, AuthorService authors, MediaService media, MediaLibrary library,
                          ActivityLog activity, Clock clock) {
        this.users = users;
        this.authors = authors;
        this.media = media;
        this.library = library;
        this.activity = activity;
        this.clock = clock;
    }

    public Profile profile(Actor actor) {
        User user = own(actor, "see your profile");
        Author author = authors.find(user.authorId()).orElseThrow();
        return new Profile(user, author, author.avatarMediaId() == null ? null
                : media.find(author.avatarMediaId()).orElse(null));
    }

    /**
     * Saves name, bio and links.
     *
     * @throws Invalid with messages on {@code displayName}, {@code bio}, {@code links}
     */
    public Profile update(Actor actor, Details details) {
        User user = own(actor, "change your profile");
        List<String> links = AuthorService.parseLinks(details.links());
        var before = new AtomicReference<Author>();
        authors.update(user.authorId(), current -> {
            before.set(current);
            return new Author(current.id(), current.slug(), details.displayName(), details.bio(),
                    current.avatarMediaId(), links);
        }, (handle, saved) -> {
            users.setName(handle, user.id(), saved.displayName(), clock.millis());
            activity.record(handle, actor, Activity.PROFILE_CHANGED, user.email(), changes(before.get(), saved),
                    user.id());
        });
        return profile(actor);
    }

    /**
     * Makes an uploaded image the avatar: checked and re-encoded by {@link MediaService} (JPEG, PNG, WebP or GIF;
     * no metadata kept), then set on the author profile.
     *
     * @throws Invalid on {@code avatar} when the file is missing or not an image Byline takes
     */
    public Profile uploadAvatar(Actor actor, byte[] bytes, String fileName) {
        User user = own(actor, "change your profile");
        if (bytes == null || bytes.length == 0) {
            throw new Invalid(Map.of("avatar", "Choose a picture to upload: a JPEG, PNG, WebP or GIF file."));
        }
        Media stored;
        try {
            stored = media.store(new MediaService.Upload(bytes, fileName == null ? "avatar" : fileName, "", "", ""),
                    user.id());
        } catch (Invalid invalid) {
            throw new Invalid(Map.of("avatar", String.join(" ", invalid.fieldErrors().values())));
        }
        var previous = new AtomicReference<Long>();
        authors.update(user.authorId(), before -> {
            previous.set(before.avatarMediaId());
            return before.withAvatar(stored.id());
        }, (handle, saved) ->
                activity.record(handle, actor, Activity.PROFILE_CHANGED, user.email(), "avatar uploaded", user.id()));
        dropIfUnused(previous.get(), stored.id());
        return profile(actor);
    }

    /**
     * Takes the avatar away: readers see the generated initials instead. The picture's files go too (a removed
     * picture should stop being public), unless something else shows it: an article, another profile, the logo.
     */
    public Profile removeAvatar(Actor actor) {
        User user = own(actor, "change your profile");
        var previous = new AtomicReference<Long>();
        authors.update(user.authorId(), before -> {
            previous.set(before.avatarMediaId());
            return before.withAvatar(null);
        }, (handle, saved) ->
                activity.record(handle, actor, Activity.PROFILE_CHANGED, user.email(), "avatar removed", user.id()));
        dropIfUnused(previous.get(), null);
        return profile(actor);
    }

    /** After the profile no longer shows it (committed): the old picture is deleted when nothing else does. */
    private void dropIfUnused(Long previous, Long current) {
        if (previous != null && !previous.equals(current)) {
            library.deleteIfUnused(previous);
        }
    }

    /** The actor's active account: the command line and visitors have no profile. */
    private User own(Actor actor, String action) {
        Optional<User> user = actor.userId() == 0 ? Optional.empty()
                : users.findById(actor.userId()).filter(User::active);
        return user.orElseThrow(() -> new Forbidden("Please sign in to " + action + "."));
    }

    /** "name: Amina → Amina R.; bio": what differs, for the activity log. */
    static String changes(Author before, Author after) {
        var parts = new ArrayList<String>();
        if (!before.displayName().equals(after.displayName())) {
            parts.add("name: " + before.displayName() + " → " + after.displayName());
        }
        if (!before.bio().equals(after.bio())) {
            parts.add("bio");
        }
        if (!before.links().equals(after.links())) {
            parts.add("links");
        }
        return parts.isEmpty() ? "saved unchanged" : String.join("; ", parts);
    }
}
