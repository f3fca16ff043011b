-- Reference data: geography, institutions, civil-status offices and the legal lists.
-- Ids of the rows loaded by V2 are explicit; rows added later through the admin API take AUTO_INCREMENT ids,
-- which on a Galera cluster are neither contiguous nor in commit order (nothing relies on either).
-- Names use an accent- and case-insensitive collation so that "fes" finds "Fès"; FULLTEXT indexes serve q= searches.

CREATE TABLE region (
    id      BIGINT       NOT NULL PRIMARY KEY,
    code    VARCHAR(8)   NOT NULL,
    name_ar VARCHAR(200) NOT NULL,
    name_fr VARCHAR(200) NOT NULL,
    name_en VARCHAR(200) NULL,
    CONSTRAINT uq_region_code UNIQUE (code),
    FULLTEXT INDEX ft_region_name (name_ar, name_fr, name_en)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE province (
    id        BIGINT       NOT NULL PRIMARY KEY,
    region_id BIGINT       NOT NULL,
    kind      VARCHAR(16)  NOT NULL,
    name_ar   VARCHAR(200) NOT NULL,
    name_fr   VARCHAR(200) NOT NULL,
    name_en   VARCHAR(200) NULL,
    CONSTRAINT fk_province_region FOREIGN KEY (region_id) REFERENCES region (id),
    INDEX ix_province_region (region_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE commune (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    province_id BIGINT       NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    name_ar     VARCHAR(200) NOT NULL,
    name_fr     VARCHAR(200) NOT NULL,
    name_en     VARCHAR(200) NULL,
    CONSTRAINT fk_commune_province FOREIGN KEY (province_id) REFERENCES province (id),
    INDEX ix_commune_province (province_id, id),
    FULLTEXT INDEX ft_commune_name (name_ar, name_fr, name_en)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE institution (
    id                           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code                         VARCHAR(64)  NOT NULL,
    kind                         VARCHAR(32)  NOT NULL,
    acronym                      VARCHAR(32)  NULL,
    name_ar                      VARCHAR(300) NOT NULL,
    name_fr                      VARCHAR(300) NOT NULL,
    name_en                      VARCHAR(300) NULL,
    region_id                    BIGINT       NULL,
    accepts_information_requests BOOLEAN      NOT NULL DEFAULT FALSE,
    accepts_complaints           BOOLEAN      NOT NULL DEFAULT FALSE,
    active                       BOOLEAN      NOT NULL DEFAULT TRUE,
    version                      INT          NOT NULL DEFAULT 0,
    created_at                   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at                   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_institution_code UNIQUE (code),
    CONSTRAINT fk_institution_region FOREIGN KEY (region_id) REFERENCES region (id),
    INDEX ix_institution_kind (kind, id),
    INDEX ix_institution_region (region_id, id),
    FULLTEXT INDEX ft_institution_name (name_ar, name_fr, name_en, acronym)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE civil_status_office (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code         VARCHAR(64)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    name_ar      VARCHAR(300) NOT NULL,
    name_fr      VARCHAR(300) NOT NULL,
    name_en      VARCHAR(300) NULL,
    province_id  BIGINT       NULL,
    commune_id   BIGINT       NULL,
    country_code CHAR(2)      NOT NULL DEFAULT 'MA',
    city         VARCHAR(120) NULL,
    active       BOOLEAN      NOT NULL DEFAULT TRUE,
    version      INT          NOT NULL DEFAULT 0,
    created_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_office_code UNIQUE (code),
    CONSTRAINT fk_office_province FOREIGN KEY (province_id) REFERENCES province (id),
    CONSTRAINT fk_office_commune FOREIGN KEY (commune_id) REFERENCES commune (id),
    INDEX ix_office_province (province_id, id),
    INDEX ix_office_commune (commune_id, id),
    INDEX ix_office_kind (kind, id),
    FULLTEXT INDEX ft_office_name (name_ar, name_fr, name_en, city)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE document_type (
    id          BIGINT       NOT NULL PRIMARY KEY,
    code        VARCHAR(40)  NOT NULL,
    name_ar     VARCHAR(200) NOT NULL,
    name_fr     VARCHAR(200) NOT NULL,
    name_en     VARCHAR(200) NULL,
    price_minor INT          NOT NULL,
    currency    CHAR(3)      NOT NULL DEFAULT 'MAD',
    max_copies  INT          NOT NULL,
    CONSTRAINT uq_document_type_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE complaint_category (
    id      BIGINT       NOT NULL PRIMARY KEY,
    code    VARCHAR(40)  NOT NULL,
    name_ar VARCHAR(200) NOT NULL,
    name_fr VARCHAR(200) NOT NULL,
    name_en VARCHAR(200) NULL,
    CONSTRAINT uq_complaint_category_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE refusal_ground (
    id          BIGINT       NOT NULL PRIMARY KEY,
    code        VARCHAR(64)  NOT NULL,
    legal_basis VARCHAR(64)  NOT NULL,
    name_ar     VARCHAR(300) NOT NULL,
    name_fr     VARCHAR(300) NOT NULL,
    name_en     VARCHAR(300) NULL,
    CONSTRAINT uq_refusal_ground_code UNIQUE (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE holiday (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    holiday_date DATE         NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    name_ar      VARCHAR(200) NOT NULL,
    name_fr      VARCHAR(200) NOT NULL,
    name_en      VARCHAR(200) NULL,
    version      INT          NOT NULL DEFAULT 0,
    created_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at   TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    CONSTRAINT uq_holiday_date UNIQUE (holiday_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
