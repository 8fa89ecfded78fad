-- Issue 19: answers are replayed exactly, and the server knows who last wrote each field.
-- Portable SQL (SQLite and PostgreSQL). See docs/sync.md, "Answers" and "The merge rule".

-- The answer each mutation got, kept until the device acknowledges it (push "acknowledged").
-- Rows from before this migration have status NULL: they were applied, nothing more is known,
-- and a resend of one is answered "duplicate" as before.
ALTER TABLE applied_mutations ADD COLUMN status VARCHAR(16);
-- JSON array of the field names kept at the server's value (status 'conflict' only).
ALTER TABLE applied_mutations ADD COLUMN conflicts TEXT;
-- JSON problem object (status 'invalid' only).
ALTER TABLE applied_mutations ADD COLUMN problem TEXT;
-- The task version the mutation left the task at; NULL when there was no task.
ALTER TABLE applied_mutations ADD COLUMN result_version BIGINT;

-- Per-field last writer: the session (one signed-in device) whose write set the field's
-- current value. NULL means not known (written before this migration, by the REST task API,
-- or cleared by a delete): such a field is never taken for the pushing device's own.
ALTER TABLE tasks ADD COLUMN title_by VARCHAR(36);
ALTER TABLE tasks ADD COLUMN description_by VARCHAR(36);
ALTER TABLE tasks ADD COLUMN completed_by VARCHAR(36);
ALTER TABLE tasks ADD COLUMN priority_by VARCHAR(36);
ALTER TABLE tasks ADD COLUMN tags_by VARCHAR(36);
ALTER TABLE tasks ADD COLUMN due_at_by VARCHAR(36);
