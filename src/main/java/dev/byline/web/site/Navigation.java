package dev.byline.web.site;

import dev.byline.menu.Menu;
import dev.byline.menu.MenuItem;
import dev.byline.taxonomy.Section;
import dev.byline.web.site.Views.MenuLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The menus as links: a section item shows its section (by the name it has now, unless the item has a label of its
 * own), a page item its page while it is published, a link item its address. An item whose section or page is
 * gone, or not public, is left out, with the items under it.
 */
final class Navigation {

    private Navigation() {
    }

    /** The default header: the top-level sections, in their order. */
    static List<MenuLink> topLevel(List<Section> sections) {
        return sections.stream().filter(Section::isTopLevel)
                .map(section -> new MenuLink(section.name(), SiteUrls.section(section.slug()), false, List.of()))
                .toList();
    }

    static List<MenuLink> of(Menu menu, List<Section> sections) {
        Map<Long, Section> byId = sections.stream().collect(Collectors.toMap(Section::id, Function.identity()));
        var links = new ArrayList<MenuLink>();
        for (MenuItem top : menu.topLevel()) {
            link(top, byId).ifPresent(link -> links.add(new MenuLink(link.label(), link.url(), false,
                    menu.children(top.id()).stream().flatMap(child -> link(child, byId).stream()).toList())));
        }
        return links;
    }

    private static Optional<MenuLink> link(MenuItem item, Map<Long, Section> sections) {
        return switch (item.kind()) {
            case SECTION -> Optional.ofNullable(sections.get(item.sectionId())).map(section -> new MenuLink(
                    item.label().isEmpty() ? section.name() : item.label(), SiteUrls.section(section.slug()), false,
                    List.of()));
            case PAGE -> Optional.ofNullable(item.page()).filter(MenuItem.PageTarget::published)
                    .map(page -> new MenuLink(item.label().isEmpty() ? page.title() : item.label(),
                            SiteUrls.sitePage(page.slug()), false, List.of()));
            case LINK -> Optional.of(new MenuLink(item.label(), item.url(), false, List.of()));
        };
    }

    /**
     * The links with the one for this page marked: the link to the page's own address, else the link to the
     * section the page is in ({@code current}, its top-level section), else none.
     */
    static List<MenuLink> marked(List<MenuLink> links, String path, Section current) {
        String target = path != null && contains(links, path) ? path
                : current != null && contains(links, SiteUrls.section(current.slug())) ? SiteUrls.section(current.slug())
                : null;
        return target == null ? links : mark(links, target);
    }

    private static boolean contains(List<MenuLink> links, String url) {
        return links.stream().anyMatch(link -> link.url().equals(url) || contains(link.children(), url));
    }

    private static List<MenuLink> mark(List<MenuLink> links, String url) {
        return links.stream().map(link -> new MenuLink(link.label(), link.url(), link.url().equals(url),
                mark(link.children(), url))).toList();
    }
}
