-- The paper's structure as editors shape it: old section and tag addresses, the header and footer menus, and
-- the front page's lead and pinned stories.

-- Slugs a section or tag answered to before (renamed, or merged into another tag); the site answers them with a
-- 301 to the current address. A slug in use again stops redirecting (the row is deleted when it is taken).
CREATE TABLE section_old_slugs (
    slug        TEXT   NOT NULL PRIMARY KEY,
    section_id  BIGINT NOT NULL REFERENCES sections (id) ON DELETE CASCADE
);
CREATE INDEX section_old_slugs_by_section ON section_old_slugs (section_id);

CREATE TABLE tag_old_slugs (
    slug    TEXT   NOT NULL PRIMARY KEY,
    tag_id  BIGINT NOT NULL REFERENCES tags (id) ON DELETE CASCADE
);
CREATE INDEX tag_old_slugs_by_tag ON tag_old_slugs (tag_id);

-- The two menus. version is raised by every change: an edit made from an older version is refused (two editors
-- at once lose nothing silently). A header that was never customised shows the top-level sections (the default
-- before menus existed); the footer shows nothing until it has items.
CREATE TABLE menus (
    name        TEXT    NOT NULL PRIMARY KEY CHECK (name IN ('header', 'footer')),
    version     BIGINT  NOT NULL DEFAULT 0,
    customised  INTEGER NOT NULL DEFAULT 0
);
INSERT INTO menus (name, version, customised) VALUES ('header', 0, 0);
INSERT INTO menus (name, version, customised) VALUES ('footer', 0, 0);

-- A menu's links, ordered, nested one level (parent_id is a top-level item of the same menu). A section or page
-- item shows its section's or page's name unless label says otherwise. A section item goes with its section (the
-- items under it are moved up first); a page item whose page was deleted is left without one (SET NULL): readers
-- no longer see it, and the menus page shows it struck out for an editor to remove, the items under it intact.
CREATE TABLE menu_items (
    id          ${id_pk},
    menu        TEXT    NOT NULL REFERENCES menus (name),
    parent_id   BIGINT  REFERENCES menu_items (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    kind        TEXT    NOT NULL CHECK (kind IN ('section', 'page', 'link')),
    section_id  BIGINT  REFERENCES sections (id) ON DELETE CASCADE,
    article_id  BIGINT  REFERENCES articles (id) ON DELETE SET NULL,
    url         TEXT    NOT NULL DEFAULT '',
    label       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX menu_items_by_menu ON menu_items (menu, position);
CREATE INDEX menu_items_by_section ON menu_items (section_id);
CREATE INDEX menu_items_by_article ON menu_items (article_id);

-- The front page's picks: one lead story and pinned stories above the latest, in order. version as for menus.
CREATE TABLE front_page (
    id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    version  BIGINT  NOT NULL DEFAULT 0
);
INSERT INTO front_page (id, version) VALUES (1, 0);

CREATE TABLE front_page_stories (
    article_id  BIGINT  NOT NULL PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    place       TEXT    NOT NULL CHECK (place IN ('lead', 'pinned')),
    position    INTEGER NOT NULL
);
-- at most one lead
CREATE UNIQUE INDEX front_page_one_lead ON front_page_stories (place) WHERE place = 'lead';
