package dev.byline.demo;

import dev.byline.change.Change;
import dev.byline.change.ChangeFeed;
import dev.byline.change.Keys;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The notice the site shows while demo content is on it, and what keeps cached pages true to it. Every page
 * records {@link Keys#DEMO}; this participant adds that key to a write, in the write's own transaction, exactly
 * when the write changes whether any demo article is public (the last one unpublished or deleted, or the first one
 * back), so the notice goes from every cached page, on every node, with the write that made it wrong.
 */
public final class DemoNotice implements ChangeFeed.Participant {

    private final DemoStore store;

    public DemoNotice(DemoStore store) {
        this.store = store;
    }

    /** Is any demo article on the public site? Asked on every render (a cache miss): one small indexed query. */
    public boolean shown() {
        return store.anyDemoArticlePublished();
    }

    @Override
    public Set<String> keys(Handle handle, List<Change.Entity> entities) {
        Map<Long, Change.Entity> flipped = entities.stream()
                .filter(entity -> entity.kind().equals(Change.Entity.ARTICLE))
                .filter(entity -> entity.publicBefore() != entity.publicAfter())
                .collect(Collectors.toMap(Change.Entity::id, entity -> entity, (first, second) -> second));
        if (flipped.isEmpty()) {
            return Set.of(); // the usual write: no article went on or off the site
        }
        Set<Long> demo = store.marked(handle, Change.Entity.ARTICLE, flipped.keySet());
        if (demo.isEmpty()) {
            return Set.of();
        }
        // two writers taking demo articles on or off the site at once queue here, so the second sees the first
        store.lockState(handle);
        Set<Long> publicNow = store.publishedDemoArticles(handle);
        boolean shownBefore = publicNow.stream().anyMatch(id -> !demo.contains(id))
                || demo.stream().anyMatch(id -> flipped.get(id).publicBefore());
        boolean shownAfter = !publicNow.isEmpty();
        return shownBefore == shownAfter ? Set.of() : Set.of(Keys.DEMO);
    }
}
