-- Ready for several writers and several nodes.

-- The change feed, ordered by transaction. On PostgreSQL ids come from a sequence when the row is inserted, not
-- when its transaction commits, so change 11 can commit before change 10. Each row records its transaction id
-- (xid, 0 on SQLite, whose one writer commits in id order); a follower reads every row at or past the oldest
-- transaction that was still running when it last looked, and remembers the ids it has seen above that mark.
ALTER TABLE changes ADD COLUMN xid BIGINT NOT NULL DEFAULT 0;
-- what changed: [{"kind":"article","id":12,"publicBefore":true,"publicAfter":false}, ...] (JSON)
ALTER TABLE changes ADD COLUMN entities TEXT NOT NULL DEFAULT '[]';
CREATE INDEX changes_by_xid ON changes (xid, id);
CREATE INDEX changes_by_at ON changes (at);

-- Old change rows are pruned. The highest transaction and id ever pruned are kept here: a follower whose mark is
-- at or below them may have missed a change and drops its whole cache instead of guessing.
CREATE TABLE change_horizon (
    id          INTEGER PRIMARY KEY,
    pruned_xid  BIGINT NOT NULL,
    pruned_id   BIGINT NOT NULL
);
INSERT INTO change_horizon (id, pruned_xid, pruned_id) VALUES (1, 0, 0);

-- Every save of an article raises its version; an update carrying an older one is refused, never applied.
ALTER TABLE articles ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- The media an article shows (its featured image and the images in its body), so that editing an image's alt
-- text or caption, or replacing it, reaches every article that shows it.
CREATE TABLE article_media (
    article_id  BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    media_id    BIGINT NOT NULL REFERENCES media (id) ON DELETE CASCADE,
    PRIMARY KEY (article_id, media_id)
);
CREATE INDEX article_media_by_media ON article_media (media_id, article_id);
INSERT INTO article_media (article_id, media_id)
SELECT id, featured_media_id FROM articles WHERE featured_media_id IS NOT NULL
UNION
SELECT a.id, m.id FROM articles a JOIN media m ON a.body_markdown LIKE '%' || m.path || '%';

-- Paths a replaced image had before: bodies written with the old path keep finding the image.
CREATE TABLE media_old_paths (
    path      TEXT   NOT NULL PRIMARY KEY,
    media_id  BIGINT NOT NULL REFERENCES media (id) ON DELETE CASCADE
);
