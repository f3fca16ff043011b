-- The base every case of the three services shares: a number, a tenant (institution or civil-status office), a
-- status, a due date, a version for If-Match, and the requester's e-mail for tracking. Each service adds its own
-- table keyed by case_file.id. Every change writes a case_event in the same transaction: the timeline, the inbox
-- change feed, e-mail and webhooks all read from it.

CREATE TABLE case_file (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    number          VARCHAR(32)  NOT NULL,
    service         VARCHAR(32)  NOT NULL,
    kind            VARCHAR(40)  NOT NULL,
    status          VARCHAR(40)  NOT NULL,
    institution_id  BIGINT       NULL,
    office_id       BIGINT       NULL,
    requester_email VARCHAR(254) NOT NULL,
    due_date        DATE         NULL,
    final           BOOLEAN      NOT NULL DEFAULT FALSE,
    version         INT          NOT NULL DEFAULT 0,
    submitted_at    TIMESTAMP(6) NOT NULL,
    updated_at      TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_case_number UNIQUE (number),
    CONSTRAINT fk_case_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT fk_case_office FOREIGN KEY (office_id) REFERENCES civil_status_office (id),
    -- inbox lists: per tenant, by service and status, newest first; overdue filter on open cases by due date
    INDEX ix_case_institution_inbox (institution_id, service, status, id),
    INDEX ix_case_office_inbox (office_id, status, id),
    INDEX ix_case_institution_due (institution_id, final, due_date),
    INDEX ix_case_office_due (office_id, final, due_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE case_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id        BIGINT       NOT NULL,
    type           VARCHAR(40)  NOT NULL,
    from_status    VARCHAR(40)  NULL,
    to_status      VARCHAR(40)  NULL,
    actor_kind     VARCHAR(20)  NOT NULL,
    actor_ref      VARCHAR(64)  NULL,
    institution_id BIGINT       NULL,
    office_id      BIGINT       NULL,
    occurred_at    TIMESTAMP(6) NOT NULL,
    data           TEXT         NULL,
    CONSTRAINT fk_case_event_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    INDEX ix_case_event_timeline (case_id, occurred_at, id),
    INDEX ix_case_event_institution_feed (institution_id, occurred_at, id),
    INDEX ix_case_event_office_feed (office_id, occurred_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
