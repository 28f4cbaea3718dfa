package dev.byline.web.site;

import dev.byline.taxonomy.Section;
import dev.byline.web.site.Views.Chrome;
import dev.byline.web.site.Views.Image;
import dev.byline.web.site.Views.Link;
import dev.byline.web.support.Assets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Makes the layout's record: site name, menu of top-level sections, asset URLs, canonical and sharing metadata,
 * and the demo notice while demo content is on the site.
 */
public final class Chromes {

    private final String siteName;
    private final String baseUrl;
    private final Assets assets;
    private final Clock clock;
    private final ZoneId zone;
    /** demo: whether pages show the demo notice (every page records Keys.DEMO, see SiteViews.ShownKeys) */
    /** whether the demo notice shows now (DemoNotice::shown on the running site) */
    private final java.util.function.BooleanSupplier demoNotice;

    public Chromes(String siteName, String baseUrl, Assets assets, Clock clock, ZoneId zone,
                   java.util.function.BooleanSupplier demoNotice) {
        this.siteName = siteName;
        this.baseUrl = baseUrl;
        this.assets = assets;
        this.clock = clock;
        this.zone = zone;
        this.demoNotice = demoNotice;
    }

    public String siteName() {
        return siteName;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * When what the layout shows goes out of date by itself: the footer shows the current year, so at the next
     * new year in the site's zone. Read it before a render reads the year.
     */
    public Instant validUntil() {
        return nextNewYear(clock.instant(), zone);
    }

    static Instant nextNewYear(Instant now, ZoneId zone) {
        return LocalDate.of(now.atZone(zone).getYear() + 1, 1, 1).atStartOfDay(zone).toInstant();
    }

    /**
     * @param current   the top-level section to mark in the menu, or null
     * @param path      canonical path, or null for pages that must not be indexed (errors)
     * @param shareImage image for link previews, or null
     * @param jsonLd    structured data, or null
     */
    public Chrome chrome(List<Section> sections, Section current, String title, String description, String path,
                         String ogType, Image shareImage, String jsonLd) {
        List<Link> nav = sections.stream().filter(Section::isTopLevel)
                .map(section -> new Link(section.name(), SiteUrls.section(section.slug()), current != null && current.id() == section.id()))
                .toList();
        return new Chrome(siteName, title, description, path == null ? null : baseUrl + SiteUrls.wire(path), baseUrl,
                nav, assets.url("site.css"), assets.url("favicon.svg"), ogType,
                shareImage == null ? null : baseUrl + shareImage.src(), jsonLd,
                path == null ? "noindex" : null, clock.instant().atZone(zone).getYear(), demoNotice.getAsBoolean());
    }
}
