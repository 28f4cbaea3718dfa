package dev.byline.menu;

/**
 * The two menus as every public page shows them (read in the page's render; both are on every page, so any
 * change to them announces {@link dev.byline.change.Keys#NAV}).
 *
 * @param header the header menu; when not {@link Menu#customised()} the site shows the top-level sections instead
 * @param footer the footer menu; empty until it has items
 */
public record SiteMenus(Menu header, Menu footer) {
}
