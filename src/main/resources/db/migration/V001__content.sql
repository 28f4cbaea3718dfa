-- The content model: media, people who write, sections and tags, articles.
-- Times are milliseconds since the epoch (UTC) in BIGINT columns: the same type, index order and arithmetic on
-- SQLite and PostgreSQL. ${id_pk} is an auto-numbered primary key in each dialect (see Database.Dialect).

CREATE TABLE media (
    id          ${id_pk},
    path        TEXT    NOT NULL UNIQUE,      -- storage key of the original, e.g. 2026/11/moscow-talks-3fa2b1.jpg
    mime_type   TEXT    NOT NULL,
    width       INTEGER NOT NULL,
    height      INTEGER NOT NULL,
    variants    TEXT    NOT NULL DEFAULT '',  -- widths of the scaled copies, ascending, e.g. '480,800'
    alt         TEXT    NOT NULL DEFAULT '',
    caption     TEXT    NOT NULL DEFAULT '',
    credit      TEXT    NOT NULL DEFAULT '',
    created_at  BIGINT  NOT NULL
);

CREATE TABLE authors (
    id               ${id_pk},
    slug             TEXT   NOT NULL UNIQUE,
    display_name     TEXT   NOT NULL,
    bio              TEXT   NOT NULL DEFAULT '',
    avatar_media_id  BIGINT REFERENCES media (id) ON DELETE SET NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);

CREATE TABLE sections (
    id           ${id_pk},
    slug         TEXT    NOT NULL UNIQUE,
    name         TEXT    NOT NULL,
    description  TEXT    NOT NULL DEFAULT '',
    parent_id    BIGINT  REFERENCES sections (id) ON DELETE RESTRICT,
    position     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tags (
    id           ${id_pk},
    slug         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE articles (
    id                 ${id_pk},
    slug               TEXT   NOT NULL UNIQUE,
    title              TEXT   NOT NULL,
    dek                TEXT   NOT NULL DEFAULT '',
    body_markdown      TEXT   NOT NULL DEFAULT '',
    body_html          TEXT   NOT NULL DEFAULT '',   -- rendered and sanitised when saved
    excerpt            TEXT   NOT NULL DEFAULT '',
    featured_media_id  BIGINT REFERENCES media (id) ON DELETE SET NULL,
    status             TEXT   NOT NULL CHECK (status IN ('draft', 'pending', 'scheduled', 'published', 'private')),
    section_id         BIGINT NOT NULL REFERENCES sections (id) ON DELETE RESTRICT,
    published_at       BIGINT,                       -- set once scheduled or published
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL
);

-- home page and the latest lists: newest published first
CREATE INDEX articles_by_status_date ON articles (status, published_at DESC, id DESC);
-- section archives
CREATE INDEX articles_by_section ON articles (section_id, status, published_at DESC, id DESC);

-- Bylines, in order. published_at and status are copied from the article so an author archive is one ordered
-- index range instead of a join-then-sort over every article the author wrote.
CREATE TABLE article_authors (
    article_id    BIGINT  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    author_id     BIGINT  NOT NULL REFERENCES authors (id) ON DELETE RESTRICT,
    position      INTEGER NOT NULL,
    status        TEXT    NOT NULL,
    published_at  BIGINT,
    PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_authors_archive ON article_authors (author_id, status, published_at DESC, article_id DESC);

CREATE TABLE article_tags (
    article_id    BIGINT  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    tag_id        BIGINT  NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    status        TEXT    NOT NULL,
    published_at  BIGINT,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_archive ON article_tags (tag_id, status, published_at DESC, article_id DESC);

-- Slugs an article answered to before; the site answers them with a 301 to the current URL.
CREATE TABLE article_old_slugs (
    slug        TEXT   NOT NULL PRIMARY KEY,
    article_id  BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);

-- The change feed: every committed write appends one row naming the keys it changed. Page caches, search
-- indexes and other nodes follow it by id.
CREATE TABLE changes (
    id      ${id_pk},
    at      BIGINT NOT NULL,
    kind    TEXT   NOT NULL,
    keys    TEXT   NOT NULL   -- space-separated cache keys, e.g. 'article:12 list:home list:section:3'
);
