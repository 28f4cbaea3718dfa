package dev.byline.search;

/**
 * Who is searching, which decides what they may find. Readers find published articles only; that is a filter in
 * the query itself, so nothing else (a snippet, a count, a suggestion) can come from another article. The newsroom
 * finds what its desk list shows it (see {@link dev.byline.article.DeskListing}).
 */
public sealed interface Audience {

    Audience READERS = new Readers();

    /** The public: published articles, never pages, drafts, scheduled, private or trashed ones. */
    record Readers() implements Audience {
    }

    /**
     * The desk's list.
     *
     * @param kind    {@code article} or {@code page}
     * @param status  one status, or null for every status but the trash
     * @param ownerId an author's id: only the articles on their byline; 0 for everyone's
     */
    record Desk(String kind, String status, long ownerId) implements Audience {
    }
}
