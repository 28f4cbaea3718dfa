package dev.byline.web.admin;

import dev.byline.article.RevisionDiff;
import dev.byline.web.admin.AdminViews.Chrome;
import dev.byline.web.admin.AdminViews.Form;
import dev.byline.web.admin.PeopleViews.Option;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The records of the desk's pages: the articles (and pages) list, the editor, revisions and their diff. */
public final class DeskViews {

    private DeskViews() {
    }

    /** A status link above the list, with its count. */
    public record StatusLink(String label, long count, String url, boolean current) {
    }

    /**
     * A line of the list.
     *
     * @param dateLabel "Published", "Scheduled" or "Last changed": what {@code date} is
     * @param publicUrl where readers see it, when they can
     */
    /** @param pick the bulk checkbox's value: the id and the version the list shows ({@code 12:3}) */
    public record Row(long id, String pick, String title, String editUrl, String status, String statusKey,
                      String section, String authors, String dateLabel, String date, String dateIso,
                      String publicUrl) {
    }

    /** What a bulk action did: how many, and each refusal with its reason. */
    public record Report(String done, List<String> refused) {
    }

    /**
     * /admin/articles and /admin/pages.
     *
     * @param everyone an editor's view (else the viewer's own articles)
     * @param filter   the filters as typed, with a message at a field that could not be read
     */
    public record ListPage(Chrome chrome, String heading, String path, String newUrl, boolean pages,
                           boolean everyone, List<StatusLink> statuses, Form filter, List<Option> statusOptions,
                           List<Option> sectionOptions, List<Option> authorOptions, List<Option> sortOptions,
                           List<Row> rows, String previousUrl, String nextUrl, long pageNumber,
                           List<Option> bulkActions, List<Option> bulkSections, Report report, String returnTo) {
    }

    /** A button of the editor: {@code action} is the value it sends. */
    public record Button(String action, String label, boolean primary) {
    }

    /** The newer version someone else saved, shown beside what the person typed (kept in the form). */
    public record TheirVersion(long version, String savedBy, String savedAt, String title, String dek, String slug,
                               String body, String excerpt, String status) {
    }

    public record NoteRow(String kind, String text, String when, String whenIso, String placement) {
    }

    /**
     * /admin/articles/new and /admin/articles/{id}.
     *
     * @param articleId 0 for a new one
     * @param authorOptions one list of choices for each byline field, in order
     * @param conflict  someone saved in between: their version; null otherwise
     * @param others    the names of the others who have it open now
     * @param noteForm  the correction / update form (editors, published articles); null when not offered
     * @param autosave  the person's autosave newer than what is saved, or null
     */
    public record EditorPage(Chrome chrome, String heading, long articleId, boolean page, String formAction,
                             Form form, String status, List<Option> sectionOptions,
                             List<List<Option>> authorOptions, List<Option> mediaOptions, List<Button> buttons,
                             String zone, List<String> others, TheirVersion conflict, String revisionsUrl,
                             String publicUrl, String trashUrl, String restoreUrl, String deleteUrl,
                             List<NoteRow> notes,
                             Form noteForm, int words, int readingMinutes, String listUrl,
                             AutosaveNotice autosave, String commentsUrl) {

        /** The editor's fields in the order the form shows them, with their labels, for the error summary. */
        private static final List<Map.Entry<String, String>> FIELDS = List.of(
                Map.entry("title", "Headline"), Map.entry("slug", "Slug"),
                Map.entry("dek", "Dek"), Map.entry("body", "Body"),
                Map.entry("excerpt", "Excerpt"), Map.entry("sectionId", "Section"),
                Map.entry("tags", "Tags"), Map.entry("author1", "Author"),
                Map.entry("author2", "Co-author 1"), Map.entry("author3", "Co-author 2"),
                Map.entry("author4", "Co-author 3"), Map.entry("featuredMediaId", "Featured image"),
                Map.entry("seoTitle", "SEO title"), Map.entry("seoDescription", "SEO description"),
                Map.entry("publishedAt", "Publication date and time"));

        /**
         * The form's errors for the summary above it: in the order of the fields (not the order they were found),
         * each named by its field's label and linked to it; an error that belongs to no field shown here (the
         * status, the version) comes last, without a link.
         */
        public List<SummaryError> errorSummary() {
            var errors = new LinkedHashMap<>(form.errors());
            var summary = new ArrayList<SummaryError>();
            for (var field : FIELDS) {
                String message = errors.remove(field.getKey());
                if (message != null) {
                    summary.add(shows(field.getKey()) ? new SummaryError(field.getKey(), field.getValue(), message)
                            : new SummaryError(null, null, message));
                }
            }
            errors.values().forEach(message -> summary.add(new SummaryError(null, null, message)));
            return summary;
        }

        /** Whether this editor has an input with id {@code key} (a page has no section, tags or date). */
        private boolean shows(String key) {
            if (key.startsWith("author")) {
                return Integer.parseInt(key.substring("author".length())) <= authorOptions.size();
            }
            return !page || !(key.equals("sectionId") || key.equals("tags") || key.equals("publishedAt"));
        }
    }

    /** One line of a form's error summary; {@code field} (the input's id) and {@code label} are null for an error of no field. */
    public record SummaryError(String field, String label, String message) {
    }

    /** The person's own autosave, newer than the article as saved: where to compare (and restore) it. */
    public record AutosaveNotice(String when, String compareUrl) {
    }

    public record RevisionRow(long id, String who, String when, String whenIso, String note, boolean autosave,
                              long version, String url) {
    }

    public record RevisionsPage(Chrome chrome, String title, String articleUrl, List<RevisionRow> revisions,
                                List<Option> fromOptions, List<Option> toOptions) {
    }

    /**
     * A diff between two revisions; {@code restoreFrom} / {@code restoreTo} restore one of them.
     *
     * @param version the article's current version, which a restore is made over
     */
    public record DiffPage(Chrome chrome, String title, String articleUrl, String revisionsUrl, RevisionRow from,
                           RevisionRow to, List<RevisionDiff.FieldChange> fields, List<RevisionDiff.Line> lines,
                           boolean same, String restoreUrl, long version) {
    }
}
