-- The desk (SQLite): articles may be in the trash, may be pages, carry SEO overrides; revisions, notes, gone
-- addresses and presence. The PostgreSQL twin is db/postgres/V007__desk.sql: the tables below the rebuild are the
-- same text in both.
--
-- SQLite cannot change a CHECK constraint, so `articles` is rebuilt as its documentation says (ALTER TABLE,
-- "making other kinds of table schema changes"): foreign keys off, then in one transaction a new table, the rows
-- copied, the old table dropped, the new one renamed, its indexes made again. This file runs outside Flyway's
-- transaction (V007__desk.sql.conf) because PRAGMA foreign_keys does nothing inside one; with it on, dropping
-- the old table would cascade and empty article_authors, article_tags, article_media and article_old_slugs.
-- The children's REFERENCES articles (id) name the table, so they point at the new one after the rename.
-- section_id may be null for a page (pages belong to no section), never for an article.
PRAGMA foreign_keys = OFF;

SAVEPOINT desk;

CREATE TABLE articles_rebuilt (
    id                   INTEGER PRIMARY KEY AUTOINCREMENT,
    slug                 TEXT   NOT NULL UNIQUE,
    title                TEXT   NOT NULL,
    dek                  TEXT   NOT NULL DEFAULT '',
    body_markdown        TEXT   NOT NULL DEFAULT '',
    body_html            TEXT   NOT NULL DEFAULT '',
    excerpt              TEXT   NOT NULL DEFAULT '',
    featured_media_id    BIGINT REFERENCES media (id) ON DELETE SET NULL,
    status               TEXT   NOT NULL CHECK (status IN ('draft', 'pending', 'scheduled', 'published', 'private', 'trash')),
    section_id           BIGINT REFERENCES sections (id) ON DELETE RESTRICT,
    published_at         BIGINT,
    created_at           BIGINT NOT NULL,
    updated_at           BIGINT NOT NULL,
    version              BIGINT NOT NULL DEFAULT 1,
    kind                 TEXT   NOT NULL DEFAULT 'article' CHECK (kind IN ('article', 'page')),
    seo_title            TEXT   NOT NULL DEFAULT '',
    seo_description      TEXT   NOT NULL DEFAULT '',
    trashed_at           BIGINT,
    status_before_trash  TEXT   CHECK (status_before_trash IN ('draft', 'pending', 'scheduled', 'published', 'private')),
    CHECK (kind = 'page' OR section_id IS NOT NULL)
);

INSERT INTO articles_rebuilt (id, slug, title, dek, body_markdown, body_html, excerpt, featured_media_id, status,
                              section_id, published_at, created_at, updated_at, version)
SELECT id, slug, title, dek, body_markdown, body_html, excerpt, featured_media_id, status,
       section_id, published_at, created_at, updated_at, version
FROM articles;

-- AUTOINCREMENT never hands out an id again, even one whose article was deleted: keep the old table's high mark
UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'articles')
WHERE name = 'articles_rebuilt' AND EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'articles');
INSERT INTO sqlite_sequence (name, seq)
SELECT 'articles_rebuilt', seq FROM sqlite_sequence
WHERE name = 'articles' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'articles_rebuilt');

DROP TABLE articles;
ALTER TABLE articles_rebuilt RENAME TO articles;

CREATE INDEX articles_by_status_date ON articles (status, published_at DESC, id DESC);
CREATE INDEX articles_by_section ON articles (section_id, status, published_at DESC, id DESC);

RELEASE desk;

PRAGMA foreign_keys = ON;

-- Every save of an article keeps a revision: who, when, and every field as saved. An autosave is a revision too,
-- one per person and article (the partial unique index), replaced by their next autosave; it never changes the
-- live article. Section, image and author ids are kept as plain numbers: a revision outlives what it named.
CREATE TABLE article_revisions (
    id                 ${id_pk},
    article_id         BIGINT  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    version            BIGINT  NOT NULL,              -- the version this save made (an autosave: the one it was made from)
    user_id            BIGINT  REFERENCES users (id) ON DELETE SET NULL,
    who                TEXT    NOT NULL DEFAULT '',   -- the name at the time: "command line", a departed colleague
    at                 BIGINT  NOT NULL,
    autosave           INTEGER NOT NULL DEFAULT 0 CHECK (autosave IN (0, 1)),
    kind               TEXT    NOT NULL DEFAULT 'article',
    title              TEXT    NOT NULL DEFAULT '',
    dek                TEXT    NOT NULL DEFAULT '',
    slug               TEXT    NOT NULL DEFAULT '',
    body_markdown      TEXT    NOT NULL DEFAULT '',
    excerpt            TEXT    NOT NULL DEFAULT '',
    section_id         BIGINT,
    featured_media_id  BIGINT,
    seo_title          TEXT    NOT NULL DEFAULT '',
    seo_description    TEXT    NOT NULL DEFAULT '',
    status             TEXT    NOT NULL,
    published_at       BIGINT,
    tags               TEXT    NOT NULL DEFAULT '',   -- tag names, one a line, in order
    authors            TEXT    NOT NULL DEFAULT '',   -- author ids, comma-separated, in order
    note               TEXT    NOT NULL DEFAULT ''    -- what the save was: "Restored revision 12", "Correction added"
);
CREATE INDEX article_revisions_by_article ON article_revisions (article_id, id);
CREATE UNIQUE INDEX article_revisions_one_autosave ON article_revisions (article_id, user_id) WHERE autosave = 1;

-- Corrections and updates appended to a published article, shown with their date at its top or foot.
CREATE TABLE article_notes (
    id          ${id_pk},
    article_id  BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    kind        TEXT   NOT NULL CHECK (kind IN ('correction', 'update')),
    body        TEXT   NOT NULL,
    placement   TEXT   NOT NULL CHECK (placement IN ('top', 'foot')),
    at          BIGINT NOT NULL,
    user_id     BIGINT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX article_notes_by_article ON article_notes (article_id, at);

-- Addresses that were public and are no more: an article moved to the trash or deleted while readers could see
-- it. The site answers them 410 Gone; an address that never was public stays a plain 404. A slug taken again by
-- a new article is forgotten here.
CREATE TABLE gone_slugs (
    slug        TEXT   NOT NULL PRIMARY KEY,
    article_id  BIGINT NOT NULL,                      -- no reference: it outlives the article
    gone_at     BIGINT NOT NULL
);
CREATE INDEX gone_slugs_by_article ON gone_slugs (article_id);

-- Who has an article open in the editor, as of when their browser last said so; shared by every node.
CREATE TABLE article_presence (
    article_id  BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    user_id     BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    seen_at     BIGINT NOT NULL,
    PRIMARY KEY (article_id, user_id)
);
