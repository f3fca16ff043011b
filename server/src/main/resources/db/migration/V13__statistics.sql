-- Public statistics (GET /statistics), kept from the case events rather than counted over the cases at each request.
--
-- 1. case_file gains the facts of the body's first response, fixed when it happens: when (responded_at), how long
--    it took in the service's unit (response_days: calendar days for complaints and orders, working days for
--    information requests) and whether it came by the due date then in force (responded_on_time).
-- 2. statistics_backlog: one row per case event not yet counted, written by the ledger in the event's transaction.
-- 3. case_statistics: what each case counts for now (its group and a bit per figure), so that a recount replaces a
--    case's contribution instead of adding to it: an event counted twice or a case recounted changes nothing.
-- 4. statistics_cell: the sums of those contributions per service, month received, body, region, kind and category,
--    plus the durations day by day up to 60 days and in bands above (d0..d60, then 61-90, 91-120, 121-180,
--    181-365, over 365 as d61..d65); statistics_refusal: refusals per ground, per cell.
-- 5. statistics_progress: the single row the counting job holds while it runs, so that one instance counts at a time.

ALTER TABLE case_file
    ADD COLUMN responded_at      TIMESTAMP(6) NULL,
    ADD COLUMN response_days     INT          NULL,
    ADD COLUMN responded_on_time BOOLEAN      NULL;

CREATE TABLE statistics_backlog (
    event_id BIGINT NOT NULL PRIMARY KEY,
    case_id  BIGINT NOT NULL
) ENGINE = InnoDB;

CREATE TABLE case_statistics (
    case_id           BIGINT      NOT NULL PRIMARY KEY,
    service           VARCHAR(32) NOT NULL,
    month             DATE        NOT NULL,
    institution_id    BIGINT      NOT NULL,
    office_id         BIGINT      NOT NULL,
    region_id         BIGINT      NOT NULL,
    kind              VARCHAR(40) NOT NULL,
    category_id       BIGINT      NOT NULL,
    figures           BIGINT      NOT NULL,
    response_days     INT         NULL,
    refusal_ground_id BIGINT      NULL,
    -- the first day the case is overdue while it owes an answer; null when it owes none
    overdue_from      DATE        NULL,
    INDEX ix_case_statistics_overdue (overdue_from, service, month, institution_id, office_id, region_id, kind, category_id)
) ENGINE = InnoDB;

