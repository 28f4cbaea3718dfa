package dev.byline.article;

import java.time.Instant;

/**
 * A revision as a list names it: who saved which version when, and whether it was an autosave, without what it
 * holds. The revisions page and the editor read these; reading every revision's texts for them made an article's
 * editor cost more with each save (on the 100k benchmark data set, see docs/BENCHMARKS.md, the desk).
 */
public record RevisionEntry(long id, long articleId, long version, String who, Instant at, boolean autosave,
                            String note) {
}
