package dev.byline.people;

import dev.byline.change.Keys;
import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.error.Invalid;
import dev.byline.text.Slugs;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rules for authors: a display name, a unique slug, an optional avatar. */
public final class AuthorService {

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
        var errors = new LinkedHashMap<String, String>();
        String name = input.displayName().strip();
        if (name.isEmpty()) {
            errors.put("displayName", "An author needs a name.");
        } else if (name.length() > 120) {
            errors.put("displayName", "Keep the name under 120 characters.");
        }
        String slug = input.slug().isBlank() ? Slugs.slugify(name, 60) : input.slug().strip();
        if (!Slugs.isSlug(slug, 60)) {
            errors.put("slug", "Use lower-case letters, digits and hyphens, e.g. jane-doe.");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        long now = clock.millis();
        long id = changes.write(input.id() == 0 ? "author.created" : "author.updated", handle -> {
            if (store.slugTaken(handle, slug, input.id())) {
                throw new Invalid(java.util.Map.of("slug", "Another author already uses the slug '" + slug + "'."));
            }
            var author = new Author(input.id(), slug, name, input.bio().strip(), input.avatarMediaId());
            Optional<Author> before = input.id() == 0 ? Optional.empty() : store.findById(handle, input.id());
            long saved = input.id() == 0 ? store.insert(handle, author, now) : input.id();
            if (input.id() != 0) {
                store.update(handle, author, now);
            }
            // teasers show the name and link; article pages and the archive show everything
            var keys = new java.util.LinkedHashSet<String>(List.of(Keys.author(saved)));
            if (before.isEmpty() || !before.get().displayName().equals(name) || !before.get().slug().equals(slug)) {
                keys.add(Keys.byline(saved));
            }
            return Written.of(saved, keys, List.of(Change.Entity.shown(Change.Entity.AUTHOR, saved, input.id() == 0)));
        });
        return store.findById(id).orElseThrow();
    }

    /**
     * Makes the author profile of a new account inside the caller's transaction, with a free slug made from the
     * name (jane-doe, jane-doe-2, …). Nothing public changes: an author with no published article has no page.
     */
    public long createProfile(org.jdbi.v3.core.Handle handle, String displayName) {
        String base = Slugs.slugify(displayName, 55);
        if (base.isEmpty()) {
            base = "author";
        }
        String slug = base;
        for (int n = 2; store.slugTaken(handle, slug, 0); n++) {
            slug = base + "-" + n;
        }
        return store.insert(handle, new Author(0, slug, displayName, "", null), clock.millis());
    }

    public Optional<Author> find(long id) {
        return store.findById(id);
    }

    public Optional<Author> findBySlug(String slug) {
        return store.findBySlug(slug);
    }

    public List<Author> find(java.util.Collection<Long> ids) {
        return store.findByIds(ids);
    }

    public List<Author> all() {
        return store.all();
    }
}
