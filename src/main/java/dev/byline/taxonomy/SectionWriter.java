package dev.byline.taxonomy;

import dev.byline.change.Change;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.change.Keys;
import dev.byline.db.Constraints;
import dev.byline.error.Invalid;
import dev.byline.error.NotFound;
import dev.byline.text.Slugs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The one way a section is written, inside the caller's change-feed transaction: under the sections' lock
 * ({@link TaxonomyStore#lockSections}), checked against the tree as it stands then, with the slug it leaves behind
 * kept as a redirect, and the exact page keys of what readers see change:
 *
 * <pre>
 * change                    announces
 * name, slug, description   section:ID (its archive, the articles in it and under it, their teasers)
 * parent                    trail:ID (the breadcrumbs through it: its archive, its subsections', the articles in
 *                           them; teasers show no breadcrumb), and the lists of the old and new parents (and theirs) at the place of
 *                           its newest published article (none when nothing in it is published: no list
 *                           changes; the older ones sit lower, so a page reading down past it changes, one
 *                           ending above it does not)
 * position                  nothing of its own
 * anything a menu shows     nav (the menus, on every page): asked of {@link SectionMenus}
 * </pre>
 */
final class SectionWriter {

    static final int SLUG_MAX = 60;
    static final int NAME_MAX = 80;
    /** A position among siblings by which the menu and the sections page order them. */
    static final Comparator<Section> ORDER = Comparator.comparingInt(Section::position)
            .thenComparing(Section::name).thenComparingLong(Section::id);

    private final TaxonomyStore store;
    private final SectionMenus menus;

    SectionWriter(TaxonomyStore store, SectionMenus menus) {
        this.store = store;
        this.menus = menus;
    }

    /** Creates ({@code id == 0}) or updates a section: name, slug, description, parent. */
    Written<Section> save(Handle handle, Section input) {
        store.lockSections(handle);
        List<Section> all = store.allSections(handle);
        Optional<Section> before = input.id() == 0 ? Optional.empty()
                : all.stream().filter(section -> section.id() == input.id()).findFirst();
        if (input.id() != 0 && before.isEmpty()) {
            throw new NotFound("There is no section " + input.id() + "; it may have been deleted.");
        }
        Section section = checked(all, input);
        int position = before.filter(old -> Objects.equals(old.parentId(), section.parentId()))
                .map(Section::position)
                .orElseGet(() -> input.id() == 0 && input.position() != 0 ? input.position() : after(all, section));
        Section after = new Section(section.id(), section.slug(), section.name(), section.description(),
                section.parentId(), position);
        long id = write(handle, after, before.isEmpty());
        Section saved = new Section(id, after.slug(), after.name(), after.description(), after.parentId(), position);
        store.forgetSectionSlug(handle, saved.slug());
        before.filter(old -> !old.slug().equals(saved.slug()))
                .ifPresent(old -> store.rememberSectionSlug(handle, old.slug(), id));
        return Written.of(saved, keys(handle, all, before.orElse(null), saved),
                List.of(Change.Entity.shown(Change.Entity.SECTION, id, before.isEmpty())));
    }

    /** Moves a section one place up ({@code -1}) or down ({@code +1}) among its siblings. */
    Written<Section> reorder(Handle handle, long id, int step) {
        store.lockSections(handle);
        List<Section> all = store.allSections(handle);
        Section section = find(all, id);
        List<Section> siblings = all.stream().filter(other -> Objects.equals(other.parentId(), section.parentId()))
                .sorted(ORDER).collect(Collectors.toCollection(ArrayList::new));
        int from = siblings.indexOf(section);
        int to = Math.max(0, Math.min(siblings.size() - 1, from + step));
        siblings.add(to, siblings.remove(from));
        var keys = new LinkedHashSet<String>();
        var entities = new ArrayList<Change.Entity>();
        for (int position = 0; position < siblings.size(); position++) {
            Section sibling = siblings.get(position);
            if (sibling.position() != position) {
                Section moved = new Section(sibling.id(), sibling.slug(), sibling.name(), sibling.description(),
                        sibling.parentId(), position);
                store.setSectionPosition(handle, sibling.id(), position);
                keys.addAll(keys(handle, all, sibling, moved));
                entities.add(Change.Entity.shown(Change.Entity.SECTION, sibling.id(), false));
            }
        }
        return Written.of(find(store.allSections(handle), id), keys, entities);
    }

    /** Deletes a section that holds nothing: no articles in any status, no sections. */
    Written<Section> delete(Handle handle, long id) {
        store.lockSections(handle);
        List<Section> all = store.allSections(handle);
        Section section = find(all, id);
        List<Section> children = all.stream().filter(child -> Objects.equals(child.parentId(), id)).toList();
        Map<String, Long> articles = store.articleCounts(handle, id);
        if (!children.isEmpty() || !articles.isEmpty()) {
            throw new Invalid(Map.of("delete", contents(section, children, articles)));
        }
        Set<String> keys = keys(handle, all, section, null);
        menus.removing(handle, id);
        try {
            store.deleteSection(handle, id);
        } catch (UnableToExecuteStatementException e) {
            if (Constraints.isForeignKeyViolation(e)) {
                throw new Invalid(Map.of("delete", "Something was filed in “" + section.name()
                        + "” a moment ago, so it was not deleted. Look at what it holds, then try again."));
            }
            throw e;
        }
        return Written.of(section, keys, List.of(new Change.Entity(Change.Entity.SECTION, id, true, false)));
    }

    /** "“World” still holds 2 sections (Asia, Europe) and 3 articles (1 published, 2 drafts)…" */
    static String contents(Section section, List<Section> children, Map<String, Long> articles) {
        var parts = new ArrayList<String>();
        if (!children.isEmpty()) {
            parts.add(children.size() + (children.size() == 1 ? " section (" : " sections (")
                    + children.stream().sorted(ORDER).map(Section::name).collect(Collectors.joining(", ")) + ")");
        }
        long total = articles.values().stream().mapToLong(Long::longValue).sum();
        if (total > 0) {
            parts.add(total + (total == 1 ? " article (" : " articles (") + articles.entrySet().stream()
                    .map(entry -> entry.getValue() + " " + statusWords(entry.getKey(), entry.getValue()))
                    .collect(Collectors.joining(", ")) + ")");
        }
        return "“" + section.name() + "” still holds " + String.join(" and ", parts)
                + ". Move them to another section or delete them first; only an empty section can be deleted.";
    }

    private static String statusWords(String status, long count) {
        return switch (status) {
            case "draft" -> count == 1 ? "draft" : "drafts";
            case "pending" -> "pending review";
            case "trash" -> "in the trash";
            default -> status;
        };
    }

    /** The input made whole and checked against the tree: name, slug, parent (exists, no cycle), slug free. */
    private static Section checked(List<Section> all, Section input) {
        var errors = new LinkedHashMap<String, String>();
        String name = input.name() == null ? "" : input.name().strip();
        String typedSlug = input.slug() == null ? "" : input.slug().strip();
        String slug = typedSlug.isEmpty() ? Slugs.slugify(name, SLUG_MAX) : typedSlug;
        if (name.isEmpty()) {
            errors.put("name", "A section needs a name.");
        } else if (name.length() > NAME_MAX) {
            errors.put("name", "Keep the name under " + NAME_MAX + " characters (it has " + name.length() + ").");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            errors.put("name", "The name has a control character in it; type it again.");
        }
        if (!typedSlug.isEmpty() && !Slugs.isSlug(slug, SLUG_MAX)) {
            errors.put("slug", "Use lower-case letters, digits and hyphens, at most " + SLUG_MAX
                    + " characters, e.g. world-news.");
        } else if (slug.isEmpty() && !name.isEmpty()) {
            errors.put("slug", "The name has no letters or digits to make an address of: type a slug.");
        } else if (all.stream().anyMatch(other -> other.slug().equals(slug) && other.id() != input.id())) {
            errors.put("slug", "Another section already uses the slug “" + slug + "”.");
        }
        if (input.parentId() != null) {
            if (all.stream().noneMatch(other -> other.id() == input.parentId())) {
                errors.put("parentId", "That parent section no longer exists.");
            } else if (input.id() != 0 && TaxonomyService.ancestorsAndSelf(all, input.parentId()).stream()
                    .anyMatch(ancestor -> ancestor.id() == input.id())) {
                errors.put("parentId", input.parentId() == input.id() ? "A section cannot sit inside itself."
                        : "A section cannot sit inside one of its own subsections.");
            }
        }
        String description = input.description() == null ? "" : input.description().strip();
        if (description.length() > 500) {
            errors.put("description", "Keep the description under 500 characters.");
        }
        if (!errors.isEmpty()) {
            throw new Invalid(errors);
        }
        return new Section(input.id(), slug, name, description, input.parentId(), input.position());
    }

    /** Last among its new siblings. */
    private static int after(List<Section> all, Section section) {
        return all.stream().filter(other -> Objects.equals(other.parentId(), section.parentId())
                        && other.id() != section.id())
                .mapToInt(Section::position).max().orElse(-1) + 1;
    }

    private long write(Handle handle, Section section, boolean isNew) {
        try {
            if (isNew) {
                return store.insertSection(handle, section);
            }
            store.updateSection(handle, section);
            return section.id();
        } catch (UnableToExecuteStatementException e) {
            if (Constraints.isUniqueViolation(e)) {
                throw new Invalid(Map.of("slug", "Another section already uses the slug “" + section.slug() + "”."));
            }
            throw e;
        }
    }

    private static Section find(List<Section> all, long id) {
        return all.stream().filter(section -> section.id() == id).findFirst()
                .orElseThrow(() -> new NotFound("There is no section " + id + "; it may have been deleted."));
    }

    /** A section and its parents, as ids; none for the top level. */
    private static Set<Long> lineage(List<Section> all, Long sectionId) {
        return sectionId == null ? Set.of() : TaxonomyService.ancestorsAndSelf(all, sectionId).stream()
                .map(Section::id).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    private static List<Long> symmetricDifference(Set<Long> one, Set<Long> other) {
        var difference = new ArrayList<Long>();
        one.stream().filter(id -> !other.contains(id)).forEach(difference::add);
        other.stream().filter(id -> !one.contains(id)).forEach(difference::add);
        return difference;
    }

    /** The keys a change from {@code before} to {@code after} announces (see the table above). */
    private Set<String> keys(Handle handle, List<Section> all, Section before, Section after) {
        var keys = new LinkedHashSet<String>();
        if (before != null && after != null) {
            boolean shown = !before.name().equals(after.name()) || !before.slug().equals(after.slug())
                    || !before.description().equals(after.description());
            boolean moved = !Objects.equals(before.parentId(), after.parentId());
            if (shown) {
                keys.add(Keys.section(after.id()));
            }
            if (moved) {
                keys.add(Keys.trail(after.id()));
            }
            Optional<Keys.Position> newest = moved
                    ? store.newestPublishedIn(handle, TaxonomyService.selfAndDescendants(all, after.id()))
                    : Optional.empty();
            // its articles leave the old parents' archives and join the new ones' (those it stays under keep
            // them), the newest of them highest
            if (newest.isPresent()) {
                Set<Long> was = lineage(all, before.parentId());
                Set<Long> is = lineage(all, after.parentId());
                for (long list : symmetricDifference(was, is)) {
                    keys.add(Keys.listAt(Keys.sectionList(list), newest.get()));
                }
            }
        } else if (before != null) {
            keys.add(Keys.section(before.id()));
        }
        if (menus.changes(handle, before, after)) {
            keys.add(Keys.NAV);
        }
        return keys;
    }
}
