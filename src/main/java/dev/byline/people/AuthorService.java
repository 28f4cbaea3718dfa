package dev.byline.people;

import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.change.Keys;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.text.Slugs;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;

/** The rules for authors: a display name, a unique slug, a bio, an optional avatar, a few links. */
public final class AuthorService {

    public static final int MAX_LINKS = 10;
    static final int MAX_LINK_LENGTH = 500;
    static final int MAX_BIO_LENGTH = 2000;

    /**
     * More work for the transaction that saves an author, seeing the author as saved: an account's own name kept
     * equal to its byline, the activity-log entry. It commits with the author and the change row, or not at all.
     */
    @FunctionalInterface
    public interface Alongside {
        void run(Handle handle, Author saved);
    }

    private final AuthorStore store;
    private final ChangeFeed changes;
    private final Clock clock;

    public AuthorService(AuthorStore store, ChangeFeed changes, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.clock = clock;
    }

    /** Creates ({@code id == 0}) or updates an author; a blank slug is made from the name. */
    public Author save(Author input) {
        return save(input, (handle, saved) -> {
        });
    }

    /**
     * As {@link #save(Author)}, running {@code alongside} in the same transaction. The change feed's write is the
     * outermost transaction, so pages are dropped after what they show has committed, never before.
     */
    public Author save(Author input, Alongside alongside) {
        Author checked = checked(input);
        long id = changes.write(input.id() == 0 ? "author.created" : "author.updated", handle -> {
            Optional<Author> before = input.id() == 0 ? Optional.empty() : store.lock(handle, input.id());
            return write(handle, before, checked, alongside);
        });
        return store.findById(id).orElseThrow();
    }

    /**
     * Changes author {@code id} as {@code edit} says, reading it under its row lock: two edits of different parts
     * (the avatar in one tab, the bio in another) both stay.
     *
     * @throws NotFound when there is no such author
     * @throws Invalid  when the edited author breaks a rule; nothing is written
     */
    public Author update(long id, UnaryOperator<Author> edit, Alongside alongside) {
        long saved = changes.write("author.updated", handle -> {
            Author before = store.lock(handle, id).orElseThrow(() -> new NotFound("There is no such author."));
            Author after = edit.apply(before);
            return write(handle, Optional.of(before), checked(new Author(id, after.slug(), after.displayName(),
                    after.bio(), after.avatarMediaId(), after.links())), alongside);
        });
        return store.findById(saved).orElseThrow();
    }

    private Written<Long> write(Handle handle, Optional<Author> before, Author author, Alongside alongside) {
        if (store.slugTaken(handle, author.slug(), author.id())) {
            throw new Invalid(Map.of("slug", "Another author already uses the slug '" + author.slug() + "'."));
        }
        long now = clock.millis();
        long saved = author.id() == 0 ? store.insert(handle, author, now) : author.id();
        if (author.id() != 0) {
            store.update(handle, author, now);
        }
        alongside.run(handle, store.findById(handle, saved).orElseThrow());
        // teasers show the name and link; article pages and the archive show everything
        var keys = new LinkedHashSet<String>(List.of(Keys.author(saved)));
        if (before.isEmpty() || !before.get().displayName().equals(author.displayName())
                || !before.get().slug().equals(author.slug())) {
            keys.add(Keys.byline(saved));
        }
        return Written.of(saved, keys, List.of(Change.Entity.shown(Change.Entity.AUTHOR, saved, author.id() == 0)));
    }

    /**
     * Control characters (a NUL, which PostgreSQL refuses in text; an escape; C1 controls) and bidirectional
     * overrides and isolates (which make a name display as something else) have no place in a name or bio.
     */
    public static final java.util.regex.Pattern CONTROL =
            java.util.regex.Pattern.compile("[\\p{Cntrl}\\u0080-\\u009f\\u202a-\\u202e\\u2066-\\u2069]");

