-- Access-to-information requests (Law 31-13): what a request adds to its case file, and its appeals. A request
-- escalated to the CDAI is reviewed by that other tenant: case_file.reviewer_institution_id opens it to the CDAI.

ALTER TABLE case_file
    ADD COLUMN reviewer_institution_id BIGINT NULL,
    ADD CONSTRAINT fk_case_reviewer FOREIGN KEY (reviewer_institution_id) REFERENCES institution (id),
    ADD INDEX ix_case_reviewer_inbox (reviewer_institution_id, service, id);

CREATE TABLE information_request (
    case_id               BIGINT        NOT NULL PRIMARY KEY,
    request_type          VARCHAR(20)   NOT NULL,
    urgency_justification TEXT          NULL,
    first_name            VARCHAR(100)  NOT NULL,
    last_name             VARCHAR(100)  NOT NULL,
    id_document_type      VARCHAR(20)   NOT NULL,
    id_document_number    VARCHAR(20)   NOT NULL,
    phone                 VARCHAR(20)   NULL,
    postal_address        VARCHAR(500)  NULL,
    description           TEXT          NOT NULL,
    preferred_format      VARCHAR(30)   NOT NULL,
    -- the answer's clock: the day it started (receipt, transfer, an upheld appeal) and the working days it counts
    clock_started_on      DATE          NOT NULL,
    working_days          INT           NOT NULL,
    extension_days        INT           NULL,
    extension_reason      TEXT          NULL,
    extended_at           TIMESTAMP(6)  NULL,
    answer_text           TEXT          NULL,
    answer_partial        BOOLEAN       NULL,
    fee_minor             BIGINT        NULL,
    fee_currency          CHAR(3)       NULL,
    answered_at           TIMESTAMP(6)  NULL,
    answer_message_id     BIGINT        NULL,
    refusal_ground_id     BIGINT        NULL,
    refusal_justification TEXT          NULL,
    refused_at            TIMESTAMP(6)  NULL,
    CONSTRAINT fk_information_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT fk_information_refusal FOREIGN KEY (refusal_ground_id) REFERENCES refusal_ground (id),
    CONSTRAINT fk_information_answer FOREIGN KEY (answer_message_id) REFERENCES case_message (id),
    INDEX ix_information_clock (clock_started_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE information_appeal (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id       BIGINT        NOT NULL,
    level         VARCHAR(30)   NOT NULL,
    reason        TEXT          NOT NULL,
    filed_at      TIMESTAMP(6)  NOT NULL,
    filed_on      DATE          NOT NULL,
    decide_by     DATE          NULL,
    decision      VARCHAR(20)   NULL,
    decision_text TEXT          NULL,
    decided_at    TIMESTAMP(6)  NULL,
    CONSTRAINT fk_appeal_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT uq_appeal_level UNIQUE (case_id, level)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
