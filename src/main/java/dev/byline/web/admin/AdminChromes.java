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
    /** Comments waiting for this person (the queue's count in the navigation). */
    private final java.util.function.ToLongFunction<dev.byline.account.Actor> pendingComments;

    AdminChromes(Supplier<String> siteTitle, String cssUrl, String faviconUrl, String scriptUrl) {
        this(siteTitle, cssUrl, faviconUrl, scriptUrl, actor -> 0);
    }

    AdminChromes(Supplier<String> siteTitle, String cssUrl, String faviconUrl, String scriptUrl,
                 java.util.function.ToLongFunction<dev.byline.account.Actor> pendingComments) {
        this.siteTitle = siteTitle;
        this.cssUrl = cssUrl;
        this.faviconUrl = faviconUrl;
        this.scriptUrl = scriptUrl;
        this.pendingComments = pendingComments;
    }

    AdminViews.Chrome chrome(String path, User user, String csrf, String flash) {
        return new AdminViews.Chrome(siteTitle.get(), cssUrl, faviconUrl, scriptUrl,
                user == null ? null : new AdminViews.Person(user.displayName(), user.email(), user.role().label()),
                user == null ? List.of() : withComments(Doors.nav(path, user), path, user), csrf, flash);
    }

    /**
     * The navigation with "Comments" for those who moderate (editors and administrators every article's, authors
     * their own articles'), after Media, with the number waiting.
     */
    private List<AdminViews.NavItem> withComments(List<AdminViews.NavItem> nav, String path, User user) {
        var actor = dev.byline.account.Actor.of(user, "");
        if (!dev.byline.comment.CommentQueue.moderates(actor)) {
            return nav;
        }
        long waiting = pendingComments.applyAsLong(actor);
        var items = new java.util.ArrayList<>(nav);
        int at = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).url().equals("/admin/media") || items.get(i).url().equals("/admin/articles")) {
                at = i + 1;
            }
        }
        items.add(at, new AdminViews.NavItem(waiting == 0 ? "Comments" : "Comments (" + waiting + " waiting)",
                "/admin/comments", path.startsWith("/admin/comments")));
        return items;
    }

    /** For an error met before the request was looked at (a body too large, no route): nobody, no forms. */
    AdminViews.Chrome bare() {
        return new AdminViews.Chrome(siteTitle.get(), cssUrl, faviconUrl, scriptUrl, null, List.of(), "", null);
    }
}
