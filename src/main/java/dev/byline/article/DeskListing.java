package dev.byline.article;

import dev.byline.account.Actor;
import dev.byline.account.Capability;
import dev.byline.account.Policy;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The desk's list of articles (and of pages) as the admin shows it: who sees what is decided here, the SQL is
 * {@link DeskListingStore}'s. Editors and administrators see everyone's; authors and contributors only the
 * articles they are on; pages are editors' and administrators'.
 */
public final class DeskListing {

    public static final int PAGE_SIZE = 25;

    /** How many of the best matches a search of the list reads from the search index. */
    public static final int MAX_MATCHES = 2_000;

    /**
     * The words of a search of the list, as the search index finds them: the ids of the articles that match, for
     * this viewer (their own only, when {@code ownerId} is not 0), best first; empty when the index cannot answer
     * (it is being rebuilt), and the list falls back to its title search.
     */
    @FunctionalInterface
    public interface TextSearch {
        java.util.Optional<List<Long>> matching(String words, Kind kind, ArticleStatus status, long ownerId,
                                                int limit);
    }

    private final DeskListingStore store;
    private final TextSearch textSearch;

    public DeskListing(DeskListingStore store) {
        this(store, (words, kind, status, ownerId, limit) -> java.util.Optional.empty());
    }

    /** @param textSearch searches the list's words in the search index (title, dek, body, tags, bylines) */
    public DeskListing(DeskListingStore store, TextSearch textSearch) {
        this.store = store;
        this.textSearch = textSearch;
    }

    /**
     * One page of the list, with how many there are in each status (the status links' counts, which ignore the
     * other filters, as WordPress's do).
     *
     * @param everyone whether the list is everyone's (false: the viewer's own)
     */
    public record Listed(Page<DeskRow> page, Map<ArticleStatus, Long> counts, boolean everyone) {

        /** Everything but the trash. */
        public long countAll() {
            return counts.entrySet().stream().filter(entry -> entry.getKey() != ArticleStatus.TRASH)
                    .mapToLong(Map.Entry::getValue).sum();
        }

        public long count(ArticleStatus status) {
            return counts.getOrDefault(status, 0L);
        }
    }

    /** The images to offer as a featured image (the form's list, for browsers without the media picker). */
    public List<DeskListingStore.ImageChoice> imageChoices(Long chosen) {
        return store.images(200, chosen == null ? 0 : chosen);
    }

    public Listed list(Actor viewer, DeskFilter filter, long pageNumber) {
        Policy.require(viewer, Capability.WRITE_ARTICLES, "open the articles");
        if (filter.kind() == Kind.PAGE) {
            Policy.require(viewer, Capability.EDIT_OTHERS_ARTICLES, "open the pages");
        }
        boolean everyone = viewer.can(Capability.EDIT_OTHERS_ARTICLES);
        long ownerId = everyone ? 0 : viewer.authorId();
        if (!everyone && ownerId == 0) { // an account without an author profile writes nothing of its own
            return new Listed(new Page<>(List.of(), pageNumber, PAGE_SIZE, null), new EnumMap<>(ArticleStatus.class),
                    false);
        }
        long offset = Math.multiplyExact(Math.max(0, pageNumber - 1), (long) PAGE_SIZE);
        java.util.Optional<List<Long>> matching = filter.search().isBlank() ? java.util.Optional.empty()
                : textSearch.matching(filter.search(), filter.kind(), filter.status(), ownerId, MAX_MATCHES);
        List<DeskRow> rows = matching.isPresent() && matching.get().isEmpty() ? List.of()
                : store.list(filter, ownerId, PAGE_SIZE + 1, offset, matching.orElse(null));
        return new Listed(Page.of(rows, pageNumber, PAGE_SIZE), store.countsByStatus(filter.kind(), ownerId),
                everyone);
    }
}
