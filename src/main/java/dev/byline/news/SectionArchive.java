package dev.byline.news;

import dev.byline.taxonomy.Section;
import java.util.List;

/**
 * A section's articles, those of its subsections included.
 *
 * @param trail the section and its parents, outermost first; the section is the last
 */
public record SectionArchive(List<Section> trail, Listing listing) {

    public Section section() {
        return trail.getLast();
    }
}
