package dev.byline.web.admin;

import dev.byline.web.admin.AdminViews.Chrome;
import dev.byline.web.admin.AdminViews.Form;
import dev.byline.web.support.Initials;
import java.util.List;

/** The records of the people, profile and activity pages. */
public final class PeopleViews {

    private PeopleViews() {
    }

    /** One choice of a select; {@code selected} marks the current one. */
    public record Option(String value, String label, boolean selected) {
    }

    /**
     * An account in the people table.
     *
     * @param you          the signed-in administrator's own row: no role or disable buttons (the service refuses)
     * @param roles        the roles to choose from, the current one selected
     */
    public record PersonRow(long id, String name, String email, String role, String status, String statusKey,
                            boolean twoFactor, String created, String createdIso, boolean you, boolean disabled,
                            List<Option> roles) {
    }

    public record PeoplePage(Chrome chrome, List<PersonRow> people, Form invite, List<Option> roles) {
    }

    /** A picture, or the initials standing in for it ({@code src} null). */
    public record Avatar(String src, Initials initials) {
    }

    /** A signed-in browser; {@code current} is the one showing the page. */
    public record SessionRow(String id, String browser, String ip, String lastSeen, String lastSeenIso,
                             String created, String createdIso, boolean current) {
    }

    /** The forms of the profile page, each with what was typed and what is wrong. */
    public record ProfileForms(Form details, Form avatar, Form password) {
        public static ProfileForms empty() {
            return new ProfileForms(Form.empty(), Form.empty(), Form.empty());
        }
    }

    /**
     * @param authorPageUrl where readers see the profile (an author page exists once an article is published)
     * @param twoFactorUrl  the two-factor page (enrolment, recovery codes)
     */
    public record ProfilePage(Chrome chrome, String name, String email, String role, Avatar avatar,
                              ProfileForms forms, List<SessionRow> sessions, boolean twoFactor, String twoFactorUrl,
                              String authorPageUrl) {
    }

    public record ActivityRow(String when, String whenIso, String who, String action, String subject, String detail,
                              String ip) {
    }

    /**
     * @param everyone    an administrator's view: everyone's entries, with the person filter
     * @param filter      the filter as typed, with a message on a field that could not be read
     * @param previousUrl null on the first page
     * @param nextUrl     null on the last page
     */
    public record ActivityPage(Chrome chrome, boolean everyone, List<Option> people, List<Option> actions,
                               Form filter, List<ActivityRow> entries, int total, int page, int pages,
                               String previousUrl, String nextUrl) {
    }

    /** One key to the API in the list; {@code lastUsed} null when it was never used. */
    public record ApiKeyRow(long id, String label, String kind, String scope, String hint, String created,
                            String createdIso, String lastUsed, String lastUsedIso, String lastUsedIp) {
    }

    /** A key just made: its secret, shown on this one answer. */
    public record NewApiKey(String label, String kind, String secret, boolean applicationPassword, String login) {
    }

    /** /admin/profile/keys: the form, the keys, and the secret of the one just made (null otherwise). */
    public record ApiKeysPage(AdminViews.Chrome chrome, AdminViews.Form form, List<Option> kinds, List<Option> scopes,
                              List<ApiKeyRow> keys, NewApiKey made, String email) {
    }
}
