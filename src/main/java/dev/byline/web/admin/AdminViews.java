package dev.byline.web.admin;

import java.util.List;
import java.util.Map;

/** The records the admin's templates take: the layout's chrome and one record per page. */
public final class AdminViews {

    private AdminViews() {
    }

    /** A link of the admin's navigation. */
    public record NavItem(String label, String url, boolean current) {
    }

    /** Who is signed in, as the header shows them. */
    public record Person(String name, String email, String role) {
    }

    /**
     * What every admin page shows around its content.
     *
     * @param person the signed-in person, or null on the sign-in pages
     * @param csrf   the token every form sends back
     * @param flash  the message after the last action, or null
     */
    public record Chrome(String siteTitle, String cssUrl, String faviconUrl, String scriptUrl, Person person,
                         List<NavItem> nav, String csrf, String flash) {
    }

    /**
     * A form's state: what was typed (never a password) and what is wrong, by field name.
     */
    public record Form(Map<String, String> values, Map<String, String> errors) {

        public static Form empty() {
            return new Form(Map.of(), Map.of());
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }
    }

    /** A page that only says something: not set up yet, a link that does not work, an error. */
    public record NoticePage(Chrome chrome, int status, String heading, String message, String linkLabel,
                             String linkUrl) {
    }

    public record LoginPage(Chrome chrome, Form form, String next) {
    }

    public record CodePage(Chrome chrome, Form form) {
    }

    public record SetupPage(Chrome chrome, String token, Form form) {
    }

    /** A short list of articles on the dashboard, with how many there are in all and where to see them. */
    public record ArticleList(String heading, List<ArticleLine> articles, long total, String empty, String url) {
    }

    public record ArticleLine(String title, String when, String url) {
    }

    /** @param waiting for editors: how many articles wait for review (0: nothing to say); null for others */
    public record DashboardPage(Chrome chrome, String greeting, List<ArticleList> lists, Long waiting) {
    }
}
