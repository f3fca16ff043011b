-- Which services' cases an institution accepts is data, one row per institution and service, instead of one
-- boolean column per service read by hard-coded lists: a new service (document orders go to civil-status offices
-- today) needs no column and no code that enumerates services.
CREATE TABLE institution_service (
    institution_id BIGINT      NOT NULL,
    service        VARCHAR(32) NOT NULL,
    PRIMARY KEY (institution_id, service),
    CONSTRAINT fk_institution_service_institution FOREIGN KEY (institution_id) REFERENCES institution (id),
    -- the public list filtered by service
    INDEX ix_institution_service_by_service (service, institution_id)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

INSERT INTO institution_service (institution_id, service)
SELECT id, 'INFORMATION_REQUESTS' FROM institution WHERE accepts_information_requests;
INSERT INTO institution_service (institution_id, service)
SELECT id, 'COMPLAINTS' FROM institution WHERE accepts_complaints;

ALTER TABLE institution DROP COLUMN accepts_information_requests, DROP COLUMN accepts_complaints;
