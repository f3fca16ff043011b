-- API keys are stored as their public prefix and the SHA-256 of the whole key; the key itself is shown once.
CREATE TABLE api_key (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    prefix         VARCHAR(32)  NOT NULL,
    secret_hash    CHAR(64)     NOT NULL,
    name           VARCHAR(120) NOT NULL,
    role           VARCHAR(20)  NOT NULL,
    institution_id BIGINT       NULL,
    office_id      BIGINT       NULL,
    created_at     TIMESTAMP(6) NOT NULL,
    last_used_at   TIMESTAMP(6) NULL,
    revoked_at     TIMESTAMP(6) NULL,
    CONSTRAINT uq_api_key_prefix UNIQUE (prefix),
    CONSTRAINT fk_api_key_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    CONSTRAINT fk_api_key_office FOREIGN KEY (office_id) REFERENCES civil_status_office (id),
    INDEX ix_api_key_institution (institution_id, id),
    INDEX ix_api_key_office (office_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A creating POST with an Idempotency-Key stores its response in the same transaction as what it created, so a
-- retry (on any instance) replays it and nothing is created twice.
CREATE TABLE idempotency_record (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    scope          VARCHAR(100)  NOT NULL,
    idem_key       VARCHAR(128)  NOT NULL,
    request_hash   CHAR(64)      NOT NULL,
    status_code    INT           NOT NULL,
    location       VARCHAR(2048) NULL,
    etag           VARCHAR(64)   NULL,
    response_body  MEDIUMTEXT    NULL,
    created_at     TIMESTAMP(6)  NOT NULL,
    CONSTRAINT uq_idempotency UNIQUE (scope, idem_key),
    INDEX ix_idempotency_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Fixed-window counters of the limits that stop guessing (tracking look-ups); in the database so that they hold
-- across instances.
CREATE TABLE rate_limit_counter (
    bucket       VARCHAR(200) NOT NULL PRIMARY KEY,
    window_start BIGINT       NOT NULL,
    hits         INT          NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
