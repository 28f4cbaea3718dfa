-- The desk (PostgreSQL): articles may be in the trash, may be pages, carry SEO overrides; revisions, notes, gone
-- addresses and presence. The SQLite twin is db/sqlite/V007__desk.sql, which must rebuild `articles` to change
-- its CHECK; the tables below the ALTERs are the same text in both. Runs in Flyway's transaction.
ALTER TABLE articles DROP CONSTRAINT articles_status_check;
ALTER TABLE articles ADD CONSTRAINT articles_status_check
    CHECK (status IN ('draft', 'pending', 'scheduled', 'published', 'private', 'trash'));
ALTER TABLE articles ADD COLUMN kind TEXT NOT NULL DEFAULT 'article' CHECK (kind IN ('article', 'page'));
ALTER TABLE articles ADD COLUMN seo_title TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN seo_description TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN trashed_at BIGINT;
ALTER TABLE articles ADD COLUMN status_before_trash TEXT
    CHECK (status_before_trash IN ('draft', 'pending', 'scheduled', 'published', 'private'));
-- pages belong to no section; articles always to one
ALTER TABLE articles ALTER COLUMN section_id DROP NOT NULL;
ALTER TABLE articles ADD CONSTRAINT articles_section_unless_page CHECK (kind = 'page' OR section_id IS NOT NULL);

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
