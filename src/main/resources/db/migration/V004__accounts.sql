-- Newsroom accounts: who may enter the admin, how they prove it, and what they did there.
-- Times are epoch milliseconds, as everywhere. Secrets a visitor holds (session cookies, link tokens, recovery
-- codes) are stored only as SHA-256 hashes: someone reading the database cannot act with them.

-- An account; its public face (name on articles, bio, avatar, links) is its author profile.
CREATE TABLE users (
    id             ${id_pk},
    email          TEXT   NOT NULL UNIQUE,          -- lower-cased
    display_name   TEXT   NOT NULL,
    role           TEXT   NOT NULL CHECK (role IN ('administrator', 'editor', 'author', 'contributor')),
    status         TEXT   NOT NULL CHECK (status IN ('invited', 'active', 'disabled')),
    password_hash  TEXT,                            -- argon2id (PHC string); null until the invitation is taken
    author_id      BIGINT NOT NULL UNIQUE REFERENCES authors (id),
    totp_secret    TEXT,                            -- base32; null when no second factor is enrolled
    totp_last_step BIGINT NOT NULL DEFAULT 0,       -- the last time step accepted: a code works once
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL
);

-- Ten single-use codes for when the phone is lost.
CREATE TABLE recovery_codes (
    user_id    BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash  TEXT   NOT NULL,
    used_at    BIGINT,
    PRIMARY KEY (user_id, code_hash)
);

-- Sessions, shared by every node. 'second-factor' is half-way: the password was right, the code is still due.
CREATE TABLE sessions (
    id_hash       TEXT   NOT NULL PRIMARY KEY,
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    stage         TEXT   NOT NULL CHECK (stage IN ('second-factor', 'signed-in')),
    created_at    BIGINT NOT NULL,
    last_seen_at  BIGINT NOT NULL,
    expires_at    BIGINT NOT NULL,                  -- the absolute limit; the idle limit counts from last_seen_at
    ip            TEXT   NOT NULL,
    user_agent    TEXT   NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Links sent by email or printed at start: set up the first administrator, accept an invitation, reset a
-- password. Single use (used_at), expiring.
CREATE TABLE one_time_links (
    token_hash  TEXT   NOT NULL PRIMARY KEY,
    purpose     TEXT   NOT NULL CHECK (purpose IN ('setup', 'invitation', 'password-reset')),
    user_id     BIGINT REFERENCES users (id) ON DELETE CASCADE,  -- null for setup
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT
);
CREATE INDEX one_time_links_by_user ON one_time_links (user_id);

-- Failed sign-ins, by account (the email typed, known or not) and by IP: the throttle counts recent rows, so it
-- holds across nodes.
CREATE TABLE sign_in_failures (
    scope    TEXT   NOT NULL CHECK (scope IN ('account', 'ip')),
    subject  TEXT   NOT NULL,
    at       BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_by_subject ON sign_in_failures (scope, subject, at);

-- What happened in the newsroom: who (user_id, and actor as it was then), when, from where, what.
-- about_user_id is the account the entry concerns (a failed sign-in, a lock-out, a role change), so its owner
-- sees it too.
CREATE TABLE activity (
    id             ${id_pk},
    at             BIGINT NOT NULL,
    user_id        BIGINT REFERENCES users (id) ON DELETE SET NULL,
    actor          TEXT   NOT NULL,
    action         TEXT   NOT NULL,
    subject        TEXT   NOT NULL DEFAULT '',
    detail         TEXT   NOT NULL DEFAULT '',
    ip             TEXT   NOT NULL DEFAULT '',
    about_user_id  BIGINT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX activity_by_time ON activity (at);
CREATE INDEX activity_by_about ON activity (about_user_id, at);
CREATE INDEX activity_by_action ON activity (action, at);

-- An author's links (website, social profiles), one URL per line.
ALTER TABLE authors ADD COLUMN links TEXT NOT NULL DEFAULT '';
