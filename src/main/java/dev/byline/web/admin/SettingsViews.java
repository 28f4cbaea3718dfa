package dev.byline.web.admin;

import java.util.List;

/** The records of the settings page ({@code admin/settings.jte}). */
public final class SettingsViews {

    private SettingsViews() {
    }

    /**
     * The settings page.
     *
     * @param form      what the fields show (stored or as typed) and what is wrong with them
     * @param version   the settings' version the form was made from, sent back with it
     * @param formError a message about the whole form (someone saved first), or null
     * @param logo      the current logo, or null
     * @param mail      the mail's part of the page
     * @param demo      the demo content's part of the page
     */
    public record SettingsPage(AdminViews.Chrome chrome, List<Group> groups, AdminViews.Form form, long version,
                               String formError, Logo logo, Mail mail, Demo demo) {
    }

    /**
     * Where mail goes, what waits to be sent, and the test message's form (its field is {@code test_to} in the
     * page's form).
     */
    public record Mail(String delivery, List<Waiting> waiting) {
    }

    /** A message not sent yet. */
    public record Waiting(String to, String subject, String queued, int attempts, String lastError) {
    }

    /** A part of the form, under a heading. */
    public record Group(String heading, List<Field> fields) {
    }

    /**
     * One setting as the page asks for it.
     *
     * @param input   {@code text}, {@code number}, {@code select} or {@code checkbox}
     * @param options the choices of a {@code select}, one marked selected
     */
    public record Field(String name, String label, String help, String input, boolean required, List<Option> options,
                        boolean checked) {
    }

    public record Option(String value, String label, boolean selected) {
    }

    public record Logo(String url, int width, int height, long id) {
    }

    /**
     * The demo content: whether there is any, and, after a refused removal, what of it the newsroom's own content
     * uses.
     */
    public record Demo(boolean present, List<String> uses) {
    }
}
