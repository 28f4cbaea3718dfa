-- The desk's article list (/admin/articles, /admin/pages) reads these: by kind and status, newest change first;
-- by kind, newest change first (every status); by kind and title. DeskListingStore.INDEXES names the same, and
-- DeskListingPlanTest checks that every view of the list reads one of them on both databases.
CREATE INDEX IF NOT EXISTS articles_desk ON articles (kind, status, updated_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS articles_desk_changed ON articles (kind, updated_at DESC, id DESC, status, published_at, title);
CREATE INDEX IF NOT EXISTS articles_desk_title ON articles (kind, title, id);
