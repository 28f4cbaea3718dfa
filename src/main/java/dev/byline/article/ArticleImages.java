package dev.byline.article;

import dev.byline.account.Actor;
import dev.byline.account.Policy;
import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.change.ChangeFeed.Written;
import dev.byline.change.Keys;
import dev.byline.media.Media;
import dev.byline.media.MediaLibrary;
import dev.byline.media.MediaService;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Editing an image as the articles showing it see it. Bodies are rendered when saved, with each figure's alt text
 * and caption baked in; so a new caption, alt text or file re-renders, in the same transaction, every body that
 * shows the image ({@code article_media} knows which), and announces the image and those articles' pages.
 */
public final class ArticleImages {

    private final ArticleStore store;
    private final MediaService media;
    private final BodyRenderer renderer;
    private final ChangeFeed changes;

    public ArticleImages(ArticleStore store, MediaService media, BodyRenderer renderer, ChangeFeed changes) {
        this.store = store;
        this.media = media;
        this.renderer = renderer;
        this.changes = changes;
    }

    /** New alt text, caption and credit for image {@code id}. */
    public Media describe(long id, String alt, String caption, String credit) {
        return changes.write("media.updated", handle -> describe(handle, id, alt, caption, credit));
    }

    /**
     * New alt text, caption and credit for image {@code id}, as {@code actor} typed them in the media library:
     * checked ({@link MediaLibrary#details}, {@code Invalid} at each field), and allowed to its uploader (an author)
     * and to editors ({@link Policy#mayChangeMedia}).
     */
    public Media describe(Actor actor, long id, String alt, String caption, String credit) {
        MediaLibrary.Details details = MediaLibrary.details(alt, caption, credit);
        return changes.write("media.updated", handle -> {
            media.find(handle, id); // NotFound first: a deleted image is not a question of rights
            Policy.requireChangeMedia(actor, media.uploader(handle, id), "change this image's details");
            return describe(handle, id, details.alt(), details.caption(), details.credit());
        });
    }

    private Written<Media> describe(Handle handle, long id, String alt, String caption, String credit) {
        Media before = media.find(handle, id);
        Media after = media.updateDetails(handle, id, alt, caption, credit);
        var keys = new LinkedHashSet<String>();
        if (!before.alt().equals(after.alt())) {
            keys.add(Keys.media(id)); // shown wherever the image is
        }
        if (!before.caption().equals(after.caption()) || !before.credit().equals(after.credit())) {
            keys.add(Keys.caption(id)); // shown only where the image has its caption
        }
        return reachArticles(handle, after, keys);
    }

    /** Image {@code id} shows the file of {@code upload} from now on, everywhere it is used. */
    public Media replace(long id, MediaService.Upload upload) {
        Media files = media.writeFiles(upload); // checked and written before the transaction: decoding is slow
        return changes.write("media.replaced", handle -> reachArticles(handle, media.replaceFile(handle, id, files),
                new LinkedHashSet<>(List.of(Keys.media(id)))));
    }

    private Written<Media> reachArticles(Handle handle, Media image, LinkedHashSet<String> keys) {
        var entities = new ArrayList<Change.Entity>();
        entities.add(Change.Entity.shown(Change.Entity.MEDIA, image.id(), false));
        for (long articleId : store.articlesShowing(handle, image.id())) {
            store.lock(handle, articleId); // a save of this article under way finishes first; then read it
            Article article = store.findById(handle, articleId).orElse(null);
            if (article == null) {
                continue; // deleted meanwhile
            }
            var body = renderer.render(article.bodyMarkdown(), paths -> media.findByPaths(handle, paths));
            if (!body.html().equals(article.bodyHtml())) {
                store.setBodyHtml(handle, articleId, body.html());
                entities.add(new Change.Entity(Change.Entity.ARTICLE, articleId, article.isPublic(), article.isPublic()));
                if (article.isPublic()) {
                    keys.add(Keys.article(articleId));
                }
            }
        }
        return Written.of(image, keys, List.copyOf(entities));
    }
}