CREATE TABLE statistics_cell (
    service           VARCHAR(32) NOT NULL,
    month             DATE        NOT NULL,
    institution_id    BIGINT      NOT NULL,
    office_id         BIGINT      NOT NULL,
    region_id         BIGINT      NOT NULL,
    kind              VARCHAR(40) NOT NULL,
    category_id       BIGINT      NOT NULL,
    received          INT NOT NULL DEFAULT 0,
    responded         INT NOT NULL DEFAULT 0,
    responded_on_time INT NOT NULL DEFAULT 0,
    response_days     BIGINT NOT NULL DEFAULT 0,
    rejected          INT NOT NULL DEFAULT 0,
    rated             INT NOT NULL DEFAULT 0,
    score1            INT NOT NULL DEFAULT 0,
    score2            INT NOT NULL DEFAULT 0,
    score3            INT NOT NULL DEFAULT 0,
    score4            INT NOT NULL DEFAULT 0,
    score5            INT NOT NULL DEFAULT 0,
    satisfied         INT NOT NULL DEFAULT 0,
    reopened          INT NOT NULL DEFAULT 0,
    answered          INT NOT NULL DEFAULT 0,
    partially_answered INT NOT NULL DEFAULT 0,
    refused           INT NOT NULL DEFAULT 0,
    transferred       INT NOT NULL DEFAULT 0,
    withdrawn         INT NOT NULL DEFAULT 0,
    internal_filed    INT NOT NULL DEFAULT 0,
    internal_upheld   INT NOT NULL DEFAULT 0,
    internal_rejected INT NOT NULL DEFAULT 0,
    escalation_filed  INT NOT NULL DEFAULT 0,
    escalation_upheld INT NOT NULL DEFAULT 0,
    escalation_rejected INT NOT NULL DEFAULT 0,
    paid              INT NOT NULL DEFAULT 0,
    delivered         INT NOT NULL DEFAULT 0,
    returned          INT NOT NULL DEFAULT 0,
    cancelled         INT NOT NULL DEFAULT 0,
    expired           INT NOT NULL DEFAULT 0,
    d0 INT NOT NULL DEFAULT 0,
    d1 INT NOT NULL DEFAULT 0,
    d2 INT NOT NULL DEFAULT 0,
    d3 INT NOT NULL DEFAULT 0,
    d4 INT NOT NULL DEFAULT 0,
    d5 INT NOT NULL DEFAULT 0,
    d6 INT NOT NULL DEFAULT 0,
    d7 INT NOT NULL DEFAULT 0,
    d8 INT NOT NULL DEFAULT 0,
    d9 INT NOT NULL DEFAULT 0,
    d10 INT NOT NULL DEFAULT 0,
    d11 INT NOT NULL DEFAULT 0,
    d12 INT NOT NULL DEFAULT 0,
    d13 INT NOT NULL DEFAULT 0,
    d14 INT NOT NULL DEFAULT 0,
    d15 INT NOT NULL DEFAULT 0,
    d16 INT NOT NULL DEFAULT 0,
    d17 INT NOT NULL DEFAULT 0,
    d18 INT NOT NULL DEFAULT 0,
    d19 INT NOT NULL DEFAULT 0,
    d20 INT NOT NULL DEFAULT 0,
    d21 INT NOT NULL DEFAULT 0,
    d22 INT NOT NULL DEFAULT 0,
    d23 INT NOT NULL DEFAULT 0,
    d24 INT NOT NULL DEFAULT 0,
    d25 INT NOT NULL DEFAULT 0,
    d26 INT NOT NULL DEFAULT 0,
    d27 INT NOT NULL DEFAULT 0,
    d28 INT NOT NULL DEFAULT 0,
    d29 INT NOT NULL DEFAULT 0,
    d30 INT NOT NULL DEFAULT 0,
    d31 INT NOT NULL DEFAULT 0,
    d32 INT NOT NULL DEFAULT 0,
    d33 INT NOT NULL DEFAULT 0,
    d34 INT NOT NULL DEFAULT 0,
    d35 INT NOT NULL DEFAULT 0,
    d36 INT NOT NULL DEFAULT 0,
    d37 INT NOT NULL DEFAULT 0,
    d38 INT NOT NULL DEFAULT 0,
    d39 INT NOT NULL DEFAULT 0,
    d40 INT NOT NULL DEFAULT 0,
    d41 INT NOT NULL DEFAULT 0,
    d42 INT NOT NULL DEFAULT 0,
    d43 INT NOT NULL DEFAULT 0,
    d44 INT NOT NULL DEFAULT 0,
    d45 INT NOT NULL DEFAULT 0,
    d46 INT NOT NULL DEFAULT 0,
    d47 INT NOT NULL DEFAULT 0,
    d48 INT NOT NULL DEFAULT 0,
    d49 INT NOT NULL DEFAULT 0,
    d50 INT NOT NULL DEFAULT 0,
    d51 INT NOT NULL DEFAULT 0,
    d52 INT NOT NULL DEFAULT 0,
    d53 INT NOT NULL DEFAULT 0,
    d54 INT NOT NULL DEFAULT 0,
    d55 INT NOT NULL DEFAULT 0,
    d56 INT NOT NULL DEFAULT 0,
    d57 INT NOT NULL DEFAULT 0,
    d58 INT NOT NULL DEFAULT 0,
    d59 INT NOT NULL DEFAULT 0,
    d60 INT NOT NULL DEFAULT 0,
    d61 INT NOT NULL DEFAULT 0,
    d62 INT NOT NULL DEFAULT 0,
    d63 INT NOT NULL DEFAULT 0,
    d64 INT NOT NULL DEFAULT 0,
    d65 INT NOT NULL DEFAULT 0,
    PRIMARY KEY (service, month, institution_id, office_id, region_id, kind, category_id),
    INDEX ix_statistics_cell_institution (institution_id, service, month),
    INDEX ix_statistics_cell_office (office_id, service, month),
    INDEX ix_statistics_cell_region (region_id, service, month)
) ENGINE = InnoDB;

CREATE TABLE statistics_refusal (
    service           VARCHAR(32) NOT NULL,
    month             DATE        NOT NULL,
    institution_id    BIGINT      NOT NULL,
    office_id         BIGINT      NOT NULL,
    region_id         BIGINT      NOT NULL,
    kind              VARCHAR(40) NOT NULL,
    category_id       BIGINT      NOT NULL,
    refusal_ground_id BIGINT      NOT NULL,
    refused           INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (service, month, institution_id, office_id, region_id, kind, category_id, refusal_ground_id)
) ENGINE = InnoDB;

CREATE TABLE statistics_progress (
    name         VARCHAR(32)  NOT NULL PRIMARY KEY,
    counted_up_to TIMESTAMP(6) NOT NULL,
    holder       VARCHAR(64)  NULL
) ENGINE = InnoDB;

INSERT INTO statistics_progress (name, counted_up_to) VALUES ('statistics', UTC_TIMESTAMP(6));

-- Cases that responded before this migration: the time of the first response, from its event (their duration and
-- punctuality were not recorded, so they count as responded without either).
UPDATE case_file f JOIN (
        SELECT e.case_id, MIN(e.occurred_at) AS first_response
        FROM case_event e JOIN case_file c ON c.id = e.case_id
        WHERE (c.service IN ('COMPLAINTS', 'INFORMATION_REQUESTS') AND e.type IN ('ANSWERED', 'PARTIALLY_ANSWERED', 'REFUSED'))
           OR (c.service = 'DOCUMENT_ORDERS' AND e.type = 'DELIVERED')
        GROUP BY e.case_id) r ON r.case_id = f.id
SET f.responded_at = r.first_response;

-- Every case that exists now is counted once by the job's first runs.
INSERT INTO statistics_backlog (event_id, case_id)
SELECT MAX(e.id), e.case_id FROM case_event e GROUP BY e.case_id;
