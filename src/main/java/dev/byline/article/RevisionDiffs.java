package dev.byline.article;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import dev.byline.article.RevisionDiff.FieldChange;
import dev.byline.article.RevisionDiff.Line;
import dev.byline.article.RevisionDiff.Mark;
import dev.byline.article.RevisionDiff.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two revisions: field by field, and the body line by line (java-diff-utils' Myers diff), a changed
 * line's words marked within it. Pure: the table of cases is in RevisionDiffsTest.
 */
final class RevisionDiffs {

    /** Words and the spaces and punctuation between them, each its own token, so joined they give the line back. */
    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}_'’-]+|[^\\s\\p{L}\\p{N}_'’-]");

    private RevisionDiffs() {
    }

    static RevisionDiff between(Revision from, Revision to) {
        var fields = new ArrayList<FieldChange>();
        field(fields, "title", "Headline", from, to, Revision::title);
        field(fields, "dek", "Dek", from, to, Revision::dek);
        field(fields, "slug", "Slug", from, to, Revision::slug);
        field(fields, "excerpt", "Excerpt", from, to, Revision::excerpt);
        field(fields, "sectionId", "Section", from, to, revision -> text(revision.sectionId()));
        field(fields, "featuredMediaId", "Featured image", from, to, revision -> text(revision.featuredMediaId()));
        field(fields, "tags", "Tags", from, to, revision -> String.join(", ", revision.tagNames()));
        field(fields, "authorIds", "Authors", from, to, revision -> String.join(", ",
                revision.authorIds().stream().map(String::valueOf).toList()));
        field(fields, "seoTitle", "SEO title", from, to, Revision::seoTitle);
        field(fields, "seoDescription", "SEO description", from, to, Revision::seoDescription);
        field(fields, "status", "Status", from, to, revision -> revision.status().label());
        field(fields, "publishedAt", "Publication date", from, to, revision -> text(revision.publishedAt()));
        return new RevisionDiff(from, to, List.copyOf(fields), lines(from.bodyMarkdown(), to.bodyMarkdown()));
    }

    private static void field(List<FieldChange> fields, String name, String label, Revision from, Revision to,
                              Function<Revision, String> value) {
        String before = value.apply(from);
        String after = value.apply(to);
        if (!before.equals(after)) {
            fields.add(new FieldChange(name, label, before, after));
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value instanceof Instant instant ? instant.toString() : value.toString();
    }

    /** Every line of both bodies in order; a run of removed lines facing a run of added ones is paired line by line. */
    static List<Line> lines(String before, String after) {
        List<String> old = splitLines(before);
        List<String> now = splitLines(after);
        var lines = new ArrayList<Line>();
        if (old.equals(now)) {
            return List.of();
        }
        int oldAt = 0;
        int newAt = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(old, now).getDeltas()) {
            int oldStart = delta.getSource().getPosition();
            while (oldAt < oldStart) { // the unchanged lines before this change
                lines.add(same(old.get(oldAt), ++oldAt, ++newAt));
            }
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            if (delta.getType() == DeltaType.CHANGE) {
                int paired = Math.min(removed.size(), added.size());
                var removedLines = new ArrayList<Line>();
                var addedLines = new ArrayList<Line>();
                for (int i = 0; i < paired; i++) {
                    List<Span>[] spans = words(removed.get(i), added.get(i));
                    removedLines.add(new Line(Mark.REMOVED, oldAt + i + 1, 0, spans[0]));
                    addedLines.add(new Line(Mark.ADDED, 0, newAt + i + 1, spans[1]));
                }
                for (int i = paired; i < removed.size(); i++) {
                    removedLines.add(whole(Mark.REMOVED, removed.get(i), oldAt + i + 1, 0));
                }
                for (int i = paired; i < added.size(); i++) {
                    addedLines.add(whole(Mark.ADDED, added.get(i), 0, newAt + i + 1));
                }
                lines.addAll(removedLines);
                lines.addAll(addedLines);
            } else {
                for (int i = 0; i < removed.size(); i++) {
                    lines.add(whole(Mark.REMOVED, removed.get(i), oldAt + i + 1, 0));
                }
                for (int i = 0; i < added.size(); i++) {
                    lines.add(whole(Mark.ADDED, added.get(i), 0, newAt + i + 1));
                }
            }
            oldAt += removed.size();
            newAt += added.size();
        }
        while (oldAt < old.size()) {
            lines.add(same(old.get(oldAt), ++oldAt, ++newAt));
        }
        return List.copyOf(lines);
    }

    private static Line same(String text, int oldNumber, int newNumber) {
        return new Line(Mark.SAME, oldNumber, newNumber, List.of(new Span(Mark.SAME, text)));
    }

    private static Line whole(Mark mark, String text, int oldNumber, int newNumber) {
        return new Line(mark, oldNumber, newNumber, List.of(new Span(mark, text)));
    }

    /** The two sides of a changed line: the words only {@code before} has marked REMOVED, only {@code after} ADDED. */
    @SuppressWarnings("unchecked")
    static List<Span>[] words(String before, String after) {
        List<String> old = tokens(before);
        List<String> now = tokens(after);
        var oldSpans = new ArrayList<Span>();
        var newSpans = new ArrayList<Span>();
        int oldAt = 0;
        int newAt = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(old, now).getDeltas()) {
            String common = String.join("", old.subList(oldAt, delta.getSource().getPosition()));
            add(oldSpans, Mark.SAME, common);
            add(newSpans, Mark.SAME, common);
            add(oldSpans, Mark.REMOVED, String.join("", delta.getSource().getLines()));
            add(newSpans, Mark.ADDED, String.join("", delta.getTarget().getLines()));
            oldAt = delta.getSource().getPosition() + delta.getSource().size();
            newAt = delta.getTarget().getPosition() + delta.getTarget().size();
        }
        String rest = String.join("", old.subList(oldAt, old.size()));
        add(oldSpans, Mark.SAME, rest);
        add(newSpans, Mark.SAME, String.join("", now.subList(newAt, now.size())));
        return new List[] {List.copyOf(oldSpans), List.copyOf(newSpans)};
    }

    /** Adds a span, merged into the last one when it has the same mark; empty text adds nothing. */
    private static void add(List<Span> spans, Mark mark, String text) {
        if (text.isEmpty()) {
            return;
        }
        if (!spans.isEmpty() && spans.getLast().mark() == mark) {
            spans.set(spans.size() - 1, new Span(mark, spans.getLast().text() + text));
        } else {
            spans.add(new Span(mark, text));
        }
    }

    static List<String> tokens(String line) {
        var tokens = new ArrayList<String>();
        Matcher matcher = TOKEN.matcher(line);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    private static List<String> splitLines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
    }

    static boolean sameBody(Revision from, Revision to) {
        return Objects.equals(from.bodyMarkdown(), to.bodyMarkdown());
    }
}
