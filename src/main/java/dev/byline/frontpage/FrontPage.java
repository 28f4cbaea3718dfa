package dev.byline.frontpage;

import java.util.List;
import java.util.Optional;

/**
 * The editors' picks for the front page: the lead story (when they chose one; otherwise the newest leads) and
 * the stories pinned above the latest, in order.
 *
 * @param version raised by every change; a change made from an older version is refused
 */
public record FrontPage(long version, Optional<Long> lead, List<Long> pinned) {

    public FrontPage {
        pinned = List.copyOf(pinned);
    }

    public boolean picks(long articleId) {
        return lead.filter(id -> id == articleId).isPresent() || pinned.contains(articleId);
    }
}
