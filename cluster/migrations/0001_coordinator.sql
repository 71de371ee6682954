-- sohoa cluster coordinator, schema 1 (DESIGN.md §8). Applied once, in one transaction, by
-- `cluster::migrate`; never edited after release: a change is a new numbered file.

-- The object table: one hồ sơ object per (box, hồ sơ), its id assigned when its first job is
-- enqueued, and the head version the coordinator has recorded as committed. A commit holds
-- the object's row lock (SELECT … FOR UPDATE): that row lock is the object lock.
CREATE TABLE objects (
    object_id        text PRIMARY KEY,
    box_name         text NOT NULL,
    hoso             text NOT NULL,
    head_version     text,
    inventory_sha256 text,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (box_name, hoso)
);

CREATE TYPE job_state AS ENUM ('queued', 'leased', 'done', 'failed');

-- One job per hồ sơ. A worker leases a job (state leased, lease_until) and the fencing
-- epoch moves on with every lease: a commit is accepted only under the epoch that leased it.
-- A lease that expires makes the job claimable again.
CREATE TABLE jobs (
    id          bigserial PRIMARY KEY,
    batch       text NOT NULL,
    box_path    text NOT NULL,
    box_name    text NOT NULL,
    hoso        text NOT NULL,
    object_id   text NOT NULL REFERENCES objects (object_id),
    options     jsonb NOT NULL,
    state       job_state NOT NULL DEFAULT 'queued',
    epoch       bigint NOT NULL DEFAULT 0,
    worker      text,
    lease_until timestamptz,
    attempts    integer NOT NULL DEFAULT 0,
    outcome     jsonb,
    error       text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    finished_at timestamptz
);
CREATE INDEX jobs_open ON jobs (id) WHERE state IN ('queued', 'leased');
CREATE INDEX jobs_batch ON jobs (batch);

-- The audit chain's head: every audit append of a worker holds this row's lock, so appends
-- from many machines are serialised; seq and hash are those of the last entry appended.
CREATE TABLE audit_head (
    id         integer PRIMARY KEY CHECK (id = 1),
    seq        bigint NOT NULL,
    hash       text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO audit_head (id, seq, hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Committed versions for the indexer, written in the commit's transaction.
CREATE TABLE outbox (
    id         bigserial PRIMARY KEY,
    object_id  text NOT NULL REFERENCES objects (object_id),
    version    text NOT NULL,
    documents  jsonb NOT NULL,
    removed    jsonb NOT NULL,
    job_id     bigint REFERENCES jobs (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    indexed_at timestamptz
);
CREATE INDEX outbox_pending ON outbox (id) WHERE indexed_at IS NULL;
