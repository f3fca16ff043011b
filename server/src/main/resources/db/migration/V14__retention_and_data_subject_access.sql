-- Law 09-08: personal data are kept no longer than needed, and a data subject may learn which cases hold theirs.
--
-- 1. case_file.anonymised_at: when the retention job erased the case's personal data (names, identity document,
--    e-mail, phone, addresses, birth-act data, free texts, documents). The number, kind, status, tenant, dates and
--    events stay, so the case still counts in the statistics. Null while the data are held.
-- 2. The retention job claims, per service, closed cases whose last event is older than the service's period, in
--    updated_at order: ix_case_retention serves that claim without scanning the cases.
-- 3. An administrator answers a data-subject request (e-mail + identity document) from these indexes, and each
--    request leaves an audit row: who asked, when, how many cases were found; never the e-mail or the document.

ALTER TABLE case_file
    ADD COLUMN anonymised_at TIMESTAMP(6) NULL,
    ADD INDEX ix_case_retention (service, anonymised_at, updated_at),
    ADD INDEX ix_case_requester_email (requester_email);

CREATE INDEX ix_complaint_id_document ON complaint (id_document_number);
CREATE INDEX ix_information_id_document ON information_request (id_document_number);
CREATE INDEX ix_document_order_id_document ON document_order (id_document_number);

CREATE TABLE data_subject_request (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    requested_at  TIMESTAMP(6) NOT NULL,
    -- the administrator's credential: its kind (API_KEY, JWT, BOOTSTRAP_KEY) and its key prefix or JWT subject
    actor_kind    VARCHAR(20)  NOT NULL,
    actor_ref     VARCHAR(64)  NULL,
    cases_found   INT          NOT NULL,
    INDEX ix_data_subject_request_time (requested_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
