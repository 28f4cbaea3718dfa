package dev.byline.taxonomy;

import dev.byline.change.Keys;
import dev.byline.change.ChangeFeed;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.error.Invalid;
import dev.byline.text.Slugs;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Sections (nested, unique slugs, no cycles) and tags (found or created by name). */
public final class TaxonomyService {

    private final TaxonomyStore store;
    private final ChangeFeed changes;

    public TaxonomyService(TaxonomyStore store, ChangeFeed changes) {
        this.store = store;
        this.changes = changes;
    }

    public Section saveSection(Section input) {
        String name = input.name().strip();
        String slug = input.slug().isBlank() ? Slugs.slugify(name, 60) : input.slug().strip();
        if (name.isEmpty()) {
            throw new Invalid(Map.of("name", "A section needs a name."));
        }
        if (!Slugs.isSlug(slug, 60)) {
            throw new Invalid(Map.of("slug", "Use lower-case letters, digits and hyphens, e.g. world-news."));
        }
        if (input.parentId() != null && input.id() != 0 && ancestorsAndSelf(input.parentId()).stream()
                .anyMatch(section -> section.id() == input.id())) {
            throw new Invalid(Map.of("parentId", "A section cannot sit inside itself."));
        }
        long id = changes.write("section.saved", handle -> {
            if (store.sectionSlugTaken(handle, slug, input.id())) {
                throw new Invalid(Map.of("slug", "Another section already uses the slug '" + slug + "'."));
            }
            var section = new Section(input.id(), slug, name, input.description().strip(), input.parentId(),
                    input.position());
            long saved = input.id();
            if (saved == 0) {
                saved = store.insertSection(handle, section);
            } else {
                store.updateSection(handle, section);
            }
            // the section menu is on every page
            return Written.of(saved, Set.of(Keys.section(saved), Keys.sectionList(saved), Keys.NAV));
        });
        return findSection(id).orElseThrow();
    }

    /** The tag with this name's slug, created when new. */
    public Tag tag(String name) {
        String clean = name.strip();
        String slug = Slugs.slugify(clean, 60);
        if (slug.isEmpty()) {
            throw new Invalid(Map.of("tags", "A tag needs letters or digits: '" + name + "'."));
        }
        return store.findTagBySlug(slug).orElseGet(() -> changes.write("tag.created", handle -> {
            var existing = store.findTagBySlug(handle, slug);
            long id = existing.map(Tag::id).orElseGet(() -> store.insertTag(handle, new Tag(0, slug, clean, "")));
            return Written.of(new Tag(id, slug, existing.map(Tag::name).orElse(clean), ""), Set.of(Keys.tag(id)));
        }));
    }

    public List<Section> sections() {
        return store.allSections();
    }

    public Optional<Section> findSection(long id) {
        return sections().stream().filter(section -> section.id() == id).findFirst();
    }

    public Optional<Section> findSectionBySlug(String slug) {
        return sections().stream().filter(section -> section.slug().equals(slug)).findFirst();
    }

    public Optional<Tag> findTagBySlug(String slug) {
        return store.findTagBySlug(slug);
    }

    public List<Tag> tags(Collection<Long> ids) {
        return store.findTags(ids);
    }

    /** The section and its parents, outermost first: World › Asia. */
    public List<Section> ancestorsAndSelf(long sectionId) {
        return ancestorsAndSelf(sections(), sectionId);
    }

    public static List<Section> ancestorsAndSelf(List<Section> all, long sectionId) {
        var chain = new ArrayList<Section>();
        Long current = sectionId;
        while (current != null && chain.size() < 32) {
            long id = current;
            var section = all.stream().filter(candidate -> candidate.id() == id).findFirst();
            if (section.isEmpty()) {
                break;
            }
            chain.addFirst(section.get());
            current = section.get().parentId();
        }
        return chain;
    }

    /** The section and every section nested under it, at any depth. */
    public static List<Long> selfAndDescendants(List<Section> all, long sectionId) {
        var ids = new ArrayList<Long>();
        ids.add(sectionId);
        for (int i = 0; i < ids.size() && ids.size() <= all.size(); i++) {
            long parent = ids.get(i);
            all.stream().filter(section -> section.parentId() != null && section.parentId() == parent)
                    .forEach(section -> ids.add(section.id()));
        }
        return ids;
    }
}
