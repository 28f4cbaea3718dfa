-- Reader comments (issue 9). One row per comment, whatever became of it: the moderation queue lists pending,
-- approved, spam and trash; `reason` says why the rules decided what they did (shown in the queue).
CREATE TABLE comments (
    id            ${id_pk},
    article_id    BIGINT  NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    parent_id     BIGINT  REFERENCES comments (id) ON DELETE SET NULL,  -- the comment replied to; NULL: top level
    thread_id     BIGINT  NOT NULL DEFAULT 0,      -- the top-level comment of its thread (its own id at the top)
    depth         INTEGER NOT NULL DEFAULT 1,      -- 1 at the top level
    author_name   TEXT    NOT NULL,
    author_email  TEXT    NOT NULL,                -- lower case; never shown on a public page
    author_url    TEXT    NOT NULL DEFAULT '',
    author_ip     TEXT    NOT NULL DEFAULT '',     -- for moderation only; emptied after the retention period
    user_agent    TEXT    NOT NULL DEFAULT '',
    user_id       BIGINT  REFERENCES users (id) ON DELETE SET NULL,  -- a signed-in member of staff
    body          TEXT    NOT NULL,                -- as typed
    body_html     TEXT    NOT NULL,                -- paragraphs and the small allow-list, sanitised when saved
    status        TEXT    NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
    trashed_from  TEXT,                            -- the status a trashed comment is restored to
    reason        TEXT    NOT NULL DEFAULT '',
    notify        INTEGER NOT NULL DEFAULT 0,      -- 1: mail the commenter when someone replies
    created_at    BIGINT  NOT NULL,
    updated_at    BIGINT  NOT NULL,
    version       BIGINT  NOT NULL DEFAULT 1
);
-- an article's public thread, a page of top-level comments at a time, and its count: one index range each
CREATE INDEX comments_thread ON comments (article_id, status, parent_id, created_at, id);
CREATE INDEX comments_by_thread ON comments (thread_id, status, created_at, id);
-- the moderation queue: newest first, by status
CREATE INDEX comments_queue ON comments (status, created_at DESC, id DESC);
-- the commenter's history, "previously approved", duplicates
CREATE INDEX comments_by_email ON comments (author_email, status, created_at);
CREATE INDEX comments_by_ip ON comments (author_ip, created_at);

-- The 15-second flood rule, per IP and per email: one row per subject with the time of its last accepted
-- comment, taken with a conditional upsert so two writers at once (two nodes) cannot both pass.
CREATE TABLE comment_flood (
    subject  TEXT   PRIMARY KEY,                   -- 'ip:…' or 'email:…'
    last_at  BIGINT NOT NULL
);

-- A token bucket per IP, held in the database so every node draws from the same one; tokens in thousandths.
CREATE TABLE comment_buckets (
    ip          TEXT   PRIMARY KEY,
    millitokens BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

-- Articles whose discussion an editor closed (the age rule closes the others, when it is on).
CREATE TABLE comment_closed (
    article_id  BIGINT NOT NULL PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    closed_at   BIGINT NOT NULL
);
