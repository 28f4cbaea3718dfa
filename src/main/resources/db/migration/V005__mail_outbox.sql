-- Mail waiting to be sent, written in the transaction of what it tells about (an invitation and its mail commit
-- together, or neither). Any node may send a row: it claims it first by moving claimed_until into the future with
-- a conditional UPDATE, so two nodes never send the same one. A node that dies mid-send leaves a claim that runs
-- out, and another node sends it then. Times are epoch milliseconds.
CREATE TABLE mail_outbox (
    id             ${id_pk},
    recipient      TEXT    NOT NULL,
    subject        TEXT    NOT NULL,
    body           TEXT    NOT NULL,                 -- emptied once sent or given up: links in it are secrets
    status         TEXT    NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'sent', 'given-up')),
    created_at     BIGINT  NOT NULL,
    due_at         BIGINT  NOT NULL,                 -- the next attempt, no earlier
    claimed_until  BIGINT  NOT NULL DEFAULT 0,       -- a node is sending it until then
    claim          TEXT    NOT NULL DEFAULT '',      -- which claim: only its holder may record the outcome
    attempts       INTEGER NOT NULL DEFAULT 0,
    last_error     TEXT    NOT NULL DEFAULT '',
    finished_at    BIGINT                            -- sent or given up; pruned some days later
);
CREATE INDEX mail_outbox_due ON mail_outbox (status, due_at);
CREATE INDEX mail_outbox_finished ON mail_outbox (finished_at);
