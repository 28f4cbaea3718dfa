package dev.byline.news;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** The read model's answers for sitemaps: addresses and when each last changed. */
public final class SitemapNews {

    private SitemapNews() {
    }

    /**
     * One month's published articles (UTC).
     *
     * @param count      how many
     * @param lastChange when the newest change to one of them happened
     */
    public record Month(YearMonth month, long count, Instant lastChange) {
    }

    /**
     * The sitemap index: the months with articles, oldest first, and when the archives and the pages last changed
     * (null when there are none).
     */
    public record Index(List<Month> months, Instant archivesChanged, Instant pagesChanged) {
    }

    /** A section, tag or author with something published: its slug and when its newest article last changed. */
    public record Archive(String slug, Instant lastChange) {
    }

    /**
     * The news sitemap: the articles published since {@code since}, newest first.
     *
     * @param expiresAt when the oldest of them ages out (null: none)
     */
    public record Recent(List<DistributionStore.Headline> articles, Instant since, Instant expiresAt) {
    }
}
