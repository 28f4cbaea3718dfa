package dev.byline.change;

/**
 * The names of change-feed keys, in one place: a write announces them and a page records them, and the two must
 * spell them alike or an invalidation silently misses. {@link #ALL} drops every page (an import).
 */
public final class Keys {

    public static final String ALL = "all";
    /** The section menu, on every page. */
    public static final String NAV = "nav";
    /**
     * The demo notice, in every page's chrome whether shown or not: announced when demo articles go on or off the
     * public site (see {@link dev.byline.demo.DemoNotice}) and when the demo is removed.
     */
    public static final String DEMO = "demo";
    /** The home page's list. */
    public static final String HOME = "list:home";

    private Keys() {
    }

    public static String article(long id) {
        return "article:" + id;
    }

    /** What a teaser shows of an article (title, dek, excerpt, date, image, section, byline) wherever it is listed. */
    public static String card(long id) {
        return "card:" + id;
    }

    public static String author(long id) {
        return "author:" + id;
    }

    public static String section(long id) {
        return "section:" + id;
    }

    public static String tag(long id) {
        return "tag:" + id;
    }

    public static String media(long id) {
        return "media:" + id;
    }

    /** The list of a section's articles (its archive, "More in …"). */
    public static String sectionList(long id) {
        return "list:section:" + id;
    }

    public static String tagList(long id) {
        return "list:tag:" + id;
    }

    public static String authorList(long id) {
        return "list:author:" + id;
    }
}
