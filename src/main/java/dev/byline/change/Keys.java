package dev.byline.change;

/**
 * The names of change-feed keys, in one place: a write announces them and a page records them, and the two must
 * spell them alike or an invalidation silently misses. {@link #ALL} drops every page (an import).
 *
 * <p>Lists ({@code list:home}, {@code list:section:4}, …) are ordered newest first by {@link Position} (publication
 * time, then id). A write to a list says where: {@code list:home@1772366400000.12}. A page showing part of a list
 * says how far down it reads: {@code list:home>1772366400000.9}, the position of the last row it read (one past
 * what it shows, since that row decides whether there is a next page), or plain {@code list:home} when it reads to
 * the end. A write at position p changes a page that reads down to b only when p is at or above b: publishing,
 * unpublishing or deleting an old article leaves the first pages of a long archive alone. A plain list key, either
 * side, matches every page of that list.
 */
public final class Keys {

    public static final String ALL = "all";
    /**
     * The menus on every page: the header menu (the top-level sections until editors save one of their own) and
     * the footer menu.
     */
    public static final String NAV = "nav";
    /** The front page's picks (its lead and pinned stories): on the first page of the home page only. */
    public static final String FRONT = "front";
    /**
     * The demo notice, in every page's chrome whether shown or not: announced when demo articles go on or off the
     * public site (see {@link dev.byline.demo.DemoNotice}) and when the demo is removed.
     */
    public static final String DEMO = "demo";
    /** The home page's list. */
    public static final String HOME = "list:home";

    private Keys() {
    }

    /** Where an article sits in a list: newest first, by publication time, then by id. */
    public record Position(long millis, long id) implements Comparable<Position> {

        public static Position of(java.time.Instant publishedAt, long id) {
            return new Position(publishedAt.toEpochMilli(), id);
        }

        /** Positive when this sits higher up (newer) than {@code other}. */
        @Override
        public int compareTo(Position other) {
            int byTime = Long.compare(millis, other.millis);
            return byTime != 0 ? byTime : Long.compare(id, other.id);
        }

        @Override
        public String toString() {
            return millis + "." + id;
        }

        static Position parse(String text) {
            int dot = text.indexOf('.');
            return new Position(Long.parseLong(text.substring(0, dot)), Long.parseLong(text.substring(dot + 1)));
        }
    }

    /** A write to {@code list} at {@code position}: what a write announces. */
    public static String listAt(String list, Position position) {
        return list + "@" + position;
    }

    /** A page that reads {@code list} down to {@code lowest}, or to its end when null: what a page records. */
    public static String listDownTo(String list, Position lowest) {
        return lowest == null ? list : list + ">" + lowest;
    }

    /**
     * A key split into the name pages are indexed by and, for lists, a position: where a write happened ({@code @})
     * or how far down a page reads ({@code >}); null when the key has none.
     */
    public record Parsed(String name, Position position) {
    }

    public static Parsed parse(String key) {
        int at = Math.max(key.indexOf('@'), key.indexOf('>'));
        return at < 0 ? new Parsed(key, null) : new Parsed(key.substring(0, at), Position.parse(key.substring(at + 1)));
    }

    /**
     * Does a write announced as {@code written} change a page that recorded {@code shown}? Both must name the same
     * list; then yes unless the write happened below everything the page reads.
     */
    public static boolean reaches(Parsed written, Parsed shown) {
        return written.position() == null || shown.position() == null
                || written.position().compareTo(shown.position()) >= 0;
    }

    public static String article(long id) {
        return "article:" + id;
    }

    /** What a teaser shows of an article (title, dek, excerpt, date, image, section, byline) wherever it is listed. */
    public static String card(long id) {
        return "card:" + id;
    }

    /** An author's name and link, as a teaser's byline shows them. */
    public static String byline(long id) {
        return "byline:" + id;
    }

    /** Everything of an author: name, bio, avatar (article pages, their archive). */
    public static String author(long id) {
        return "author:" + id;
    }

    public static String section(long id) {
        return "section:" + id;
    }

    /**
     * Where a section sits in the tree, as a breadcrumb (World › Asia) shows it: recorded for each section of the
     * trail by the pages showing one (an article's page, a section's archive), announced when a section moves.
     * Teasers show a section by its name alone ({@link #section}), so a move leaves the lists of teasers alone.
     */
    public static String trail(long id) {
        return "trail:" + id;
    }

    public static String tag(long id) {
        return "tag:" + id;
    }

    /** An image's caption and credit, where they are shown (figures, the article's lead image). */
    public static String caption(long id) {
        return "caption:" + id;
    }

    /** An image: its file and alt text, wherever it is shown. */
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

    /** An article's discussion: its approved comments and their count, wherever they are shown (its page). */
    public static String comments(long articleId) {
        return "comments:" + articleId;
    }

    /**
     * Every approved comment on the site, as the site-wide comment feed lists them: announced with
     * {@link #comments} whenever a comment readers can see appears, changes or goes.
     */
    public static final String ALL_COMMENTS = "comments";

    /**
     * The articles published in one month (UTC), as that month's sitemap lists them with their addresses and when
     * each last changed: announced by every write to an article that is public before or after it, for the month
     * it was published in before and after.
     */
    public static String sitemap(java.time.YearMonth month) {
        return "sitemap:" + month;
    }

    /** The month (UTC) an article published at {@code publishedAt} sits in, for {@link #sitemap}. */
    public static java.time.YearMonth month(java.time.Instant publishedAt) {
        return java.time.YearMonth.from(publishedAt.atZone(java.time.ZoneOffset.UTC));
    }
}
