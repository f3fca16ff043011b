-- The version of the public statistics: the counting job adds one in every batch that changes a figure, in that
-- batch's transaction. An answer computed at a version stays true until the next one (and until the day turns, as
-- "overdue" is counted against today), so instances keep answers by it and read one row per request to know
-- whether theirs is current.
ALTER TABLE statistics_progress ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
