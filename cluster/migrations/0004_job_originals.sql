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

-- The originals each object's head version holds, by content: written by every commit of a
-- job in its transaction, so that an enqueue finds the stored copies of its scans by digest
-- without reading the store. `objects.originals_known` says whether an object's rows are
-- those of its head; an object committed otherwise (found in the store, or committed by a
-- run that found another's version) is read from the store at the next enqueue.
CREATE TABLE originals (
    object_id text NOT NULL REFERENCES objects (object_id),
    place     text NOT NULL,
    sha256    text NOT NULL,
    PRIMARY KEY (object_id, place)
);
CREATE INDEX originals_by_content ON originals (sha256);
ALTER TABLE objects ADD COLUMN originals_known boolean NOT NULL DEFAULT false;
