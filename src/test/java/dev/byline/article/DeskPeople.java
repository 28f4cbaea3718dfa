package dev.byline.article;

import dev.byline.account.AccountService;
import dev.byline.account.Actor;
import dev.byline.account.Role;
import dev.byline.account.User;
import dev.byline.support.Newsroom;
import dev.byline.taxonomy.Section;
import java.time.Instant;
import java.util.List;

/** A newsroom of one person per role (two authors, two contributors), a section, and drafts made for them. */
final class DeskPeople {

    static final String PASSWORD = "lantern orchard cobalt 1987";

    final Newsroom newsroom;
    final Desk desk;
    final Section world;
    final User admin;
    final User editor;
    final User author;
    final User otherAuthor;
    final User contributor;
    final User otherContributor;

    DeskPeople(Newsroom newsroom) {
        this.newsroom = newsroom;
        this.desk = newsroom.desk;
        world = newsroom.taxonomy.saveSection(new Section(0, "", "World", "", null, 0));
        admin = add(Role.ADMINISTRATOR, "Ada Admin");
        editor = add(Role.EDITOR, "Eddie Editor");
        author = add(Role.AUTHOR, "Amina Author");
        otherAuthor = add(Role.AUTHOR, "Otto Author");
        contributor = add(Role.CONTRIBUTOR, "Cleo Contributor");
        otherContributor = add(Role.CONTRIBUTOR, "Carl Contributor");
    }

    private User add(Role role, String name) {
        String email = name.toLowerCase().replace(' ', '.') + "@newsroom.test";
        return newsroom.accounts.service().add(Actor.commandLine(),
                new AccountService.NewUser(email, name, role.key()), PASSWORD);
    }

    static Actor actor(User user) {
        return Actor.of(user, "127.0.0.1");
    }

    /** A new article by {@code owner} in {@code status} (scheduled: a day after {@code now}). */
    ArticleDraft draft(User owner, String title, ArticleStatus status, Instant now) {
        return new ArticleDraft(0, title, "A dek.", "", "First paragraph.\n\nSecond paragraph.", "", null, status,
                world.id(), List.of(owner.authorId()), List.of(),
                status == ArticleStatus.SCHEDULED ? now.plusSeconds(86_400) : null);
    }

    /** The article made by an editor for {@code owner}, in {@code status}. */
    Article made(User owner, String title, ArticleStatus status, Instant now) {
        return desk.save(actor(editor), draft(owner, title, status, now));
    }

    /** {@code article} edited: a new body, the same everything else, from its version. */
    static ArticleDraft edit(Article article, String body) {
        return new ArticleDraft(article.id(), article.title(), article.dek(), article.slug(), body,
                "", article.featuredMediaId(), article.status(), article.isPage() ? null : article.sectionId(),
                article.authorIds(), List.of(), null, article.version(), article.seoTitle(), article.seoDescription(),
                article.kind());
    }

    static ArticleDraft withStatus(Article article, ArticleStatus status, Instant publishedAt) {
        return new ArticleDraft(article.id(), article.title(), article.dek(), article.slug(), article.bodyMarkdown(),
                "", article.featuredMediaId(), status, article.isPage() ? null : article.sectionId(),
                article.authorIds(), List.of(), publishedAt, article.version(), article.seoTitle(),
                article.seoDescription(), article.kind());
    }

    ArticleDraft page(User owner, String title, ArticleStatus status) {
        return new ArticleDraft(0, title, "", "", "About us.", "", null, status, null, List.of(owner.authorId()),
                List.of(), null, 0, "", "", Kind.PAGE);
    }
}
