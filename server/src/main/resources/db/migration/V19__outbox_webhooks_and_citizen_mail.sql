-- One outbox, two channels: what must leave the system after a case event (a webhook to an institution's system,
-- an e-mail to the citizen) is written here in the same transaction as the event, and sent afterwards by the
-- outbox sender (platform.outbox). Nothing is lost when the server stops between the change and the sending.
--
-- 1. case_file.language: the language the citizen filed in (Accept-Language at submission), which every e-mail
--    about the case is written in. Null for cases filed before: French, the administration's default.
-- 2. webhook_subscription: an institution's or an office's URL and the event types it wants. The signing secret
--    is kept as issued (HMAC needs the key itself, unlike an API key's hash); during a rotation's overlap the
--    previous one signs too, until previous_secret_expires_at.
-- 3. outbox_message: one message per channel and recipient. message_id is the stable id a receiver de-duplicates
--    on (webhook-id, Message-ID). Senders on several instances or Galera nodes claim due rows by writing
--    claimed_by/claimed_until in a short transaction (SELECT ... FOR UPDATE SKIP LOCKED on one node; the claim
--    write loses certification on a rival node), send with no transaction open, then record the outcome. A
--    sender that died leaves a claim that expires, and the message is sent again (at least once).
--    ix_outbox_due serves the claim; ix_outbox_target a subscription's delivery log, newest first.
-- 4. outbox_attempt: every attempt and its outcome, listed to the institution with its deliveries.

ALTER TABLE case_file
    ADD COLUMN language CHAR(2) NULL;

CREATE TABLE webhook_subscription (
    id                         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    institution_id             BIGINT        NULL,
    office_id                  BIGINT        NULL,
    url                        VARCHAR(2000) NOT NULL,
    description                VARCHAR(200)  NULL,
    -- comma-separated case event types
    event_types                VARCHAR(2000) NOT NULL,
    secret                     VARCHAR(100)  NOT NULL,
    previous_secret            VARCHAR(100)  NULL,
    previous_secret_expires_at TIMESTAMP(6)  NULL,
    enabled                    BOOLEAN       NOT NULL,
    consecutive_failures       INT           NOT NULL DEFAULT 0,
    disabled_at                TIMESTAMP(6)  NULL,
    created_at                 TIMESTAMP(6)  NOT NULL,
    INDEX ix_webhook_institution (institution_id, id),
    INDEX ix_webhook_office (office_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE outbox_message (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_id      VARCHAR(40)  NOT NULL,
    -- WEBHOOK or MAIL
    channel         VARCHAR(10)  NOT NULL,
    -- the webhook subscription; null for e-mail (the address is read from the case when sending, never copied)
    target_id       BIGINT       NULL,
    case_id         BIGINT       NOT NULL,
    event_id        BIGINT       NOT NULL,
    event_type      VARCHAR(40)  NOT NULL,
    -- a webhook's body, fixed at the event; free of personal data (Law 09-08)
    payload         MEDIUMTEXT   NULL,
    -- PENDING, DELIVERED, FAILED
    status          VARCHAR(10)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(6) NOT NULL,
    claimed_by      VARCHAR(64)  NULL,
    claimed_until   TIMESTAMP(6) NULL,
    last_error      VARCHAR(300) NULL,
    created_at      TIMESTAMP(6) NOT NULL,
    delivered_at    TIMESTAMP(6) NULL,
    UNIQUE INDEX uq_outbox_message_id (message_id),
    INDEX ix_outbox_due (status, next_attempt_at),
    INDEX ix_outbox_target (channel, target_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE outbox_attempt (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    outbox_id      BIGINT       NOT NULL,
    attempted_at   TIMESTAMP(6) NOT NULL,
    succeeded      BOOLEAN      NOT NULL,
    status_code    INT          NULL,
    error          VARCHAR(300) NULL,
    duration_ms    INT          NOT NULL,
    INDEX ix_outbox_attempt_message (outbox_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
