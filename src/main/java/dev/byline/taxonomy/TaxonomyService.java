package dev.byline.taxonomy;

import dev.byline.change.Keys;
import dev.byline.change.Change;
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
import org.jdbi.v3.core.Handle;

/**
 * Sections (nested, unique slugs, no cycles) and tags (found or created by name) as the rest of Byline uses them:
 * reads, tags made on the fly for an article, and the writes the demo loader and tools make. The newsroom's own
 * changes, with the person's role checked, go through {@link SectionService} and {@link TagService}; both write
 * with the same {@link SectionWriter} and {@link TagWriter}, so the keys and old slugs are the same either way.
 */
public final class TaxonomyService {

    private final TaxonomyStore store;
    private final ChangeFeed changes;
    private final SectionWriter sectionWriter;
    private final TagWriter tagWriter;

    /** @param menus what the site's menus show of sections: a section change drops every page only when they change */
    public TaxonomyService(TaxonomyStore store, ChangeFeed changes, SectionMenus menus) {
        this.store = store;
        this.changes = changes;
        this.sectionWriter = new SectionWriter(store, menus);
        this.tagWriter = new TagWriter(store);
    }

    /** Creates ({@code id == 0}) or changes a section, without a person's role to check: demo content, tools. */
    public Section saveSection(Section input) {
        return changes.write(input.id() == 0 ? "section.created" : "section.saved",
                handle -> sectionWriter.save(handle, input));
    }

    /** The tag with this name's slug (or the tag it became), created when new. */
    public Tag tag(String name) {
        String slug = tagSlug(name);
        return store.findTagBySlug(slug).orElseGet(() -> changes.write("tag.created", handle -> {
            Found found = findOrCreateTag(handle, name);
            return Written.of(found.tag(), found.created() ? Set.of(Keys.tag(found.tag().id())) : Set.of(),
                    List.of(Change.Entity.shown(Change.Entity.TAG, found.tag().id(), found.created())));
        }));
    }

    /**
     * Whether a tag of this name stands now, under its slug or one it had (renamed, or merged into another): a
     * deleted tag's name does not.
     */
    public boolean tagStands(String name) {
        String slug = tagSlug(name);
        return store.findTagBySlug(slug).isPresent() || findTagByOldSlug(slug).isPresent();
    }

    /** A tag found or created inside the caller's transaction; {@code created} when this call made it. */
    public record Found(Tag tag, boolean created) {
    }

    /**
     * The tags with these names, in order and without repeats, created inside the caller's transaction when new:
     * an article and the tags it introduces commit together or not at all.
     */
    public List<Found> findOrCreateTags(Handle handle, List<String> names) {
        var found = new java.util.LinkedHashMap<String, Found>();
        for (String name : names) {
            if (!name.isBlank()) {
                String slug = tagSlug(name);
                if (!found.containsKey(slug)) {
                    found.put(slug, findOrCreateTag(handle, name));
                }
            }
        }
        return List.copyOf(found.values());
    }

    /** Throws {@link Invalid} for a tag name with nothing to make a slug of. */
    public static String tagSlug(String name) {
        String slug = Slugs.slugify(name.strip(), 60);
        if (slug.isEmpty()) {
            throw new Invalid(Map.of("tags", "A tag needs letters or digits: '" + name + "'."));
        }
        return slug;
    }

    /**
     * The tag by its slug; else the tag a slug of the past now stands for (a tag renamed, or merged into another:
     * writing "Kabul" after it was merged into "Afghanistan" gives "Afghanistan"); else a new tag.
     */
    private Found findOrCreateTag(Handle handle, String name) {
        String slug = tagSlug(name);
        Optional<Tag> existing = store.findTagForUse(handle, slug).or(() -> store.findTagByOldSlugForUse(handle, slug));
        if (existing.isPresent()) {
            return new Found(existing.get(), false);
        }
        boolean created = store.insertTagIfAbsent(handle, new Tag(0, slug, name.strip(), ""));
        return new Found(store.findTagForUse(handle, slug).orElseThrow(), created);
    }

    /**
     * Renames a tag or changes its slug or description, without a person's role to check (tools); the old slug
     * redirects to the new one.
     */
    public Tag saveTag(Tag input) {
        return changes.write("tag.saved", handle -> tagWriter.rename(handle, input));
    }

    public List<Section> sections() {
        return store.allSections();
    }

    /** The sections as an article's write sees them, in its transaction (see TaxonomyStore). */
    public List<Section> sectionsForArticleWrite(Handle handle) {
        return store.allSectionsForArticleWrite(handle);
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

    public Optional<Tag> findTag(long id) {
        return store.findTag(id);
    }

    /** The section that answered to {@code slug} before a rename: its address redirects to the section's. */
    public Optional<Section> findSectionByOldSlug(String slug) {
        return store.sectionIdByOldSlug(slug).flatMap(this::findSection);
    }

    /** The tag a slug of the past stands for now (renamed, or merged into it). */
    public Optional<Tag> findTagByOldSlug(String slug) {
        return store.tagIdByOldSlug(slug).flatMap(store::findTag);
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
