-- Webhooks: addresses administrators register to be told when articles and comments change. A delivery row is
-- written in the transaction of the change it tells of (both commit, or neither), and any node may send it: it
-- claims the row first with a conditional UPDATE, as the mail outbox does, so a delivery goes out once across the
-- cluster (at least once: a node that dies mid-send leaves a claim that runs out, and it is sent again then).
CREATE TABLE webhooks (
    id          ${id_pk},
    url         TEXT    NOT NULL,
    secret      TEXT    NOT NULL,                 -- signs each delivery (HMAC-SHA256); the receiver holds it too
    active      INTEGER NOT NULL DEFAULT 1,       -- 0: paused, nothing is queued for it
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);

-- The events a webhook is sent, one row each.
CREATE TABLE webhook_events (
    webhook_id  BIGINT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event       TEXT   NOT NULL,
    PRIMARY KEY (webhook_id, event)
);
CREATE INDEX webhook_events_by_event ON webhook_events (event, webhook_id);

CREATE TABLE webhook_deliveries (
    id             ${id_pk},
    webhook_id     BIGINT  NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event          TEXT    NOT NULL,
    payload        TEXT    NOT NULL,                 -- the JSON body, as signed and sent
    status         TEXT    NOT NULL DEFAULT 'waiting' CHECK (status IN ('waiting', 'delivered', 'given-up')),
    created_at     BIGINT  NOT NULL,
    due_at         BIGINT  NOT NULL,
    claimed_until  BIGINT  NOT NULL DEFAULT 0,
    claim          TEXT    NOT NULL DEFAULT '',
    attempts       INTEGER NOT NULL DEFAULT 0,
    last_status    INTEGER,                          -- the receiver's HTTP status at the last attempt
    last_error     TEXT    NOT NULL DEFAULT '',
    finished_at    BIGINT
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, due_at);
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, created_at);
CREATE INDEX webhook_deliveries_finished ON webhook_deliveries (finished_at);
