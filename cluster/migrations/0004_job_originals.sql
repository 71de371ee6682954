-- sohoa cluster coordinator, schema 4: the same scan stored once across a cluster's hồ sơ, as
-- in the embedded ingest (DESIGN.md §8). Applied once by `cluster::migrate`; never edited
-- after release.

-- An ingest job's originals, hashed when the job is enqueued and decided for a whole batch
-- in one transaction under the enqueue lock (an advisory lock). `claims` maps each content
-- digest the job will store to its place (`box/path`), so that a batch enqueued while the
-- job is open does not store that content again. `elsewhere` maps each digest of the hồ sơ
-- that is stored already, or comes first in another hồ sơ (earlier in the batch, or claimed
-- by an open job), to that place: the worker reports such a file as a second copy and does
-- not store it. NULL for verify jobs and for jobs enqueued before this schema (those
-- deduplicate within their hồ sơ only).
ALTER TABLE jobs ADD COLUMN claims jsonb;
ALTER TABLE jobs ADD COLUMN elsewhere jsonb;
