package dev.byline.web.admin;

import dev.byline.account.User;
import java.util.List;
import java.util.function.Supplier;

/** Builds the chrome of admin pages: the site's title, the assets, who is signed in and what they may open. */
final class AdminChromes {

    private final Supplier<String> siteTitle;
    private final String cssUrl;
    private final String faviconUrl;
    private final String scriptUrl;

    AdminChromes(Supplier<String> siteTitle, String cssUrl, String faviconUrl, String scriptUrl) {
        this.siteTitle = siteTitle;
        this.cssUrl = cssUrl;
        this.faviconUrl = faviconUrl;
        this.scriptUrl = scriptUrl;
    }

    AdminViews.Chrome chrome(String path, User user, String csrf, String flash) {
        return new AdminViews.Chrome(siteTitle.get(), cssUrl, faviconUrl, scriptUrl,
                user == null ? null : new AdminViews.Person(user.displayName(), user.email(), user.role().label()),
                user == null ? List.of() : Doors.nav(path, user), csrf, flash);
    }

    /** For an error met before the request was looked at (a body too large, no route): nobody, no forms. */
    AdminViews.Chrome bare() {
        return new AdminViews.Chrome(siteTitle.get(), cssUrl, faviconUrl, scriptUrl, null, List.of(), "", null);
    }
}
