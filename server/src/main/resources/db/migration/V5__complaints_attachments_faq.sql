-- Complaints (Decree 2-17-265): what a complaint adds to its case_file, its answers (one rating each), the
-- messages and attachments every service shares, and the FAQ administrators manage.

-- the complaints inbox without a status filter: one institution's complaints, newest first
CREATE INDEX ix_case_institution_newest ON case_file (institution_id, service, id);

CREATE TABLE complaint (
    case_id            BIGINT        NOT NULL PRIMARY KEY,
    category_id        BIGINT        NOT NULL,
    subject            VARCHAR(200)  NOT NULL,
    content            TEXT          NOT NULL,
    first_name         VARCHAR(100)  NOT NULL,
    last_name          VARCHAR(100)  NOT NULL,
    id_document_type   VARCHAR(20)   NOT NULL,
    id_document_number VARCHAR(20)   NOT NULL,
    phone              VARCHAR(20)   NULL,
    reopen_count       INT           NOT NULL DEFAULT 0,
    rejection_reason   TEXT          NULL,
    -- the latest answer's time while the complaint is ANSWERED: the reopen window and the auto-close job read it
    answered_at        TIMESTAMP(6)  NULL,
    CONSTRAINT fk_complaint_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT fk_complaint_category FOREIGN KEY (category_id) REFERENCES complaint_category (id),
    INDEX ix_complaint_category (category_id, case_id),
    INDEX ix_complaint_answered (answered_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE complaint_answer (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id          BIGINT        NOT NULL,
    sequence         INT           NOT NULL,
    text             TEXT          NOT NULL,
    answered_at      TIMESTAMP(6)  NOT NULL,
    rating_satisfied BOOLEAN       NULL,
    rating_score     INT           NULL,
    rating_comment   TEXT          NULL,
    rated_at         TIMESTAMP(6)  NULL,
    CONSTRAINT fk_answer_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT uq_answer_sequence UNIQUE (case_id, sequence)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE case_message (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id        BIGINT        NOT NULL,
    author         VARCHAR(20)   NOT NULL,
    institution_id BIGINT        NULL,
    text           TEXT          NOT NULL,
    sent_at        TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_message_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    INDEX ix_message_case (case_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE attachment (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    case_id     BIGINT        NOT NULL,
    file_name   VARCHAR(255)  NOT NULL,
    media_type  VARCHAR(100)  NOT NULL,
    size_bytes  BIGINT        NOT NULL,
    sha256      CHAR(64)      NOT NULL,
    uploaded_by VARCHAR(20)   NOT NULL,
    -- the institution that uploaded it: its unsent drafts stay its own, even after a transfer
    institution_id BIGINT     NULL,
    uploaded_at TIMESTAMP(6)  NOT NULL,
    storage_key VARCHAR(200)  NOT NULL,
    -- set when a message or an answer carries the attachment
    message_id  BIGINT        NULL,
    answer_id   BIGINT        NULL,
    CONSTRAINT fk_attachment_case FOREIGN KEY (case_id) REFERENCES case_file (id),
    CONSTRAINT fk_attachment_message FOREIGN KEY (message_id) REFERENCES case_message (id),
    CONSTRAINT fk_attachment_answer FOREIGN KEY (answer_id) REFERENCES complaint_answer (id),
    CONSTRAINT uq_attachment_storage UNIQUE (storage_key),
    INDEX ix_attachment_case (case_id, id),
    INDEX ix_attachment_message (message_id),
    INDEX ix_attachment_answer (answer_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- The content of attachments when they are kept in the database (bawaba.attachments.storage=DATABASE).
CREATE TABLE attachment_content (
    storage_key VARCHAR(200) NOT NULL PRIMARY KEY,
    content     LONGBLOB     NOT NULL
) ENGINE = InnoDB;

CREATE TABLE faq_entry (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    service     VARCHAR(32)   NOT NULL,
    question_ar TEXT          NOT NULL,
    question_fr TEXT          NOT NULL,
    question_en TEXT          NULL,
    answer_ar   TEXT          NOT NULL,
    answer_fr   TEXT          NOT NULL,
    answer_en   TEXT          NULL,
    position    INT           NOT NULL,
    version     INT           NOT NULL DEFAULT 0,
    INDEX ix_faq_order (service, position, id),
    INDEX ix_faq_all (position, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
