-- Tasks, tombstones and the sync bookkeeping. Portable SQL (SQLite and PostgreSQL); ids are UUID
-- strings, times epoch milliseconds. See docs/sync.md for the cursor, merge and pruning rules.

-- One row per task id ever created, live or deleted: the primary key makes task ids global, so
-- a create can never take over another user's task or a tombstone. A deletion keeps the row as a
-- tombstone (deleted = TRUE, content cleared) so sync can deliver it.
CREATE TABLE tasks (
    id              VARCHAR(36)  PRIMARY KEY,
    user_id         VARCHAR(36)  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title           TEXT         NOT NULL,
    -- Lower-cased copies (Java, Locale.ROOT) for case-insensitive search and sort on both databases.
    title_key       TEXT         NOT NULL,
    description     TEXT         NOT NULL,
    description_key TEXT         NOT NULL,
    completed       BOOLEAN      NOT NULL,
    completed_at    BIGINT,
    priority        SMALLINT     NOT NULL,
    tags            TEXT         NOT NULL,
    due_at          BIGINT,
    created_at      BIGINT       NOT NULL,
    updated_at      BIGINT       NOT NULL,
    version         BIGINT       NOT NULL,
    -- The user's change sequence number of the task's latest change: the sync cursor orders by it.
    seq             BIGINT       NOT NULL,
    deleted         BOOLEAN      NOT NULL,
    -- Per-field stamps: the task version at which each field last changed. A sync update based on
    -- version B may apply a field whose stamp is <= B; a larger stamp means someone else changed it.
    title_v         BIGINT       NOT NULL,
    description_v   BIGINT       NOT NULL,
    completed_v     BIGINT       NOT NULL,
    priority_v      BIGINT       NOT NULL,
    tags_v          BIGINT       NOT NULL,
    due_at_v        BIGINT       NOT NULL
);
CREATE UNIQUE INDEX tasks_by_user_seq ON tasks (user_id, seq);
CREATE INDEX tasks_by_user_created ON tasks (user_id, deleted, created_at);

-- Lower-cased tags of live tasks, for the tag= filter.
CREATE TABLE task_tags (
    task_id  VARCHAR(36) NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    user_id  VARCHAR(36) NOT NULL,
    tag_key  VARCHAR(200) NOT NULL,
    PRIMARY KEY (task_id, tag_key)
);
CREATE INDEX task_tags_by_user_tag ON task_tags (user_id, tag_key);

-- Per user: the last change sequence number handed out, and the newest sequence number whose
-- tombstone was pruned (a cursor below it can no longer be served as a delta). Every write
-- locks this row first, so one user's writers queue and sequence numbers commit in order.
CREATE TABLE sync_state (
    user_id     VARCHAR(36) PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    last_seq    BIGINT      NOT NULL,
    pruned_seq  BIGINT      NOT NULL
);

-- Mutation ids already applied, per user, so a resent batch answers "duplicate".
CREATE TABLE applied_mutations (
    user_id      VARCHAR(36) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    mutation_id  VARCHAR(36) NOT NULL,
    task_id      VARCHAR(36) NOT NULL,
    applied_at   BIGINT      NOT NULL,
    PRIMARY KEY (user_id, mutation_id)
);
CREATE INDEX applied_mutations_by_time ON applied_mutations (applied_at);

-- Ids of tombstones pruned after the retention period: still never reusable by a create.
CREATE TABLE retired_task_ids (
    id  VARCHAR(36) PRIMARY KEY
);
