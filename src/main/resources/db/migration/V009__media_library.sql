-- The media library: who uploaded each image (authors may change and delete their own uploads; editors anyone's)
-- and the name the file had on their computer (shown and searched; the stored path carries only its slug).
-- Images stored before this migration have no uploader (only editors change them) and no original name.
ALTER TABLE media ADD COLUMN uploaded_by BIGINT REFERENCES users (id) ON DELETE SET NULL;
ALTER TABLE media ADD COLUMN file_name TEXT NOT NULL DEFAULT '';

-- The library lists newest first, all types or one: each an ordered walk of one index, LIMIT and OFFSET on top.
-- The month filter is a range of the same index, and the list of months is one seek per month (MAX below a bound).
CREATE INDEX media_by_date ON media (created_at DESC, id DESC);
CREATE INDEX media_by_type_date ON media (mime_type, created_at DESC, id DESC);
CREATE INDEX media_by_uploader ON media (uploaded_by);
