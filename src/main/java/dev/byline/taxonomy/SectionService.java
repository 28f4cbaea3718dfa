package dev.byline.taxonomy;

import dev.byline.account.Actor;
import dev.byline.account.Capability;
import dev.byline.account.Policy;
import dev.byline.change.ChangeFeed;
import java.util.List;
import java.util.Map;

/**
 * The newsroom's changes to sections, for whoever may manage sections and tags (editors, administrators; asked
 * of {@link Policy} before anything is read or written): create, rename (the old address redirects), move under
 * another section (never under itself or its own subsections), reorder among siblings, and delete an empty one.
 * Each is one change-feed write with the keys {@link SectionWriter} works out; section writes take turns (the
 * sections' lock), so two editors moving sections at once cannot make a cycle.
 */
public final class SectionService {

    static final String MANAGE = "manage sections";

    private final TaxonomyStore store;
    private final ChangeFeed changes;
    private final SectionWriter writer;

    public SectionService(TaxonomyStore store, ChangeFeed changes, SectionMenus menus) {
        this.store = store;
        this.changes = changes;
        this.writer = new SectionWriter(store, menus);
    }

    /** Every section, parents before children, in order, with its articles counted by status. */
    public record Tree(List<Section> sections, Map<Long, Map<String, Long>> articles) {

        /** The sections in reading order (each parent followed by its subsections), with their depth. */
        public List<Placed> placed() {
            var placed = new java.util.ArrayList<Placed>();
            addChildren(null, 0, placed);
            return placed;
        }

        private void addChildren(Long parent, int depth, List<Placed> placed) {
            sections.stream().filter(section -> java.util.Objects.equals(section.parentId(), parent))
                    .sorted(SectionWriter.ORDER).forEach(section -> {
                        placed.add(new Placed(section, depth, articles.getOrDefault(section.id(), Map.of())));
                        if (depth < 32) {
                            addChildren(section.id(), depth + 1, placed);
                        }
                    });
        }
    }

    /** A section where the tree puts it: how deep, and what it holds. */
    public record Placed(Section section, int depth, Map<String, Long> articles) {

        public long articleCount() {
            return articles.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public Tree tree(Actor actor) {
        Policy.require(actor, Capability.MANAGE_TAXONOMY, MANAGE);
        return new Tree(store.allSections(), store.articleCountsBySection());
    }

    /** A new section; its position is last among its siblings. */
    public Section create(Actor actor, Section input) {
        Policy.require(actor, Capability.MANAGE_TAXONOMY, "create sections");
        Section fresh = new Section(0, input.slug(), input.name(), input.description(), input.parentId(), 0);
        return changes.write("section.created", handle -> writer.save(handle, fresh));
    }

    /**
     * Renames a section, changes its slug or description, or moves it under another parent (null: top level),
     * in one write. A new slug keeps the old one as a redirect; a move puts it last among its new siblings.
     */
    public Section update(Actor actor, Section input) {
        Policy.require(actor, Capability.MANAGE_TAXONOMY, "change sections");
        return changes.write("section.saved", handle -> writer.save(handle, input));
    }

    /** One place up ({@code step < 0}) or down among its siblings; at either end it stays. */
    public Section reorder(Actor actor, long id, int step) {
        Policy.require(actor, Capability.MANAGE_TAXONOMY, "reorder sections");
        return changes.write("section.reordered", handle -> writer.reorder(handle, id, Integer.signum(step)));
    }

    /**
     * Deletes a section that holds no article (in any status) and no section; otherwise {@code Invalid} on
     * {@code delete} saying what it holds. Menu items showing it go with it.
     */
    public Section delete(Actor actor, long id) {
        Policy.require(actor, Capability.MANAGE_TAXONOMY, "delete sections");
        return changes.write("section.deleted", handle -> writer.delete(handle, id));
    }
}
