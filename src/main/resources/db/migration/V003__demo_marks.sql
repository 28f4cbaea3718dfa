-- Demo content a newsroom can get rid of.

-- What the demo loader made, by kind ('article', 'author', 'section', 'tag', 'media': the kinds of the change
-- feed's entities) and id, marked in the same transaction as the row it marks. One table of marks rather than an
-- is_demo column on five tables: the content tables, their stores and every query reading them stay as they are,
-- and removing the demo reads one table. A mark has no foreign key (it names rows of five tables); a mark whose
-- row the newsroom deleted is ignored, and removing the demo clears every mark.
CREATE TABLE demo_items (
    kind  TEXT   NOT NULL CHECK (kind IN ('article', 'author', 'section', 'tag', 'media')),
    id    BIGINT NOT NULL,
    PRIMARY KEY (kind, id)
);

-- Site-wide settings by name. 'demo' is 'loaded' once the demo newspaper was loaded and 'removed' once it was
-- removed: an empty database that had the demo removed is a newsroom's, and the demo never comes back.
CREATE TABLE settings (
    name        TEXT   NOT NULL PRIMARY KEY,
    value       TEXT   NOT NULL,
    updated_at  BIGINT NOT NULL
);
