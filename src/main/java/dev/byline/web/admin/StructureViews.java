package dev.byline.web.admin;

import dev.byline.web.admin.AdminViews.Chrome;
import dev.byline.web.admin.AdminViews.Form;
import dev.byline.web.admin.PeopleViews.Option;
import java.util.List;

/** The records of the sections, tags, menus and front page pages. */
public final class StructureViews {

    private StructureViews() {
    }

    /**
     * A section in the tree, indented by {@code depth}.
     *
     * @param holds        what is in it ("11 articles: 10 published, 1 draft"), or "Empty"
     * @param first        first among its siblings: no "up"
     * @param last         last among its siblings: no "down"
     * @param deleteError  why it could not be deleted just now, or null
     */
    public record SectionRow(long id, String name, String slug, String url, int depth, String holds, boolean empty,
                             boolean first, boolean last, String deleteError) {
    }

    /** {@code create} is the new section's form, as typed when it was refused. */
    public record SectionsPage(Chrome chrome, List<SectionRow> sections, Form create, List<Option> parents) {
    }

    /** One section's form: name, slug, description, parent. */
    public record SectionPage(Chrome chrome, long id, String name, String url, Form form, List<Option> parents,
                              String holds, boolean empty) {
    }

    public record TagRow(long id, String name, String slug, String url, long articles, long published) {
    }

    /**
     * @param previousUrl null on the first page
     * @param nextUrl     null on the last page
     */
    public record TagsPage(Chrome chrome, String search, List<TagRow> tags, long total, int page, int pages,
                           String previousUrl, String nextUrl) {
    }

    /** One tag: its rename form, the merge form, delete. */
    public record TagPage(Chrome chrome, long id, String name, String url, long articles, long published, Form form,
                          Form merge) {
    }

    /**
     * An item of a menu as the desk shows it, with the buttons that make sense where it is.
     *
     * @param what    what it links to ("Section: World", "Link: /about/")
     * @param missing its section or page is gone or not public: readers do not see it
     */
    public record MenuRow(long id, String label, String what, boolean nested, boolean first, boolean last,
                          boolean canNest, boolean canUnnest, boolean missing, List<MenuRow> children) {
    }

    /**
     * One menu's part of the page.
     *
     * @param key        header or footer (in addresses and field ids)
     * @param customised false for a header still showing the top-level sections: {@code rows} are those sections,
     *                   with no buttons
     * @param add        the add form, as typed when it was refused
     * @param pages      the published pages to choose from (empty: none yet)
     * @param parents    where a new item may go: the top level, or under a top-level item
     * @param message    what went wrong with the last change to this menu (a conflict, a refusal), or null
     */
    public record MenuPanel(String key, String heading, String help, long version, boolean customised,
                            List<MenuRow> rows, Form add, List<Option> sections, List<Option> pages,
                            List<Option> parents, String message) {
    }

    public record MenusPage(Chrome chrome, List<MenuPanel> menus) {
    }

    /** A story on the front page's desk. */
    public record StoryRow(long id, String title, String url, String date, String dateIso, boolean lead,
                           boolean pinned, boolean first, boolean last) {
    }

    /**
     * @param lead        the chosen lead, or null when the newest leads
     * @param newest      the story leading when none is chosen (shown for reference), or null
     * @param message     what went wrong with the last change (a conflict, a refusal), or null
     */
    public record FrontPagePage(Chrome chrome, long version, StoryRow lead, String newest, List<StoryRow> pinned,
                                int maxPinned, String search, List<StoryRow> candidates, String message) {
    }
}
