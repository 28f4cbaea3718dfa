-- Comment mail goes out once (issue 9): `mailed` is set, conditionally, by the transaction that queues the mail of
-- a comment's approval, so approving it again after an unapprove mails no one twice. `answers` is the comment the
-- reader replied to: past the deepest level the reply is stored beside it (parent_id is its parent), and the
-- follow-up mail still goes to the person answered.
ALTER TABLE comments ADD COLUMN mailed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN answers BIGINT;