    /** The author as it will be stored (name, bio and links trimmed, slug made), or {@link Invalid} naming each problem. */
    private static Author checked(Author input) {
        var errors = new LinkedHashMap<String, String>();
        String name = input.displayName() == null ? "" : input.displayName().strip();
        if (name.isEmpty()) {
            errors.put("displayName", "An author needs a name.");
        } else if (name.length() > 120) {
            errors.put("displayName", "Keep the name under 120 characters.");
        } else if (CONTROL.matcher(name).find()) {
            errors.put("displayName", "The name has an invisible control character: type it again.");
        }
        String slug = input.slug() == null || input.slug().isBlank() ? Slugs.slugify(name, 60) : input.slug().strip();
        if (!Slugs.isSlug(slug, 60)) {
            errors.put("slug", "Use lower-case letters, digits and hyphens, e.g. jane-doe.");
        }
        String bio = input.bio() == null ? "" : input.bio().strip();
        if (bio.length() > MAX_BIO_LENGTH) {
            errors.put("bio", "Keep the bio under " + String.format(Locale.ENGLISH, "%,d", MAX_BIO_LENGTH)
                    + " characters (it has " + String.format(Locale.ENGLISH, "%,d", bio.length()) + ").");
        }
        if (CONTROL.matcher(bio.replaceAll("[\r\n\t]", "")).find()) {
            errors.put("bio", "The bio has an invisible control character (pasted from somewhere?): remove it.");
        }
        linksProblem(input.links()).ifPresent(problem -> errors.put("links", problem));
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return new Author(input.id(), slug, name, bio, input.avatarMediaId(),
                input.links().stream().map(String::strip).distinct().toList());
    }

    /** The links typed one a line, as {@link Author#links()} takes them: blank lines dropped, nothing else. */
    public static List<String> parseLinks(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** What is wrong with {@code links}, in words naming the line, or empty: http and https addresses only. */
    static Optional<String> linksProblem(List<String> links) {
        if (links.size() > MAX_LINKS) {
            return Optional.of("Give at most " + MAX_LINKS + " links (there are " + links.size() + ").");
        }
        for (int i = 0; i < links.size(); i++) {
            String link = links.get(i).strip();
            String which = links.size() == 1 ? "The link" : "Link " + (i + 1) + " (" + shorten(link) + ")";
            if (link.length() > MAX_LINK_LENGTH) {
                return Optional.of(which + " is too long: at most " + MAX_LINK_LENGTH + " characters.");
            }
            if (!webAddress(link)) {
                return Optional.of(which + " is not a web address: give one starting with https:// or http://, "
                        + "such as https://example.org/me.");
            }
        }
        return Optional.empty();
    }

    private static boolean webAddress(String link) {
        try {
            URI uri = new URI(link);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            // no user:password@ part: "https://newspaper.example@elsewhere.example" is a trick, not a profile
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    && !uri.getHost().isEmpty() && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String shorten(String link) {
        return link.length() <= 40 ? link : link.substring(0, 39) + "…";
    }

    /**
     * Makes the author profile of a new account inside the caller's transaction, with a free slug made from the
     * name (jane-doe, jane-doe-2, …). Nothing public changes: an author with no published article has no page.
     */
    public long createProfile(Handle handle, String displayName) {
        String base = Slugs.slugify(displayName, 55);
        if (base.isEmpty()) {
            base = "author";
        }
        for (int n = 1; ; n++) {
            var id = store.insertIfSlugFree(handle, n == 1 ? base : base + "-" + n, displayName, clock.millis());
            if (id.isPresent()) {
                return id.get();
            }
        }
    }

    public Optional<Author> find(long id) {
        return store.findById(id);
    }

    public Optional<Author> findBySlug(String slug) {
        return store.findBySlug(slug);
    }

    public List<Author> find(Collection<Long> ids) {
        return store.findByIds(ids);
    }

    public List<Author> all() {
        return store.all();
    }
}
