package dev.byline.web.site;

import dev.byline.media.Media;
import dev.byline.menu.SiteMenus;
import dev.byline.settings.Settings;
import dev.byline.taxonomy.Section;
import dev.byline.web.site.Views.Chrome;
import dev.byline.web.site.Views.Image;
import dev.byline.web.site.Views.MenuLink;
import dev.byline.web.support.Assets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Makes the layout's record: the site's title, tagline, logo and language (from the settings in force), the header
 * and footer menus (the header the top-level sections until the editors make one), asset URLs, canonical and
 * sharing metadata, and the demo notice while demo content is on the site.
 */
public final class Chromes {

    private static final String LOGO_SIZES = "(min-width: 40rem) 24rem, 80vw";

    private final Supplier<Settings> settings;
    private final String baseUrl;
    private final Assets assets;
    private final Clock clock;
    /** whether the demo notice shows now (DemoNotice::shown on the running site) */
    private final BooleanSupplier demoNotice;
    private final LongFunction<Optional<Media>> images;
    private final Supplier<SiteMenus> menus;

    /**
     * @param settings the settings in force (read on every call: they change while the site runs)
     * @param images   finds the logo's image by id
     * @param menus    the header and footer menus as they stand (read in each render, like everything it shows)
     */
    public Chromes(Supplier<Settings> settings, String baseUrl, Assets assets, Clock clock, BooleanSupplier demoNotice,
                   LongFunction<Optional<Media>> images, Supplier<SiteMenus> menus) {
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.assets = assets;
        this.clock = clock;
        this.demoNotice = demoNotice;
        this.images = images;
        this.menus = menus;
    }

    /** The settings in force now; a page reads them once and hands the same to {@link #chrome}. */
    public Settings settings() {
        return settings.get();
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * When what the layout shows goes out of date by itself: the footer shows the current year, so at the next
     * new year in the site's zone. Read it before a render reads the year.
     */
    public Instant validUntil() {
        return nextNewYear(clock.instant(), settings.get().zone());
    }

    static Instant nextNewYear(Instant now, ZoneId zone) {
        return LocalDate.of(now.atZone(zone).getYear() + 1, 1, 1).atStartOfDay(zone).toInstant();
    }

    /**
     * @param site      the settings the page is rendered with
     * @param sections  every section (the page's {@code nav} key covers them): the default header shows the
     *                  top-level ones, and menu items name sections by id
     * @param current   the top-level section of what the page shows, to mark in the menu, or null
     * @param path      canonical path, or null for pages that must not be indexed (errors)
     * @param shareImage image for link previews, or null
     * @param jsonLd    structured data, or null
     */
    public Chrome chrome(Settings site, List<Section> sections, Section current, String title, String description,
                         String path, String ogType, Image shareImage, String jsonLd) {
        SiteMenus menus = this.menus.get();
        List<MenuLink> header = menus.header().customised() ? Navigation.of(menus.header(), sections)
                : Navigation.topLevel(sections);
        List<MenuLink> footer = Navigation.of(menus.footer(), sections);
        // the path is encoded for the wire, the query (?page=N) kept as it is: encoded, ? would become %3F
        String here = path == null ? null : path.replaceFirst("\\?.*$", "");
        return new Chrome(site.siteTitle(), site.tagline(), logo(site), site.language(), site.direction(), title,
                description, path == null ? null : baseUrl + SiteUrls.wire(here) + path.substring(here.length()),
                baseUrl,
                Navigation.marked(header, here, current), assets.url("site.css"), assets.url("favicon.svg"), ogType,
                shareImage == null ? null : baseUrl + shareImage.src(), jsonLd,
                path == null ? "noindex" : null, clock.instant().atZone(site.zone()).getYear(),
                demoNotice.getAsBoolean(), Navigation.marked(footer, here, null), share(shareImage), List.of());
    }

    /** The preview image as og:image describes it (its width and height are those of the file named). */
    private Views.ShareImage share(Image image) {
        return image == null ? null
                : new Views.ShareImage(baseUrl + image.src(), image.width(), image.height(), image.alt());
    }

    /**
     * The publisher's logo for structured data (absolute): the site's logo image (a copy at least 600 wide, else
     * the original) when it has one, else the site's icon (an SVG drawn on a 32 × 32 grid).
     */
    public Views.ShareImage publisherLogo(Settings site) {
        return site.logo().flatMap(images::apply).map(media -> {
            int width = media.variants().stream().filter(w -> w >= 600).findFirst().orElse(media.width());
            int height = width == media.width() ? media.height() : media.heightAt(width);
            return new Views.ShareImage(baseUrl + media.urlAtLeast(600), width, height, site.siteTitle());
        }).orElseGet(() -> new Views.ShareImage(baseUrl + assets.url("favicon.svg"), 32, 32, site.siteTitle()));
    }

    /** The logo, named by the site's title (it stands for it); null when there is none or its image is gone. */
    private Image logo(Settings site) {
        return site.logo().flatMap(images::apply).map(media -> {
            Image image = SiteViews.image(media, LOGO_SIZES, 400);
            return new Image(image.src(), image.srcset(), image.sizes(), image.width(), image.height(),
                    site.siteTitle(), "", "");
        }).orElse(null);
    }
}
