package dev.byline.article;

import java.util.List;

/**
 * What changed between two revisions of one article: each field that differs, with both values, and the body
 * line by line, with the words that changed inside a changed line marked.
 *
 * @param fields the fields other than the body that differ, in the editor's order
 * @param body   every line of both bodies, in order: unchanged lines once, removed lines from {@code from}, added
 *               lines from {@code to}; empty when the bodies are the same
 */
public record RevisionDiff(Revision from, Revision to, List<FieldChange> fields, List<Line> body) {

    /** Whether the two revisions hold the same article. */
    public boolean same() {
        return fields.isEmpty() && body.stream().allMatch(line -> line.mark() == Mark.SAME);
    }

    /**
     * A field whose value differs.
     *
     * @param field  its form name (title, dek, slug, excerpt, sectionId, featuredMediaId, seoTitle,
     *               seoDescription, status, publishedAt, tags, authorIds)
     * @param label  as the editor names it
     */
    public record FieldChange(String field, String label, String before, String after) {
    }

    public enum Mark { SAME, REMOVED, ADDED }

    /** A run of text in a line: unchanged, or removed or added within a changed line. */
    public record Span(Mark mark, String text) {
    }

    /**
     * One line of the body diff.
     *
     * @param oldNumber its number in {@code from} (1-based), or 0 for an added line
     * @param newNumber its number in {@code to}, or 0 for a removed line
     * @param spans     the line's text; within a line changed rather than wholly added or removed, the words
     *                  that changed are marked and the rest is SAME
     */
    public record Line(Mark mark, int oldNumber, int newNumber, List<Span> spans) {

        public String text() {
            var text = new StringBuilder();
            spans.forEach(span -> text.append(span.text()));
            return text.toString();
        }
    }
}
