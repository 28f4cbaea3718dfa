-- Keys for the API, made by each person for their scripts and apps on their profile: application passwords (sent
-- with the account's email over HTTP Basic, as WordPress's are) and personal tokens (sent as a Bearer token).
-- Only the SHA-256 of the secret is kept: the secret is shown once, when the key is made. A key acts as its
-- account with that account's role as it is at each request, limited to reading when its scope is 'read'.
CREATE TABLE api_keys (
    id            ${id_pk},
    user_id       BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind          TEXT   NOT NULL CHECK (kind IN ('application-password', 'personal-token')),
    label         TEXT   NOT NULL,
    secret_hash   TEXT   NOT NULL UNIQUE,
    hint          TEXT   NOT NULL,                 -- the secret's last 4 characters, to tell keys apart
    scope         TEXT   NOT NULL CHECK (scope IN ('read', 'write')),
    created_at    BIGINT NOT NULL,
    last_used_at  BIGINT,                          -- written at most once a minute
    last_used_ip  TEXT   NOT NULL DEFAULT '',
    UNIQUE (user_id, label)
);
