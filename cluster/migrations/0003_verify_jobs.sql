-- sohoa cluster coordinator, schema 2: verify jobs beside ingest jobs (DESIGN.md §8).
-- Applied once by `cluster::migrate`; never edited after release.

-- What a job does. An ingest job reads one hồ sơ into its object (box_path, box_name, hoso,
-- object_id as before); a verify job checks a batch of stored objects in full, the storage
-- keys of their roots in `options` (objects a hồ sơ of no box may hold, or none the object
-- table knows), and records its report as its outcome. Both are leased, fenced and
-- reclaimed alike.
CREATE TYPE job_kind AS ENUM ('ingest', 'verify');
ALTER TABLE jobs ADD COLUMN kind job_kind NOT NULL DEFAULT 'ingest';
ALTER TABLE jobs ALTER COLUMN box_path DROP NOT NULL;
ALTER TABLE jobs ALTER COLUMN box_name DROP NOT NULL;
ALTER TABLE jobs ALTER COLUMN hoso DROP NOT NULL;
ALTER TABLE jobs ALTER COLUMN object_id DROP NOT NULL;
ALTER TABLE jobs ADD CONSTRAINT jobs_kind_fields CHECK (
    (kind = 'ingest' AND box_path IS NOT NULL AND box_name IS NOT NULL AND hoso IS NOT NULL
        AND object_id IS NOT NULL)
    OR (kind = 'verify' AND object_id IS NULL)
);
