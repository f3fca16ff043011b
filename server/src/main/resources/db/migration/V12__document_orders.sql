-- Civil-status document orders (watiqa): what an order adds to its case file (the birth act, the delivery address,
-- the fee the server computed, its payment and refund), the provider's payment notifications (one row per
-- transaction id, so that a notification sent twice changes nothing), which offices take orders online, and the
-- hand-over to the postal operator, which opens an order to that operator and to no one else.

ALTER TABLE civil_status_office
    ADD COLUMN accepts_online_orders BOOLEAN NOT NULL DEFAULT TRUE;

-- The postal operator is no tenant: it sees an order once the office has handed it to the post, from then on.
ALTER TABLE case_file
    ADD COLUMN handed_to_post_at TIMESTAMP(6) NULL,
    ADD INDEX ix_case_postal_inbox (service, handed_to_post_at, id);

CREATE TABLE document_order (
    case_id               BIGINT        NOT NULL PRIMARY KEY,
    document_type_id      BIGINT        NOT NULL,
    copies                INT           NOT NULL,
    -- the birth act, as the family record book gives it
    act_number            VARCHAR(20)   NOT NULL,
    registration_year     INT           NOT NULL,
    registration_calendar VARCHAR(20)   NOT NULL,
    first_name_arabic     VARCHAR(100)  NOT NULL,
    last_name_arabic      VARCHAR(100)  NOT NULL,
    first_name_latin      VARCHAR(100)  NOT NULL,
    last_name_latin       VARCHAR(100)  NOT NULL,
    date_of_birth         DATE          NOT NULL,
    father_name           VARCHAR(200)  NOT NULL,
    mother_name           VARCHAR(200)  NOT NULL,
    -- the requester and what they are to the person of the act
    first_name            VARCHAR(100)  NOT NULL,
    last_name             VARCHAR(100)  NOT NULL,
    id_document_type      VARCHAR(20)   NOT NULL,
    id_document_number    VARCHAR(20)   NOT NULL,
    phone                 VARCHAR(20)   NULL,
    relation              VARCHAR(30)   NOT NULL,
    -- where the post delivers
    destination           VARCHAR(20)   NOT NULL,
    addressee             VARCHAR(200)  NOT NULL,
    street                VARCHAR(300)  NOT NULL,
    city                  VARCHAR(120)  NOT NULL,
    postal_code           VARCHAR(12)   NULL,
    country_code          CHAR(2)       NOT NULL,
    -- the fee, in minor units, as computed at ordering: price per copy × copies + postage
    price_minor           BIGINT        NOT NULL,
    postage_minor         BIGINT        NOT NULL,
    total_minor           BIGINT        NOT NULL,
    currency              CHAR(3)       NOT NULL,
    payment_reference     VARCHAR(40)   NOT NULL,
    pay_before            TIMESTAMP(6)  NOT NULL,
    paid_at               TIMESTAMP(6)  NULL,
    refund_minor          BIGINT        NULL,
    refund_reference      VARCHAR(40)   NULL,
    refund_due_since      TIMESTAMP(6)  NULL,
    refund_confirmed_at   TIMESTAMP(6)  NULL,
    rejection_reason      TEXT          NULL,
    tracking_number       VARCHAR(40)   NULL,
    return_reason         TEXT          NULL,
    CONSTRAINT fk_document_order_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT fk_document_order_type FOREIGN KEY (document_type_id) REFERENCES document_type (id),
    CONSTRAINT uq_document_order_payment UNIQUE (payment_reference),
    -- the expiry job claims unpaid orders by this date
    INDEX ix_document_order_pay_before (pay_before)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE payment_notification (
    transaction_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    case_id        BIGINT       NOT NULL,
    outcome        VARCHAR(20)  NOT NULL,
    amount_minor   BIGINT       NOT NULL,
    currency       CHAR(3)      NOT NULL,
    received_at    TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_payment_notification_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    INDEX ix_payment_notification_case (case_id, received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
