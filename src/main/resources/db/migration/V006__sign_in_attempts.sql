-- The throttle counts an attempt before the password or code is checked (so parallel guesses cannot all pass the
-- count), and takes back a successful attempt's own row: each row needs an id. The rows are short-lived
-- throttle state, so the table is made again rather than altered (SQLite cannot add a primary key).
DROP TABLE sign_in_failures;

CREATE TABLE sign_in_failures (
    id       ${id_pk},
    scope    TEXT   NOT NULL CHECK (scope IN ('account', 'ip')),
    subject  TEXT   NOT NULL,
    at       BIGINT NOT NULL
);
CREATE INDEX sign_in_failures_by_subject ON sign_in_failures (scope, subject, at);
