-- The public statistics are answered from memory (StatisticsCube): each instance holds the sums of every cell (some
-- 50,000 rows at a million cases over three years) and reads only the rows that changed since it last read them.
--
-- 1. statistics_progress.version: the counting job adds one in every batch that changes a figure, in that batch's
--    transaction, and stamps every row it writes with it; an instance reads the rows of versions it has not seen,
--    in one consistent snapshot with the version itself.
-- 2. statistics_overdue: how many cases of a cell become overdue on each date, kept by the job from the per-case
--    overdue dates (case_statistics.overdue_from), so that "overdue today" is a sum over the dates up to today.
-- 3. The coarser sums of V15 and V16 (by body, body and month, kind and month, region and month) go: memory answers
--    any grouping from the cells, and the job no longer writes five tables per batch. So does the index the overdue
--    count used on case_statistics.

ALTER TABLE statistics_progress ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

ALTER TABLE statistics_cell
    ADD COLUMN version BIGINT NOT NULL DEFAULT 0,
    ADD INDEX ix_statistics_cell_version (version);

ALTER TABLE statistics_refusal
    ADD COLUMN version BIGINT NOT NULL DEFAULT 0,
    ADD INDEX ix_statistics_refusal_version (version);

CREATE TABLE statistics_overdue (
    service        VARCHAR(32) NOT NULL,
    month          DATE        NOT NULL,
    institution_id BIGINT      NOT NULL,
    office_id      BIGINT      NOT NULL,
    region_id      BIGINT      NOT NULL,
    kind           VARCHAR(40) NOT NULL,
    category_id    BIGINT      NOT NULL,
    overdue_from   DATE        NOT NULL,
    cases          INT         NOT NULL,
    version        BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (service, month, institution_id, office_id, region_id, kind, category_id, overdue_from),
    INDEX ix_statistics_overdue_version (version)
) ENGINE = InnoDB;

INSERT INTO statistics_overdue (service, month, institution_id, office_id, region_id, kind, category_id, overdue_from, cases)
SELECT service, month, institution_id, office_id, region_id, kind, category_id, overdue_from, COUNT(*)
FROM case_statistics
WHERE overdue_from IS NOT NULL
GROUP BY service, month, institution_id, office_id, region_id, kind, category_id, overdue_from;

DROP TABLE statistics_body;
DROP TABLE statistics_body_month;
DROP TABLE statistics_kind_month;
DROP TABLE statistics_region_month;

ALTER TABLE case_statistics DROP INDEX ix_case_statistics_overdue;
