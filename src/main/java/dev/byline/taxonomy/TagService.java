package dev.byline.taxonomy;

import dev.byline.account.Actor;
import dev.byline.account.Capability;
import dev.byline.account.Policy;
import dev.byline.change.ChangeFeed;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.text.LikePatterns;
import dev.byline.text.Slugs;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newsroom's changes to tags, for whoever may manage sections and tags (editors, administrators): the list
 * with how many articles carry each, search, rename (the old address redirects), merge one into another (its
 * articles get the other; its address redirects to the other's), delete (its articles lose it).
 */
public final class TagService {

    public static final int PER_PAGE = 50;

    private final TaxonomyStore store;
    private final ChangeFeed changes;
    private final TagWriter writer;

    public TagService(TaxonomyStore store, ChangeFeed changes) {
        this.store = store;
        this.changes = changes;
        this.writer = new TagWriter(store);
    }

    /** A tag with how many articles carry it (any status) and how many of those are published. */
    public record Counted(Tag tag, long articles, long published) {
    }

    /** One page of the tags whose name or slug contains the search, by name. */
    public record Listing(List<Counted> tags, long total, int page, int pages) {
    }

    public Listing list(Actor actor, String search, int page) {
        Policy.require(actor, Capability.MANAGE_TAXONOMY, "manage tags");
        String pattern = LikePatterns.containing(search);
        long total = store.countTags(pattern);
        int pages = (int) Math.max(1, (total + PER_PAGE - 1) / PER_PAGE);
        int shown = Math.max(1, Math.min(page, pages));
        List<Tag> tags = store.tags(pattern, PER_PAGE, (long) (shown - 1) * PER_PAGE);
        Map<Long, TaxonomyStore.TagUse> use = store.tagUse(tags.stream().map(Tag::id).toList());
        return new Listing(tags.stream().map(tag -> {
            var counted = use.get(tag.id());
            return new Counted(tag, counted == null ? 0 : counted.articles(), counted == null ? 0 : counted.published());
        }).toList(), total, shown, pages);
    }

    public Counted find(Actor actor, long id) {
        Policy.require(actor, Capability.MANAGE_TAXONOMY, "manage tags");
        Tag tag = store.findTag(id).orElseThrow(() -> new NotFound("There is no tag " + id
                + "; it may have been merged or deleted."));
        var use = store.tagUse(List.of(id)).get(id);
        return new Counted(tag, use == null ? 0 : use.articles(), use == null ? 0 : use.published());
    }

    /** Renames a tag, changes its slug or description; a new slug keeps the old one as a redirect. */
    public Tag rename(Actor actor, Tag input) {
        Policy.require(actor, Capability.MANAGE_TAXONOMY, "rename tags");
        return changes.write("tag.saved", handle -> writer.rename(handle, input));
    }

    /**
     * Merges tag {@code fromId} into the tag named by {@code into} (its name or slug, as typed): every article
     * carrying the first carries the second instead, and the first's addresses redirect to the second's.
     *
     * @return the tag that remains
     */
    public Tag merge(Actor actor, long fromId, String into) {
        Policy.require(actor, Capability.MANAGE_TAXONOMY, "merge tags");
        if (dev.byline.text.ControlCharacters.in(into)) {
            throw new Invalid(Map.of("into", "This has a control character in it (from a paste, perhaps): type it "
                    + "again."));
        }
        Tag target = resolve(into).orElseThrow(() -> new Invalid(Map.of("into", into == null || into.isBlank()
                ? "Type the name of the tag to merge this one into." : "There is no tag “" + into.strip() + "”.")));
        return changes.write("tag.merged", handle -> writer.merge(handle, fromId, target.id()));
    }

    /** Deletes a tag; the articles carrying it lose it. */
    public Tag delete(Actor actor, long id) {
        Policy.require(actor, Capability.MANAGE_TAXONOMY, "delete tags");
        return changes.write("tag.deleted", handle -> writer.delete(handle, id));
    }

    /** A tag by its slug, or by the slug its name makes ("Central Asia" → central-asia). */
    private Optional<Tag> resolve(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String text = typed.strip();
        return store.findTagBySlug(text).or(() -> store.findTagBySlug(Slugs.slugify(text, TagWriter.SLUG_MAX)));
    }
}
