-- The benchmark's data set (issue 10), loaded by bench/generate.sh into a schema the server's own migrations created:
-- @cases cases (default 1,000,000) submitted over the @years years up to now (UTC @now), for the three services, in
-- bulk SQL: MariaDB's SEQUENCE engine for the rows, INSERT ... SELECT into each empty table in one transaction with
-- unique and foreign-key checks off (InnoDB then sorts each index once at commit instead of inserting row by row).
--
-- Every case is a plausible history, drawn once per case from stored random draws (gen_case.u1..u16, seeded, so a
-- run with the same @now gives the same data): times of each step, the status those steps lead to at @now, the
-- columns that status implies (due date only while something is owed, final, answered_at, refusal, appeals,
-- payment...), the response facts of V13 (responded_at, response_days, responded_on_time), one case_event per step
-- and one statistics_backlog row per case (its SUBMITTED event, whose id is the case's id) for the counting job.
-- No personal data: requesters are 'Citoyen', 'N<person>', c<person>@example.ma; texts are templates.
--
-- Times are stored in UTC (as the server writes them); a Moroccan calendar day is taken at UTC+1 (as V8 does).
-- Working days (Law 31-13 deadlines, offices' preparation) are approximated by weekdays (no holidays).
-- Each step prints: step, rows, seconds.

SET NAMES utf8mb4 COLLATE utf8mb4_uca1400_ai_ci;
SET SESSION time_zone = '+00:00';
SET SESSION unique_checks = 0, foreign_key_checks = 0;
SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
SET SESSION max_heap_table_size = 268435456, tmp_table_size = 268435456;
SET SESSION rand_seed1 = 20261207, rand_seed2 = 10;
SET @t0 = NOW(6), @t = NOW(6);
SET @now = IFNULL(@now, CAST(UTC_TIMESTAMP() AS DATETIME(6)));
SET @today = DATE(@now + INTERVAL 1 HOUR);
SET @start = @today - INTERVAL @years YEAR;
SET @cdai = (SELECT id FROM institution WHERE code = 'CDAI');

-- gen_wd, gen_wd_add and gen_number are macros that bench/generate-macros.pl expands into inline SQL.

-- ---- Reference data: 41 bodies, and weighted lookup tables (1000 slots each) ----------------------------------------
-- V2 loads 41 institutions (40 bodies that take complaints and information requests, and the CDAI, which reviews
-- escalations). Should a schema have fewer, plain bodies are added (national ones without a region, others in the
-- regions in turn) that take both services.
INSERT INTO institution (code, kind, name_ar, name_fr, name_en, region_id, active)
SELECT CONCAT('BENCH_BODY_', s.seq), IF(s.seq MOD 3 = 0, 'PUBLIC_BODY', 'TERRITORIAL_COLLECTIVITY'),
       CONCAT('هيئة تجريبية ', s.seq), CONCAT('Organisme de test ', s.seq), CONCAT('Test body ', s.seq),
       IF(s.seq MOD 3 = 0, NULL, 1 + s.seq MOD 12), TRUE
FROM seq_1_to_100 s WHERE s.seq <= @bodies - (SELECT COUNT(*) FROM institution);
INSERT IGNORE INTO institution_service (institution_id, service)
SELECT i.id, v.service FROM institution i
JOIN (SELECT 'COMPLAINTS' AS service UNION ALL SELECT 'INFORMATION_REQUESTS') v
WHERE i.code LIKE 'BENCH\_BODY\_%';
COMMIT;

DROP TABLE IF EXISTS gen_weight, gen_slot;
CREATE TABLE gen_weight (kind CHAR(2) NOT NULL, ref_id BIGINT NOT NULL, w DOUBLE NOT NULL, PRIMARY KEY (kind, ref_id)) ENGINE = Aria;
-- Bodies: the big national administrations and the large communes receive most; the rest a little each.
INSERT INTO gen_weight
SELECT IF(s.service = 'COMPLAINTS', 'CP', 'IR'), i.id,
       CASE i.code
           WHEN 'MIN_INTERIOR' THEN 14 WHEN 'MIN_NATIONAL_EDUCATION' THEN 10 WHEN 'MIN_HEALTH' THEN 10 WHEN 'MIN_JUSTICE' THEN 8
           WHEN 'CNSS' THEN 9 WHEN 'DGI' THEN 7 WHEN 'ONEE' THEN 6 WHEN 'COMMUNE_CASABLANCA' THEN 6 WHEN 'ANCFCC' THEN 5
           WHEN 'DGSN' THEN 5 WHEN 'MIN_ECONOMY_FINANCE' THEN 4 WHEN 'COMMUNE_RABAT' THEN 4 WHEN 'COMMUNE_MARRAKECH' THEN 3.5
           WHEN 'COMMUNE_FES' THEN 3.5 WHEN 'COMMUNE_TANGER' THEN 3.5 WHEN 'MIN_HOUSING' THEN 3 WHEN 'ADII' THEN 3
           WHEN 'ONCF' THEN 3 WHEN 'MIN_AGRICULTURE' THEN 2.5 WHEN 'BARID_AL_MAGHRIB' THEN 2.5 WHEN 'ANAPEC' THEN 2.5
           WHEN 'MIN_HIGHER_EDUCATION' THEN 2.5 WHEN 'COMMUNE_AGADIR' THEN 2.5 ELSE 1.2 END
           -- information requests go more to ministries and less to service operators than complaints do
           * IF(s.service = 'INFORMATION_REQUESTS' AND i.kind = 'MINISTRY', 1.6, 1)
FROM institution i JOIN institution_service s ON s.institution_id = i.id
WHERE i.active AND s.service IN ('COMPLAINTS', 'INFORMATION_REQUESTS');
-- Complaint categories, skewed to delays and quality of service.
INSERT INTO gen_weight
SELECT 'CC', id, CASE code WHEN 'ADMINISTRATIVE_DELAY' THEN 24 WHEN 'QUALITY_OF_SERVICE' THEN 16 WHEN 'RECEPTION_AND_BEHAVIOUR' THEN 10
           WHEN 'ACCESS_TO_SERVICE' THEN 9 WHEN 'BILLING_AND_FEES' THEN 8 WHEN 'PUBLIC_HEALTH' THEN 7 WHEN 'URBAN_PLANNING' THEN 6
           WHEN 'SOCIAL_PROTECTION' THEN 6 WHEN 'EDUCATION' THEN 5 WHEN 'INTEGRITY' THEN 4 WHEN 'TAXATION' THEN 3 ELSE 2 END
FROM complaint_category;
-- Refusal grounds: mostly "not held", personal data, already published, unclear; the art. 7 exceptions rarely.
INSERT INTO gen_weight
SELECT 'RG', id, CASE code WHEN 'INFORMATION_NOT_AVAILABLE' THEN 30 WHEN 'PRIVATE_LIFE' THEN 15 WHEN 'ALREADY_PUBLISHED' THEN 12
           WHEN 'UNCLEAR_REQUEST' THEN 12 WHEN 'INFORMATION_BEING_PREPARED' THEN 8 WHEN 'ONGOING_INVESTIGATION' THEN 5
           WHEN 'CONFIDENTIAL_BY_LAW' THEN 5 WHEN 'JUDICIAL_PROCEEDINGS' THEN 4 WHEN 'REPEATED_REQUEST' THEN 3 ELSE 1 END
FROM refusal_ground;
-- Civil-status offices taking online orders: city arrondissements more than small communes, consulates least.
INSERT INTO gen_weight
SELECT 'DO', id, CASE WHEN kind = 'CONSULATE' THEN 0.6 ELSE 1 + (id * 37 MOD 11) / 4 END
FROM civil_status_office WHERE active AND accepts_online_orders;

CREATE TABLE gen_slot (kind CHAR(2) NOT NULL, slot INT NOT NULL, ref_id BIGINT NOT NULL, PRIMARY KEY (kind, slot)) ENGINE = Aria;
INSERT INTO gen_slot
SELECT c.kind, s.seq, c.ref_id
FROM (SELECT kind, ref_id, SUM(w) OVER (PARTITION BY kind ORDER BY ref_id) - w AS lo,
             SUM(w) OVER (PARTITION BY kind ORDER BY ref_id) AS hi, SUM(w) OVER (PARTITION BY kind) AS total
      FROM gen_weight) c
JOIN seq_0_to_999 s ON s.seq >= FLOOR(1000 * c.lo / c.total) AND s.seq < FLOOR(1000 * c.hi / c.total);
SELECT 'reference', (SELECT COUNT(*) FROM gen_slot),
       ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1); SET @t = NOW(6);

-- ---- Days and cases --------------------------------------------------------------------------------------------
-- Each day's share: growth (the volume doubles over the period), the week (Monday busiest, weekends quiet), the
-- season (summer and Ramadan-free August low, September's return high) and public holidays; today only up to now.
DROP TABLE IF EXISTS gen_day;
CREATE TABLE gen_day (day DATE NOT NULL PRIMARY KEY, first_n INT NOT NULL, cnt INT NOT NULL, from_s INT NOT NULL, span_s INT NOT NULL) ENGINE = Aria;
SET @elapsed = TIMESTAMPDIFF(SECOND, CAST(@today AS DATETIME), @now + INTERVAL 1 HOUR);
INSERT INTO gen_day
SELECT day, ROUND((cum - w) / total * @cases) + 1, ROUND(cum / total * @cases) - ROUND((cum - w) / total * @cases),
       IF(day = @today, LEAST(23400, @elapsed DIV 2), 23400),
       IF(day = @today, GREATEST(60, @elapsed - 60 - LEAST(23400, @elapsed DIV 2)), 59400)
FROM (SELECT day, w, SUM(w) OVER (ORDER BY day) AS cum, SUM(w) OVER () AS total
      FROM (SELECT d.day,
                   (1 + DATEDIFF(d.day, @start) / DATEDIFF(@today, @start))
                   * ELT(DAYOFWEEK(d.day), 0.35, 1.25, 1.2, 1.15, 1.1, 0.95, 0.45)
                   * ELT(MONTH(d.day), 1.05, 1.0, 1.0, 1.0, 1.0, 0.95, 0.85, 0.7, 1.15, 1.1, 1.05, 0.95)
                   * IF(h.holiday_date IS NULL, 1, 0.4)
                   * IF(d.day = @today, LEAST(1, @elapsed / 86400), 1) AS w
            FROM (SELECT @start + INTERVAL s.seq DAY AS day FROM seq_1_to_4000 s
                  WHERE s.seq <= DATEDIFF(@today, @start)) d
            LEFT JOIN holiday h ON h.holiday_date = d.day) weighted) cumulated;

-- One row per case, numbered in submission order (ids grow with time, as the server's do), with its draws.
DROP TABLE IF EXISTS gen_case;
CREATE TABLE gen_case (
    n INT NOT NULL PRIMARY KEY, day DATE NOT NULL, sub DATETIME(6) NOT NULL, service TINYINT NOT NULL,
    u1 FLOAT, u2 FLOAT, u3 FLOAT, u4 FLOAT, u5 FLOAT, u6 FLOAT, u7 FLOAT, u8 FLOAT,
    u9 FLOAT, u10 FLOAT, u11 FLOAT, u12 FLOAT, u13 FLOAT, u14 FLOAT, u15 FLOAT, u16 FLOAT,
    INDEX (service, n)) ENGINE = Aria;
INSERT INTO gen_case
SELECT n, day, sub, CASE WHEN us < 0.55 THEN 1 WHEN us < 0.80 THEN 2 ELSE 3 END,
       RAND(), RAND(), RAND(), RAND(), RAND(), RAND(), RAND(), RAND(),
       RAND(), RAND(), RAND(), RAND(), RAND(), RAND(), RAND(), RAND()
FROM (SELECT d.first_n + s.seq - 1 AS n, d.day, RAND() AS us,
             -- within the day: 06:30 to 23:00 in Morocco (UTC+1), evenly, in number order
             CAST(d.day AS DATETIME(6)) - INTERVAL 1 HOUR
             + INTERVAL ROUND(1e6 * (d.from_s + d.span_s * (s.seq - 0.5) / d.cnt)) MICROSECOND AS sub
      FROM gen_day d JOIN seq_1_to_100000 s ON s.seq <= d.cnt) c;
SELECT 'draws', ROW_COUNT(), ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1); SET @t = NOW(6);

-- ---- Complaints: each step's time ---------------------------------------------------------------------------------
DROP TABLE IF EXISTS gen_c1;
CREATE TABLE gen_c1 ENGINE = Aria AS
SELECT x.*,
       -- the first answer: 88 % within the 60 days, a tail up to half a year; on a weekday
       IF(outcome = 'ANSWER', GREATEST(COALESCE(t_tr, sub) + INTERVAL 1 HOUR,
           CAST(a1_day + INTERVAL CASE DAYOFWEEK(a1_day) WHEN 7 THEN 2 WHEN 1 THEN 1 ELSE 0 END DAY AS DATETIME(6))
           + INTERVAL 480 + FLOOR(u13 * 480) MINUTE), NULL) AS t_a1,
       IF(outcome = 'REJECTED', CAST(cs_day + INTERVAL 1 + FLOOR(u4 * 14) DAY AS DATETIME(6)) + INTERVAL 9 HOUR, NULL) AS t_rej
FROM (SELECT g.n, g.sub, g.day AS sub_day, g.u4, g.u6, g.u11, g.u12, g.u13, g.u14, g.u15, g.u16, g.u9,
             CASE WHEN g.u1 < 0.85 THEN 'COMPLAINT' WHEN g.u1 < 0.95 THEN 'OBSERVATION' ELSE 'SUGGESTION' END AS kind,
             b.ref_id AS inst, IF(g.u8 < 0.03 AND f.ref_id <> b.ref_id, f.ref_id, NULL) AS from_inst, cat.ref_id AS category,
             IF(g.u8 < 0.03 AND f.ref_id <> b.ref_id, g.sub + INTERVAL 1 + FLOOR(g.u10 * 10) DAY + INTERVAL 2 HOUR, NULL) AS t_tr,
             IF(g.u8 < 0.03 AND f.ref_id <> b.ref_id, DATE(g.sub + INTERVAL 1 + FLOOR(g.u10 * 10) DAY + INTERVAL 3 HOUR), g.day) AS cs_day,
             CASE WHEN g.u1 >= 0.85 THEN 'CLOSE' WHEN g.u5 < 0.05 THEN 'REJECTED' WHEN g.u5 < 0.065 THEN 'STUCK' ELSE 'ANSWER' END AS outcome,
             IF(g.u8 < 0.03 AND f.ref_id <> b.ref_id, DATE(g.sub + INTERVAL 1 + FLOOR(g.u10 * 10) DAY + INTERVAL 3 HOUR), g.day)
               + INTERVAL IF(g.u4 <= 0.88, LEAST(60, FLOOR(61 * POW(g.u4 / 0.88, 1.7))), 61 + FLOOR(150 * POW((g.u4 - 0.88) / 0.12, 2))) DAY AS a1_day,
             CASE WHEN g.u7 < 0.08 THEN 1 WHEN g.u7 < 0.095 THEN 2 ELSE 0 END AS rc_plan,
             CASE WHEN g.u11 < 0.13 THEN 1 WHEN g.u11 < 0.22 THEN 2 WHEN g.u11 < 0.35 THEN 3 WHEN g.u11 < 0.65 THEN 4 ELSE 5 END AS score
      FROM gen_case g
      JOIN gen_slot b ON b.kind = 'CP' AND b.slot = FLOOR(g.u2 * 1000)
      JOIN gen_slot f ON f.kind = 'CP' AND f.slot = FLOOR(g.u10 * 1000)
      JOIN gen_slot cat ON cat.kind = 'CC' AND cat.slot = FLOOR(g.u3 * 1000)
      WHERE g.service = 1) x;
ALTER TABLE gen_c1 ADD PRIMARY KEY (n),
    ADD COLUMN t_ack DATETIME(6), ADD COLUMN t_close_obs DATETIME(6), ADD COLUMN rc INT NOT NULL DEFAULT 0,
    ADD COLUMN t_r1 DATETIME(6), ADD COLUMN t_a2 DATETIME(6), ADD COLUMN t_r2 DATETIME(6), ADD COLUMN t_a3 DATETIME(6),
    ADD COLUMN t_rated DATETIME(6), ADD COLUMN t_close DATETIME(6);
-- Acknowledged within days of reaching the body, unless answered or rejected first; observations and suggestions
-- are closed after it; reopenings (each within 30 days of an answer) and their answers; the rating of the last answer
-- (60 % rated), which closes at once when satisfied; else the reopen window's end closes it.
UPDATE gen_c1 SET
    t_ack = CAST(cs_day + INTERVAL 1 + FLOOR(u12 * 9) DAY AS DATETIME(6)) + INTERVAL 8 HOUR + INTERVAL FLOOR(u14 * 420) MINUTE;
UPDATE gen_c1 SET t_ack = NULL WHERE t_ack >= COALESCE(t_a1, t_rej, '9999-01-01');
UPDATE gen_c1 SET t_close_obs = IF(outcome = 'CLOSE', t_ack + INTERVAL 1 + FLOOR(u4 * 20) DAY, NULL),
    rc = IF(outcome = 'ANSWER', rc_plan, 0);
UPDATE gen_c1 SET t_r1 = IF(rc >= 1, t_a1 + INTERVAL 2 + FLOOR(u14 * 25) DAY + INTERVAL 3 HOUR, NULL);
UPDATE gen_c1 SET t_a2 = IF(rc >= 1, t_r1 + INTERVAL 3 + FLOOR(u15 * 40) DAY, NULL);
UPDATE gen_c1 SET t_r2 = IF(rc = 2, t_a2 + INTERVAL 2 + FLOOR(u16 * 25) DAY + INTERVAL 3 HOUR, NULL);
UPDATE gen_c1 SET t_a3 = IF(rc = 2, t_r2 + INTERVAL 3 + FLOOR(u13 * 40) DAY, NULL);
UPDATE gen_c1 SET t_rated = IF(outcome = 'ANSWER' AND u6 < 0.60,
    COALESCE(t_a3, t_a2, t_a1) + INTERVAL FLOOR(u12 * 10) DAY + INTERVAL 2 HOUR, NULL);
UPDATE gen_c1 SET t_close = IF(outcome = 'ANSWER', IF(t_rated IS NOT NULL AND score >= 4, t_rated,
    CAST(DATE(COALESCE(t_a3, t_a2, t_a1) + INTERVAL 1 HOUR) + INTERVAL 31 DAY AS DATETIME(6)) - INTERVAL 1 HOUR + INTERVAL 5 MINUTE),
    t_close_obs);
-- Steps after now have not happened.
UPDATE gen_c1 SET t_tr = IF(t_tr <= @now, t_tr, NULL), t_ack = IF(t_ack <= @now, t_ack, NULL), t_a1 = IF(t_a1 <= @now, t_a1, NULL),
    t_rej = IF(t_rej <= @now, t_rej, NULL), t_r1 = IF(t_r1 <= @now, t_r1, NULL), t_a2 = IF(t_a2 <= @now, t_a2, NULL),
    t_r2 = IF(t_r2 <= @now, t_r2, NULL), t_a3 = IF(t_a3 <= @now, t_a3, NULL), t_rated = IF(t_rated <= @now, t_rated, NULL),
    t_close = IF(t_close <= @now, t_close, NULL);
-- A rating or a closing belongs to the last answer: not there while a reopening is still to come.
UPDATE gen_c1 SET t_rated = NULL, t_close = NULL
WHERE outcome = 'ANSWER' AND (rc >= 1 AND t_a2 IS NULL OR rc = 2 AND t_a3 IS NULL);

DROP TABLE IF EXISTS gen_c;
CREATE TABLE gen_c ENGINE = Aria AS
SELECT c.*,
       CASE WHEN status IN ('RECEIVED', 'ACKNOWLEDGED', 'TRANSFERRED') AND kind = 'COMPLAINT' THEN due0
            WHEN status = 'REOPENED' THEN DATE(COALESCE(t_r2, t_r1) + INTERVAL 1 HOUR) + INTERVAL 60 DAY END AS due_date,
       CASE status WHEN 'RECEIVED' THEN sub_day + INTERVAL 15 DAY WHEN 'TRANSFERRED' THEN DATE(t_tr + INTERVAL 1 HOUR) + INTERVAL 15 DAY END AS routing_due,
       GREATEST(sub, IFNULL(t_tr, sub), IFNULL(t_ack, sub), IFNULL(t_a1, sub), IFNULL(t_rej, sub), IFNULL(t_r1, sub),
                IFNULL(t_a2, sub), IFNULL(t_r2, sub), IFNULL(t_a3, sub), IFNULL(t_rated, sub), IFNULL(t_close, sub)) AS updated
FROM (SELECT g.*,
             IF(kind = 'COMPLAINT', cs_day + INTERVAL 60 DAY, NULL) AS due0,
             CASE WHEN t_close IS NOT NULL THEN 'CLOSED'
                  WHEN t_a3 IS NOT NULL THEN 'ANSWERED' WHEN t_r2 IS NOT NULL THEN 'REOPENED'
                  WHEN t_a2 IS NOT NULL THEN 'ANSWERED' WHEN t_r1 IS NOT NULL THEN 'REOPENED'
                  WHEN t_a1 IS NOT NULL THEN 'ANSWERED' WHEN t_rej IS NOT NULL THEN 'REJECTED'
                  WHEN t_ack IS NOT NULL THEN 'ACKNOWLEDGED' WHEN t_tr IS NOT NULL THEN 'TRANSFERRED' ELSE 'RECEIVED' END AS status,
             (t_tr IS NOT NULL) + (t_ack IS NOT NULL) + (t_a1 IS NOT NULL) + (t_rej IS NOT NULL) + (t_r1 IS NOT NULL)
               + (t_a2 IS NOT NULL) + (t_r2 IS NOT NULL) + (t_a3 IS NOT NULL) + (t_close IS NOT NULL) AS version,
             COALESCE(t_a3, t_a2, t_a1) AS t_last
      FROM gen_c1 g) c;
ALTER TABLE gen_c ADD PRIMARY KEY (n);
SELECT 'complaints staged', (SELECT COUNT(*) FROM gen_c), ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1); SET @t = NOW(6);

-- ---- Information requests: each step's time -----------------------------------------------------------------------
DROP TABLE IF EXISTS gen_i1;
CREATE TABLE gen_i1 ENGINE = Aria AS
SELECT x.*,
       gen_wd_add(cs_day, wd) AS due1,
       gen_wd_add(cs_day, wd + IFNULL(ext, 0)) AS due,
       -- the first response, in working days after the clock started: 88 % by the due date
       IF(outcome IN ('ANSWERED', 'PARTIALLY_ANSWERED', 'REFUSED'),
          CAST(gen_wd_add(cs_day, CASE WHEN u4 >= 0.88 THEN wd + IFNULL(ext, 0) + 1 + FLOOR(30 * POW((u4 - 0.88) / 0.12, 2))
                                       WHEN ext IS NOT NULL THEN wd + 1 + FLOOR((wd - 1) * u4 / 0.88)
                                       ELSE 1 + FLOOR((wd - 1) * POW(u4 / 0.88, 0.9)) END) AS DATETIME(6))
          + INTERVAL 480 + FLOOR(u13 * 480) MINUTE, NULL) AS t_resp,
       IF(ext IS NOT NULL, CAST(gen_wd_add(cs_day, 10 + FLOOR(u14 * 9)) AS DATETIME(6)) + INTERVAL 10 HOUR, NULL) AS t_ext,
       CAST(gen_wd_add(cs_day, 1 + FLOOR(u12 * 4)) AS DATETIME(6)) + INTERVAL 8 HOUR + INTERVAL FLOOR(u14 * 420) MINUTE AS t_ack,
       IF(outcome = 'WITHDRAWN', sub + INTERVAL 1 + FLOOR(u4 * 10) DAY + INTERVAL 4 HOUR, NULL) AS t_wd
FROM (SELECT g.n, g.sub, g.day AS sub_day, g.u4, g.u7, g.u8, g.u9, g.u10, g.u12, g.u13, g.u14, g.u15, g.u16,
             IF(g.u1 < 0.05, 'URGENT', 'ORDINARY') AS kind, IF(g.u1 < 0.05, 3, 20) AS wd,
             IF(g.u1 >= 0.05 AND g.u6 < 0.08, 20, NULL) AS ext,
             b.ref_id AS inst, IF(g.u5 < 0.04 AND f.ref_id <> b.ref_id, f.ref_id, NULL) AS from_inst,
             IF(g.u5 < 0.04 AND f.ref_id <> b.ref_id, g.sub + INTERVAL 1 + FLOOR(g.u11 * 6) DAY + INTERVAL 1 HOUR, NULL) AS t_tr,
             IF(g.u5 < 0.04 AND f.ref_id <> b.ref_id, DATE(g.sub + INTERVAL 1 + FLOOR(g.u11 * 6) DAY + INTERVAL 2 HOUR), g.day) AS cs_day,
             CASE WHEN g.u3 < 0.755 THEN 'ANSWERED' WHEN g.u3 < 0.855 THEN 'PARTIALLY_ANSWERED' WHEN g.u3 < 0.955 THEN 'REFUSED'
                  WHEN g.u3 < 0.975 THEN 'WITHDRAWN' ELSE 'STUCK' END AS outcome,
             rg.ref_id AS ground,
             CASE WHEN g.u16 < 0.75 THEN 'ELECTRONIC_COPY' WHEN g.u16 < 0.93 THEN 'PAPER_COPY' ELSE 'ON_SITE_CONSULTATION' END AS format
      FROM gen_case g
      JOIN gen_slot b ON b.kind = 'IR' AND b.slot = FLOOR(g.u2 * 1000)
      JOIN gen_slot f ON f.kind = 'IR' AND f.slot = FLOOR(g.u15 * 1000)
      JOIN gen_slot rg ON rg.kind = 'RG' AND rg.slot = FLOOR(g.u9 * 1000)
      WHERE g.service = 2) x;
ALTER TABLE gen_i1 ADD PRIMARY KEY (n),
    ADD COLUMN int_on DATE, ADD COLUMN int_decision VARCHAR(20), ADD COLUMN int_decided_on DATE,
    ADD COLUMN esc_on DATE, ADD COLUMN cdai_decision VARCHAR(20), ADD COLUMN cdai_decided_on DATE,
    ADD COLUMN t_int DATETIME(6), ADD COLUMN t_dec DATETIME(6), ADD COLUMN t_esc DATETIME(6), ADD COLUMN t_cdai DATETIME(6),
    ADD COLUMN t_ans2 DATETIME(6), ADD COLUMN restart_on DATE;
UPDATE gen_i1 SET t_ext = NULL WHERE t_ext >= t_wd;
UPDATE gen_i1 SET t_ack = NULL WHERE t_ack >= COALESCE(t_resp, t_wd, '9999-01-01') OR t_ack >= COALESCE(t_ext, '9999-01-01');
-- Appeals (art. 19-20): an internal complaint after 22 % of refusals, 18 % of partial answers and 50 % of requests left
-- unanswered past their due date; the head upholds 35 %, rejects 50 %, lets 15 % lapse; then the CDAI for about a
-- third of the rejected or lapsed ones (upholds 40 %, rejects 45 %). An upheld appeal restarts the body's clock, and
-- the body then answers.
UPDATE gen_i1 SET int_on = gen_wd_add(IF(outcome = 'STUCK', due, DATE(t_resp)), 1 + FLOOR(u10 * 15))
WHERE (outcome = 'REFUSED' AND u7 < 0.22) OR (outcome = 'PARTIALLY_ANSWERED' AND u7 < 0.18) OR (outcome = 'STUCK' AND u7 < 0.50);
UPDATE gen_i1 SET int_decision = CASE WHEN u8 < 0.35 THEN 'UPHELD' WHEN u8 < 0.85 THEN 'REJECTED' END,
    int_decided_on = IF(u8 < 0.85, gen_wd_add(int_on, 3 + FLOOR(u15 * 12)), NULL)
WHERE int_on IS NOT NULL;
UPDATE gen_i1 SET esc_on = IFNULL(int_decided_on, gen_wd_add(int_on, 15) + INTERVAL 1 DAY) + INTERVAL 1 + FLOOR(u16 * 25) DAY
WHERE int_on IS NOT NULL AND (int_decision = 'REJECTED' AND u9 < 0.45 OR int_decision IS NULL AND u9 < 0.5);
UPDATE gen_i1 SET cdai_decision = CASE WHEN u12 < 0.40 THEN 'UPHELD' WHEN u12 < 0.85 THEN 'REJECTED' END,
    cdai_decided_on = IF(u12 < 0.85, esc_on + INTERVAL 20 + FLOOR(u13 * 70) DAY, NULL)
WHERE esc_on IS NOT NULL;
UPDATE gen_i1 SET t_int = CAST(int_on AS DATETIME(6)) + INTERVAL 9 HOUR,
    t_dec = CAST(int_decided_on AS DATETIME(6)) + INTERVAL 14 HOUR,
    t_esc = CAST(esc_on AS DATETIME(6)) + INTERVAL 10 HOUR,
    t_cdai = CAST(cdai_decided_on AS DATETIME(6)) + INTERVAL 11 HOUR,
    restart_on = IF(cdai_decision = 'UPHELD', cdai_decided_on, IF(int_decision = 'UPHELD', int_decided_on, NULL));
UPDATE gen_i1 SET t_ans2 = CAST(gen_wd_add(restart_on, 3 + FLOOR(u14 * 15)) AS DATETIME(6)) + INTERVAL 9 HOUR
WHERE restart_on IS NOT NULL;
UPDATE gen_i1 SET t_tr = IF(t_tr <= @now, t_tr, NULL), t_ack = IF(t_ack <= @now, t_ack, NULL), t_ext = IF(t_ext <= @now, t_ext, NULL),
    t_resp = IF(t_resp <= @now, t_resp, NULL), t_wd = IF(t_wd <= @now, t_wd, NULL), t_int = IF(t_int <= @now, t_int, NULL),
    t_dec = IF(t_dec <= @now, t_dec, NULL), t_esc = IF(t_esc <= @now, t_esc, NULL), t_cdai = IF(t_cdai <= @now, t_cdai, NULL),
    t_ans2 = IF(t_ans2 <= @now, t_ans2, NULL);

DROP TABLE IF EXISTS gen_i;
CREATE TABLE gen_i ENGINE = Aria AS
SELECT i.*,
       CASE WHEN status IN ('RECEIVED', 'ACKNOWLEDGED', 'EXTENDED', 'TRANSFERRED') THEN IF(t_ext IS NULL, due1, due)
            WHEN status = 'INTERNAL_APPEAL' THEN gen_wd_add(int_on, 15)
            WHEN status IN ('APPEAL_UPHELD', 'CDAI_UPHELD') THEN gen_wd_add(restart_on, 20) END AS due_date,
       status NOT IN ('RECEIVED', 'ACKNOWLEDGED', 'EXTENDED', 'TRANSFERRED', 'INTERNAL_APPEAL', 'APPEAL_UPHELD', 'CDAI_UPHELD') AS final,
       GREATEST(sub, IFNULL(t_tr, sub), IFNULL(t_ack, sub), IFNULL(t_ext, sub), IFNULL(t_resp, sub), IFNULL(t_wd, sub),
                IFNULL(t_int, sub), IFNULL(t_dec, sub), IFNULL(t_esc, sub), IFNULL(t_cdai, sub), IFNULL(t_ans2, sub)) AS updated
FROM (SELECT g.*,
             CASE WHEN t_ans2 IS NOT NULL THEN 'ANSWERED'
                  WHEN t_cdai IS NOT NULL THEN CONCAT('CDAI_', cdai_decision) WHEN t_esc IS NOT NULL THEN 'ESCALATED'
                  WHEN t_dec IS NOT NULL THEN CONCAT('APPEAL_', int_decision) WHEN t_int IS NOT NULL THEN 'INTERNAL_APPEAL'
                  WHEN t_wd IS NOT NULL THEN 'WITHDRAWN' WHEN t_resp IS NOT NULL THEN outcome
                  WHEN t_ext IS NOT NULL THEN 'EXTENDED' WHEN t_ack IS NOT NULL THEN 'ACKNOWLEDGED'
                  WHEN t_tr IS NOT NULL THEN 'TRANSFERRED' ELSE 'RECEIVED' END AS status,
             (t_tr IS NOT NULL) + (t_ack IS NOT NULL) + (t_ext IS NOT NULL) + (t_resp IS NOT NULL) + (t_wd IS NOT NULL)
               + (t_int IS NOT NULL) + (t_dec IS NOT NULL) + (t_esc IS NOT NULL) + (t_cdai IS NOT NULL) + (t_ans2 IS NOT NULL) AS version
      FROM gen_i1 g) i;
ALTER TABLE gen_i ADD PRIMARY KEY (n);
SELECT 'information requests staged', (SELECT COUNT(*) FROM gen_i), ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1); SET @t = NOW(6);

-- ---- Document orders: each step's time ----------------------------------------------------------------------------
-- 88 % paid (most within the hour), 3 % cancelled, the rest expire 48 h after ordering. Paid orders: 90 % ready
-- within the 3 working days; 2 % rejected by the office (refunded), 1.5 % brought back by the post; the rest
-- delivered 1-4 days after shipping in Morocco, 4-12 abroad.
DROP TABLE IF EXISTS gen_o1;
CREATE TABLE gen_o1 ENGINE = Aria AS
SELECT x.*,
       IF(pay = 'PAID', gen_wd_add(DATE(t_paid + INTERVAL 1 HOUR), 3), NULL) AS office_due,
       IF(pay = 'PAID' AND outcome <> 'REJECTED',
          GREATEST(t_paid + INTERVAL 30 MINUTE,
                   CAST(gen_wd_add(DATE(t_paid + INTERVAL 1 HOUR), IF(u4 < 0.9, FLOOR(u4 / 0.9 * 4), 4 + FLOOR(u4 * 6))) AS DATETIME(6))
                   + INTERVAL 480 + FLOOR(u13 * 420) MINUTE), NULL) AS t_ready,
       IF(pay = 'PAID' AND outcome = 'REJECTED',
          CAST(gen_wd_add(DATE(t_paid + INTERVAL 1 HOUR), 1 + FLOOR(u4 * 3)) AS DATETIME(6)) + INTERVAL 10 HOUR, NULL) AS t_rej
FROM (SELECT g.n, g.sub, g.day AS sub_day, g.u4, g.u5, g.u9, g.u11, g.u12, g.u13, g.u14, g.u15, g.u16,
             o.id AS office, o.country_code AS office_country, o.city AS office_city,
             IF(g.u1 < 0.70, 1, 2) AS doc_type,
             CASE WHEN g.u7 < 0.55 THEN 1 WHEN g.u7 < 0.80 THEN 2 WHEN g.u7 < 0.92 THEN 3 WHEN g.u7 < 0.97 THEN 4 ELSE 5 END AS copies,
             IF(o.country_code <> 'MA' AND g.u6 < 0.9 OR o.country_code = 'MA' AND g.u6 < 0.04, 'ABROAD', 'MOROCCO') AS destination,
             CASE WHEN g.u3 < 0.88 THEN 'PAID' WHEN g.u3 < 0.91 THEN 'CANCELLED' ELSE 'EXPIRED' END AS pay,
             CASE WHEN g.u8 < 0.02 THEN 'REJECTED' WHEN g.u8 < 0.035 THEN 'RETURNED' ELSE 'DELIVERED' END AS outcome,
             IF(g.u3 < 0.88, g.sub + INTERVAL 60 + FLOOR(POW(g.u10, 4) * 144000) SECOND, NULL) AS t_paid,
             IF(g.u3 >= 0.88 AND g.u3 < 0.91, g.sub + INTERVAL 600 + FLOOR(g.u10 * 86400) SECOND, NULL) AS t_cancel,
             IF(g.u3 >= 0.91, g.sub + INTERVAL 48 HOUR + INTERVAL FLOOR(g.u10 * 300) SECOND, NULL) AS t_exp,
             IF(g.u9 < 0.85, 'SELF', 'PARENT_OF_MINOR') AS relation
      FROM gen_case g JOIN gen_slot s ON s.kind = 'DO' AND s.slot = FLOOR(g.u2 * 1000)
      JOIN civil_status_office o ON o.id = s.ref_id
      WHERE g.service = 3) x;
ALTER TABLE gen_o1 ADD PRIMARY KEY (n),
    ADD COLUMN t_ship DATETIME(6), ADD COLUMN t_deliv DATETIME(6), ADD COLUMN t_ret DATETIME(6), ADD COLUMN t_refund DATETIME(6);
UPDATE gen_o1 SET t_ship = t_ready + INTERVAL 2 + FLOOR(u14 * 26) HOUR WHERE t_ready IS NOT NULL;
UPDATE gen_o1 SET t_deliv = IF(outcome = 'DELIVERED',
        t_ship + INTERVAL IF(destination = 'ABROAD', 4 + FLOOR(u15 * 9), 1 + FLOOR(u15 * 4)) DAY + INTERVAL FLOOR(u16 * 5) HOUR, NULL),
    t_ret = IF(outcome = 'RETURNED', t_ship + INTERVAL 3 + FLOOR(u15 * 8) DAY, NULL),
    t_refund = IF(t_rej IS NOT NULL, t_rej + INTERVAL 1 + FLOOR(u15 * 5) DAY, NULL);
UPDATE gen_o1 SET t_paid = IF(t_paid <= @now, t_paid, NULL), t_cancel = IF(t_cancel <= @now, t_cancel, NULL),
    t_exp = IF(t_exp <= @now, t_exp, NULL), t_ready = IF(t_ready <= @now, t_ready, NULL), t_rej = IF(t_rej <= @now, t_rej, NULL),
    t_ship = IF(t_ship <= @now, t_ship, NULL), t_deliv = IF(t_deliv <= @now, t_deliv, NULL), t_ret = IF(t_ret <= @now, t_ret, NULL),
    t_refund = IF(t_refund <= @now, t_refund, NULL);

DROP TABLE IF EXISTS gen_o;
CREATE TABLE gen_o ENGINE = Aria AS
SELECT o.*,
       CASE status WHEN 'AT_OFFICE' THEN office_due WHEN 'RETURNED' THEN gen_wd_add(DATE(t_ret + INTERVAL 1 HOUR), 3) END AS due_date,
       status IN ('DELIVERED', 'REJECTED', 'CANCELLED', 'EXPIRED') AS final,
       GREATEST(sub, IFNULL(t_paid, sub), IFNULL(t_cancel, sub), IFNULL(t_exp, sub), IFNULL(t_ready, sub), IFNULL(t_rej, sub),
                IFNULL(t_ship, sub), IFNULL(t_deliv, sub), IFNULL(t_ret, sub), IFNULL(t_refund, sub)) AS updated,
       2000 * copies + IF(destination = 'ABROAD', 6000, 1500) AS total
FROM (SELECT g.*,
             CASE WHEN t_deliv IS NOT NULL THEN 'DELIVERED' WHEN t_ret IS NOT NULL THEN 'RETURNED' WHEN t_ship IS NOT NULL THEN 'SHIPPED'
                  WHEN t_ready IS NOT NULL THEN 'READY' WHEN t_rej IS NOT NULL THEN 'REJECTED' WHEN t_paid IS NOT NULL THEN 'AT_OFFICE'
                  WHEN t_cancel IS NOT NULL THEN 'CANCELLED' WHEN t_exp IS NOT NULL THEN 'EXPIRED' ELSE 'PENDING_PAYMENT' END AS status,
             2 * (t_paid IS NOT NULL) + (t_cancel IS NOT NULL) + (t_exp IS NOT NULL) + (t_ready IS NOT NULL) + (t_rej IS NOT NULL)
               + (t_ship IS NOT NULL) + (t_deliv IS NOT NULL) + (t_ret IS NOT NULL) AS version
      FROM gen_o1 g) o;
ALTER TABLE gen_o ADD PRIMARY KEY (n);
SELECT 'document orders staged', (SELECT COUNT(*) FROM gen_o), ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1); SET @t = NOW(6);

-- ---- case_file -------------------------------------------------------------------------------------------------------
-- Numbers as CaseNumbers writes them (gen_number: unique by construction).
START TRANSACTION;
INSERT INTO case_file (id, number, service, kind, status, institution_id, office_id, requester_email, due_date, final, version,
                       submitted_at, updated_at, reviewer_institution_id, handed_to_post_at, responded_at, response_days, responded_on_time)
SELECT n, gen_number('CP', n, sub_day), 'COMPLAINTS', kind, status, inst, NULL, CONCAT('c', 1 + n * 48271 MOD 650000, '@example.ma'),
       due_date, status IN ('ANSWERED', 'REJECTED', 'CLOSED'), version, sub, updated, NULL, NULL,
       t_a1, IF(t_a1 IS NULL, NULL, DATEDIFF(DATE(t_a1 + INTERVAL 1 HOUR), sub_day)),
       IF(t_a1 IS NULL, NULL, DATE(t_a1 + INTERVAL 1 HOUR) <= due0)
FROM gen_c
UNION ALL
SELECT n, gen_number('IR', n, sub_day), 'INFORMATION_REQUESTS', kind, status, inst, NULL, CONCAT('c', 1 + n * 48271 MOD 650000, '@example.ma'),
       due_date, final, version, sub, updated, IF(t_esc IS NULL, NULL, @cdai), NULL,
       t_resp, IF(t_resp IS NULL, NULL, gen_wd(DATE(t_resp + INTERVAL 1 HOUR)) - gen_wd(sub_day)),
       IF(t_resp IS NULL, NULL, DATE(t_resp + INTERVAL 1 HOUR) <= IF(t_ext IS NULL, due1, due))
FROM gen_i
UNION ALL
SELECT n, gen_number('DO', n, sub_day), 'DOCUMENT_ORDERS', IF(doc_type = 1, 'BIRTH_EXTRACT', 'BIRTH_FULL_COPY'), status, NULL, office,
       CONCAT('c', 1 + n * 48271 MOD 650000, '@example.ma'), due_date, final, version, sub, updated, NULL, t_ready,
       t_deliv, IF(t_deliv IS NULL, NULL, DATEDIFF(DATE(t_deliv + INTERVAL 1 HOUR), DATE(t_paid + INTERVAL 1 HOUR))),
       IF(t_ready IS NULL, NULL, DATE(t_ready + INTERVAL 1 HOUR) <= office_due)
FROM gen_o;
SET @rows = ROW_COUNT();
COMMIT;
SELECT 'case_file', @rows, ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1); SET @t = NOW(6);

-- ---- The services' rows --------------------------------------------------------------------------------------------
START TRANSACTION;
INSERT INTO complaint (case_id, category_id, subject, content, first_name, last_name, id_document_type, id_document_number, phone,
                       reopen_count, rejection_reason, answered_at, routing_due_date)
SELECT n, category,
       ELT(category, 'Dossier en attente depuis plusieurs mois', 'Service rendu de mauvaise qualité', 'Accueil désagréable au guichet',
           'Paiement demandé sans reçu', 'Impossible d''accéder au service en ligne', 'Facture contestée',
           'Autorisation de construire sans réponse', 'Rendez-vous médical reporté sans explication',
           'Inscription scolaire refusée', 'Dossier de pension bloqué', 'Avis d''imposition erroné', 'Réclamation diverse'),
       CONCAT('Texte de test de la réclamation n° ', n, ' : le dossier déposé n''a pas été traité dans les délais annoncés malgré plusieurs relances.'),
       'Citoyen', CONCAT('N', 1 + n * 48271 MOD 650000), IF(u9 < 0.97, 'CIN', IF(u9 < 0.99, 'RESIDENCE_CARD', 'PASSPORT')),
       CONCAT('BK', 1 + n * 48271 MOD 650000), IF(u9 < 0.6, CONCAT('+212 6', LPAD(n MOD 100000000, 8, '0')), NULL),
       (t_r1 IS NOT NULL) + (t_r2 IS NOT NULL),
       IF(status = 'REJECTED', 'Hors compétence : l''affaire est pendante devant une juridiction.', NULL),
       IF(status = 'ANSWERED', t_last, NULL), routing_due
FROM gen_c ORDER BY n;
SET @rows = ROW_COUNT();
COMMIT;
SELECT 'complaint', @rows, ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1); SET @t = NOW(6);


-- One answer row per answer given (1, then one more per reopening answered); the rating on the last one (60 % of
-- answered complaints; scores J-shaped: 35 % 5, 30 % 4, 13 % 3, 9 % 2, 13 % 1; satisfied = score >= 4).
START TRANSACTION;
INSERT INTO complaint_answer (case_id, sequence, text, answered_at, rating_satisfied, rating_score, rating_comment, rated_at)
SELECT c.n, s.seq, CONCAT('Réponse n° ', s.seq, ' de l''administration : le dossier a été examiné et la suite qui lui est donnée est exposée ici.'),
       ELT(s.seq, c.t_a1, c.t_a2, c.t_a3),
       IF(s.seq = c.rc + 1 AND c.t_rated IS NOT NULL, c.score >= 4, NULL),
       IF(s.seq = c.rc + 1 AND c.t_rated IS NOT NULL, c.score, NULL),
       IF(s.seq = c.rc + 1 AND c.t_rated IS NOT NULL AND c.u16 < 0.3, 'Commentaire de test.', NULL),
       IF(s.seq = c.rc + 1, c.t_rated, NULL)
FROM gen_c c JOIN seq_1_to_3 s ON s.seq <= (c.t_a1 IS NOT NULL) + (c.t_a2 IS NOT NULL) + (c.t_a3 IS NOT NULL)
ORDER BY c.n, s.seq;
SET @rows = ROW_COUNT();
COMMIT;
SELECT 'complaint_answer', @rows, ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1); SET @t = NOW(6);

-- The body's answers to information requests reach the requester as its messages (the first answer's id is the case's,
-- an answer after an upheld appeal is @cases + the case's).
START TRANSACTION;
INSERT INTO case_message (id, case_id, author, institution_id, text, sent_at)
SELECT id, case_id, 'INSTITUTION', inst, 'Réponse de l''organisme : les informations demandées sont jointes à ce message.', sent_at
FROM (SELECT n AS id, n AS case_id, inst, t_resp AS sent_at FROM gen_i WHERE t_resp IS NOT NULL AND outcome IN ('ANSWERED', 'PARTIALLY_ANSWERED')
      UNION ALL
      SELECT @cases + n, n, inst, t_ans2 FROM gen_i WHERE t_ans2 IS NOT NULL) m
ORDER BY id;
SET @rows = ROW_COUNT();
COMMIT;
SELECT 'case_message', @rows, ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1); SET @t = NOW(6);

START TRANSACTION;
INSERT INTO information_request (case_id, request_type, urgency_justification, first_name, last_name, id_document_type, id_document_number,
                                 phone, postal_address, description, preferred_format, clock_started_on, working_days, extension_days,
                                 extension_reason, extended_at, answer_text, answer_partial, fee_minor, fee_currency, answered_at,
                                 answer_message_id, refusal_ground_id, refusal_justification, refused_at)
SELECT n, kind, IF(kind = 'URGENT', 'Urgence de test : la sécurité d''une personne en dépend.', NULL),
       'Citoyen', CONCAT('N', 1 + n * 48271 MOD 650000), IF(u9 < 0.97, 'CIN', 'RESIDENCE_CARD'), CONCAT('BK', 1 + n * 48271 MOD 650000),
       IF(u9 < 0.5, CONCAT('+212 6', LPAD(n MOD 100000000, 8, '0')), NULL),
       IF(format = 'PAPER_COPY', CONCAT(n MOD 300 + 1, ' avenue de Test, Rabat'), NULL),
       CONCAT('Demande de test n° ', n, ' : communication des documents relatifs au budget et aux marchés de l''exercice précédent.'),
       format,
       IF(t_ans2 IS NOT NULL OR status IN ('APPEAL_UPHELD', 'CDAI_UPHELD'), restart_on, cs_day), wd,
       IF(t_ext IS NULL, NULL, ext), IF(t_ext IS NULL, NULL, 'Volume important de documents à réunir.'), t_ext,
       IF(t_ans2 IS NOT NULL OR outcome IN ('ANSWERED', 'PARTIALLY_ANSWERED') AND t_resp IS NOT NULL,
          'Réponse de test : les informations demandées sont communiquées.', NULL),
       IF(t_ans2 IS NOT NULL, FALSE, IF(outcome IN ('ANSWERED', 'PARTIALLY_ANSWERED') AND t_resp IS NOT NULL, outcome = 'PARTIALLY_ANSWERED', NULL)),
       IF(format = 'PAPER_COPY' AND (t_ans2 IS NOT NULL OR outcome IN ('ANSWERED', 'PARTIALLY_ANSWERED') AND t_resp IS NOT NULL), 500, NULL),
       IF(format = 'PAPER_COPY' AND (t_ans2 IS NOT NULL OR outcome IN ('ANSWERED', 'PARTIALLY_ANSWERED') AND t_resp IS NOT NULL), 'MAD', NULL),
       IF(t_ans2 IS NOT NULL, t_ans2, IF(outcome IN ('ANSWERED', 'PARTIALLY_ANSWERED'), t_resp, NULL)),
       IF(t_ans2 IS NOT NULL, @cases + n, IF(outcome IN ('ANSWERED', 'PARTIALLY_ANSWERED') AND t_resp IS NOT NULL, n, NULL)),
       IF(outcome = 'REFUSED' AND t_resp IS NOT NULL, ground, NULL),
       IF(outcome = 'REFUSED' AND t_resp IS NOT NULL, 'Justification de test du refus.', NULL),
       IF(outcome = 'REFUSED', t_resp, NULL)
FROM gen_i ORDER BY n;
SET @rows = ROW_COUNT();
COMMIT;
SELECT 'information_request', @rows, ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1); SET @t = NOW(6);

START TRANSACTION;
INSERT INTO information_appeal (case_id, level, reason, filed_at, filed_on, decide_by, decision, decision_text, decided_at)
SELECT n, 'INTERNAL_COMPLAINT', 'Réclamation de test : la réponse ne couvre pas la demande.', t_int, int_on, gen_wd_add(int_on, 15),
       IF(t_dec IS NULL, NULL, int_decision), IF(t_dec IS NULL, NULL, 'Décision de test du chef de l''organisme.'), t_dec
FROM gen_i WHERE t_int IS NOT NULL
UNION ALL
SELECT n, 'CDAI_ESCALATION', 'Recours de test devant la Commission.', t_esc, esc_on, NULL,
       IF(t_cdai IS NULL, NULL, cdai_decision), IF(t_cdai IS NULL, NULL, 'Décision de test de la Commission.'), t_cdai
FROM gen_i WHERE t_esc IS NOT NULL
ORDER BY 1, 2 DESC;
SET @rows = ROW_COUNT();
COMMIT;
SELECT 'information_appeal', @rows, ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1); SET @t = NOW(6);

START TRANSACTION;
INSERT INTO document_order (case_id, document_type_id, copies, act_number, registration_year, registration_calendar, first_name_arabic,
                            last_name_arabic, first_name_latin, last_name_latin, date_of_birth, father_name, mother_name, first_name,
                            last_name, id_document_type, id_document_number, phone, relation, destination, addressee, street, city,
                            postal_code, country_code, price_minor, postage_minor, total_minor, currency, payment_reference, pay_before,
                            paid_at, refund_minor, refund_reference, refund_due_since, refund_confirmed_at, rejection_reason,
                            tracking_number, return_reason)
SELECT o.n, o.doc_type, o.copies, CAST(1 + o.n * 7 MOD 9999 AS CHAR),
       IF(o.u12 < 0.03, FLOOR((YEAR(o.dob) - 622) * 1.0307), YEAR(o.dob)), IF(o.u12 < 0.03, 'HIJRI', 'GREGORIAN'),
       'مواطن', CONCAT('رقم ', o.n), 'Citoyen', CONCAT('N', o.n), o.dob, CONCAT('Père N', o.n), CONCAT('Mère N', o.n),
       'Citoyen', CONCAT('N', 1 + o.n * 48271 MOD 650000), IF(o.destination = 'ABROAD' AND o.u9 < 0.3, 'PASSPORT', 'CIN'),
       CONCAT('BK', 1 + o.n * 48271 MOD 650000), IF(o.u9 < 0.7, CONCAT('+212 6', LPAD(o.n MOD 100000000, 8, '0')), NULL),
       o.relation, o.destination, CONCAT('Citoyen N', 1 + o.n * 48271 MOD 650000), CONCAT(o.n MOD 300 + 1, ' rue de Test'),
       IF(o.destination = 'ABROAD', IF(o.office_country <> 'MA', o.office_city, 'Paris'), IFNULL(o.office_city, 'Rabat')),
       IF(o.destination = 'ABROAD', NULL, LPAD(10000 + o.n MOD 80000, 5, '0')),
       IF(o.destination = 'ABROAD', IF(o.office_country <> 'MA', o.office_country, 'FR'), 'MA'),
       2000, IF(o.destination = 'ABROAD', 6000, 1500), o.total, 'MAD', CONCAT('PAY-', SUBSTR(f.number, 4)),
       o.sub + INTERVAL 48 HOUR, o.t_paid,
       IF(o.t_rej IS NULL, NULL, o.total), IF(o.t_rej IS NULL, NULL, CONCAT('RFD-', SUBSTR(f.number, 4))), o.t_rej, o.t_refund,
       IF(o.t_rej IS NULL, NULL, 'Acte introuvable dans les registres du bureau (test).'),
       IF(o.t_ship IS NULL, NULL, CONCAT('RR', LPAD(o.n, 9, '0'), 'MA')),
       IF(o.t_ret IS NULL, NULL, 'Destinataire absent (test).')
FROM (SELECT g.*, IF(relation = 'SELF', sub_day - INTERVAL FLOOR((18 + u11 * 62) * 365.25) DAY,
                     sub_day - INTERVAL 30 + FLOOR(u11 * 17 * 365.25) DAY) AS dob FROM gen_o g) o
JOIN case_file f ON f.id = o.n
ORDER BY o.n;
SET @rows = ROW_COUNT();
COMMIT;
SELECT 'document_order', @rows, ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1); SET @t = NOW(6);

START TRANSACTION;
INSERT INTO payment_notification (transaction_id, case_id, outcome, amount_minor, currency, received_at)
SELECT CONCAT('TXB-', n), n, 'SUCCEEDED', total, 'MAD', t_paid FROM gen_o WHERE t_paid IS NOT NULL
UNION ALL
SELECT CONCAT('TXR-', n), n, 'REFUNDED', total, 'MAD', t_refund FROM gen_o WHERE t_refund IS NOT NULL
ORDER BY 1;
SET @rows = ROW_COUNT();
COMMIT;
SELECT 'payment_notification', @rows, ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1); SET @t = NOW(6);

-- ---- case_event: one per step that happened, the SUBMITTED one with the case's id --------------------------------------
-- Payloads as CaseEventData records serialize (type inside, null fields left out). actor_ref is 'bench' for staff.
-- No ORDER BY: InnoDB's bulk load of an empty table sorts each index at commit anyway, and sorting these wide rows
-- first through a temporary table cost minutes.
START TRANSACTION;
INSERT INTO case_event (id, case_id, type, from_status, to_status, actor_kind, actor_ref, actor_institution_id, actor_office_id,
                        institution_id, office_id, occurred_at, data)
SELECT n, n, 'SUBMITTED', NULL, 'RECEIVED', 'CITIZEN', NULL, NULL, NULL, IFNULL(from_inst, inst), NULL, sub,
       CONCAT('{"type":"SUBMITTED","kind":"', kind, '"', IF(kind = 'COMPLAINT', CONCAT(',"dueDate":"', sub_day + INTERVAL 60 DAY, '"'), ''), '}')
FROM gen_c
UNION ALL
SELECT n, n, 'SUBMITTED', NULL, 'RECEIVED', 'CITIZEN', NULL, NULL, NULL, IFNULL(from_inst, inst), NULL, sub,
       CONCAT('{"type":"SUBMITTED","kind":"', kind, '","dueDate":"', gen_wd_add(sub_day, wd), '"}')
FROM gen_i
UNION ALL
SELECT n, n, 'SUBMITTED', NULL, 'PENDING_PAYMENT', 'CITIZEN', NULL, NULL, NULL, NULL, office, sub,
       CONCAT('{"type":"SUBMITTED","kind":"', IF(doc_type = 1, 'BIRTH_EXTRACT', 'BIRTH_FULL_COPY'), '"}')
FROM gen_o;
SET @rows = ROW_COUNT();

-- Complaints.
INSERT INTO case_event (case_id, type, from_status, to_status, actor_kind, actor_ref, actor_institution_id, actor_office_id,
                        institution_id, office_id, occurred_at, data)
SELECT n, 'TRANSFERRED', 'RECEIVED', 'TRANSFERRED', 'AGENT', 'bench', from_inst, NULL, inst, NULL, t_tr,
       CONCAT('{"type":"TRANSFERRED","fromInstitutionId":', from_inst, ',"toInstitutionId":', inst,
              IF(kind = 'COMPLAINT', CONCAT(',"dueDate":"', due0, '"'), ''), '}')
FROM gen_c WHERE t_tr IS NOT NULL
UNION ALL
SELECT n, 'ACKNOWLEDGED', IF(t_tr IS NULL, 'RECEIVED', 'TRANSFERRED'), 'ACKNOWLEDGED', 'AGENT', 'bench', inst, NULL, inst, NULL, t_ack,
       '{"type":"ACKNOWLEDGED"}'
FROM gen_c WHERE t_ack IS NOT NULL
UNION ALL
SELECT n, 'REJECTED', IF(t_ack IS NOT NULL, 'ACKNOWLEDGED', IF(t_tr IS NULL, 'RECEIVED', 'TRANSFERRED')), 'REJECTED', 'AGENT', 'bench',
       inst, NULL, inst, NULL, t_rej, '{"type":"REJECTED"}'
FROM gen_c WHERE t_rej IS NOT NULL
UNION ALL
SELECT c.n, 'ANSWERED', IF(s.seq > 1, 'REOPENED', IF(c.t_ack IS NOT NULL, 'ACKNOWLEDGED', IF(c.t_tr IS NULL, 'RECEIVED', 'TRANSFERRED'))),
       'ANSWERED', 'AGENT', 'bench', c.inst, NULL, c.inst, NULL, ELT(s.seq, c.t_a1, c.t_a2, c.t_a3),
       CONCAT('{"type":"ANSWERED","answerSequence":', s.seq, '}')
FROM gen_c c JOIN seq_1_to_3 s ON s.seq <= (c.t_a1 IS NOT NULL) + (c.t_a2 IS NOT NULL) + (c.t_a3 IS NOT NULL)
UNION ALL
SELECT c.n, 'REOPENED', 'ANSWERED', 'REOPENED', 'CITIZEN', NULL, NULL, NULL, c.inst, NULL, ELT(s.seq, c.t_r1, c.t_r2),
       CONCAT('{"type":"REOPENED","reopenCount":', s.seq, ',"dueDate":"', DATE(ELT(s.seq, c.t_r1, c.t_r2) + INTERVAL 1 HOUR) + INTERVAL 60 DAY, '"}')
FROM gen_c c JOIN seq_1_to_2 s ON s.seq <= (c.t_r1 IS NOT NULL) + (c.t_r2 IS NOT NULL)
UNION ALL
SELECT n, 'RATED', NULL, NULL, 'CITIZEN', NULL, NULL, NULL, inst, NULL, t_rated,
       CONCAT('{"type":"RATED","answerSequence":', rc + 1, ',"satisfied":', IF(score >= 4, 'true', 'false'), ',"score":', score, '}')
FROM gen_c WHERE t_rated IS NOT NULL
UNION ALL
SELECT n, 'CLOSED', IF(outcome = 'CLOSE', 'ACKNOWLEDGED', 'ANSWERED'), 'CLOSED',
       CASE WHEN outcome = 'CLOSE' THEN 'AGENT' WHEN t_rated IS NOT NULL AND score >= 4 THEN 'CITIZEN' ELSE 'SYSTEM' END,
       CASE WHEN outcome = 'CLOSE' THEN 'bench' WHEN t_rated IS NOT NULL AND score >= 4 THEN NULL ELSE 'system' END,
       IF(outcome = 'CLOSE', inst, NULL), NULL, inst, NULL, t_close,
       IF(outcome = 'ANSWER' AND t_rated IS NOT NULL AND score >= 4, CONCAT('{"type":"CLOSED","answerSequence":', rc + 1, '}'), '{"type":"CLOSED"}')
FROM gen_c WHERE t_close IS NOT NULL;
SET @rows = @rows + ROW_COUNT();

-- Information requests.
INSERT INTO case_event (case_id, type, from_status, to_status, actor_kind, actor_ref, actor_institution_id, actor_office_id,
                        institution_id, office_id, occurred_at, data)
SELECT n, 'TRANSFERRED', 'RECEIVED', 'TRANSFERRED', 'AGENT', 'bench', from_inst, NULL, inst, NULL, t_tr,
       CONCAT('{"type":"TRANSFERRED","fromInstitutionId":', from_inst, ',"toInstitutionId":', inst, ',"dueDate":"', due1, '"}')
FROM gen_i WHERE t_tr IS NOT NULL
UNION ALL
SELECT n, 'ACKNOWLEDGED', IF(t_tr IS NULL, 'RECEIVED', 'TRANSFERRED'), 'ACKNOWLEDGED', 'AGENT', 'bench', inst, NULL, inst, NULL, t_ack,
       '{"type":"ACKNOWLEDGED"}'
FROM gen_i WHERE t_ack IS NOT NULL
UNION ALL
SELECT n, 'EXTENDED', IF(t_ack IS NOT NULL, 'ACKNOWLEDGED', IF(t_tr IS NULL, 'RECEIVED', 'TRANSFERRED')), 'EXTENDED', 'AGENT', 'bench',
       inst, NULL, inst, NULL, t_ext, CONCAT('{"type":"EXTENDED","extensionWorkingDays":', ext, ',"dueDate":"', due, '"}')
FROM gen_i WHERE t_ext IS NOT NULL
UNION ALL
SELECT n, outcome, IF(t_ext IS NOT NULL, 'EXTENDED', IF(t_ack IS NOT NULL, 'ACKNOWLEDGED', IF(t_tr IS NULL, 'RECEIVED', 'TRANSFERRED'))),
       outcome, 'AGENT', 'bench', inst, NULL, inst, NULL, t_resp,
       CASE outcome WHEN 'REFUSED' THEN CONCAT('{"type":"REFUSED","refusalGroundId":', ground, '}')
                    ELSE CONCAT('{"type":"', outcome, '","messageId":', n, '}') END
FROM gen_i WHERE t_resp IS NOT NULL
UNION ALL
SELECT n, 'WITHDRAWN', IF(t_ack IS NOT NULL, 'ACKNOWLEDGED', IF(t_tr IS NULL, 'RECEIVED', 'TRANSFERRED')), 'WITHDRAWN', 'CITIZEN', NULL,
       NULL, NULL, inst, NULL, t_wd, '{"type":"WITHDRAWN"}'
FROM gen_i WHERE t_wd IS NOT NULL
UNION ALL
SELECT n, 'INTERNAL_APPEAL', IF(outcome = 'STUCK', IF(t_ext IS NOT NULL, 'EXTENDED', IF(t_ack IS NOT NULL, 'ACKNOWLEDGED',
       IF(t_tr IS NULL, 'RECEIVED', 'TRANSFERRED'))), outcome), 'INTERNAL_APPEAL', 'CITIZEN', NULL, NULL, NULL, inst, NULL, t_int,
       CONCAT('{"type":"INTERNAL_APPEAL","decideBy":"', gen_wd_add(int_on, 15), '"}')
FROM gen_i WHERE t_int IS NOT NULL
UNION ALL
SELECT n, CONCAT('APPEAL_', int_decision), 'INTERNAL_APPEAL', CONCAT('APPEAL_', int_decision), 'HEAD', 'bench', inst, NULL, inst, NULL, t_dec,
       IF(int_decision = 'UPHELD', CONCAT('{"type":"APPEAL_UPHELD","dueDate":"', gen_wd_add(int_decided_on, 20), '"}'), '{"type":"APPEAL_REJECTED"}')
FROM gen_i WHERE t_dec IS NOT NULL
UNION ALL
SELECT n, 'ESCALATED', IF(t_dec IS NULL, 'INTERNAL_APPEAL', CONCAT('APPEAL_', int_decision)), 'ESCALATED', 'CITIZEN', NULL, NULL, NULL,
       inst, NULL, t_esc, CONCAT('{"type":"ESCALATED","commissionInstitutionId":', @cdai, '}')
FROM gen_i WHERE t_esc IS NOT NULL
UNION ALL
SELECT n, CONCAT('CDAI_', cdai_decision), 'ESCALATED', CONCAT('CDAI_', cdai_decision), 'COMMISSION', 'bench', @cdai, NULL, inst, NULL, t_cdai,
       IF(cdai_decision = 'UPHELD', CONCAT('{"type":"CDAI_UPHELD","dueDate":"', gen_wd_add(cdai_decided_on, 20), '"}'), '{"type":"CDAI_REJECTED"}')
FROM gen_i WHERE t_cdai IS NOT NULL
UNION ALL
SELECT n, 'ANSWERED', IF(t_cdai IS NOT NULL, 'CDAI_UPHELD', 'APPEAL_UPHELD'), 'ANSWERED', 'AGENT', 'bench', inst, NULL, inst, NULL, t_ans2,
       CONCAT('{"type":"ANSWERED","messageId":', @cases + n, '}')
FROM gen_i WHERE t_ans2 IS NOT NULL;
SET @rows = @rows + ROW_COUNT();

-- Document orders.
INSERT INTO case_event (case_id, type, from_status, to_status, actor_kind, actor_ref, actor_institution_id, actor_office_id,
                        institution_id, office_id, occurred_at, data)
SELECT n, 'PAID', 'PENDING_PAYMENT', 'PAID', 'SYSTEM', 'system', NULL, NULL, NULL, office, t_paid,
       CONCAT('{"type":"PAID","amount":{"amount":"', total DIV 100, '.', LPAD(total MOD 100, 2, '0'), '","currency":"MAD"}}')
FROM gen_o WHERE t_paid IS NOT NULL
UNION ALL
SELECT n, 'AT_OFFICE', 'PAID', 'AT_OFFICE', 'SYSTEM', 'system', NULL, NULL, NULL, office, t_paid,
       CONCAT('{"type":"AT_OFFICE","dueDate":"', office_due, '"}')
FROM gen_o WHERE t_paid IS NOT NULL
UNION ALL
SELECT n, 'CANCELLED', 'PENDING_PAYMENT', 'CANCELLED', 'CITIZEN', NULL, NULL, NULL, NULL, office, t_cancel, '{"type":"CANCELLED"}'
FROM gen_o WHERE t_cancel IS NOT NULL
UNION ALL
SELECT n, 'EXPIRED', 'PENDING_PAYMENT', 'EXPIRED', 'SYSTEM', 'system', NULL, NULL, NULL, office, t_exp, '{"type":"EXPIRED"}'
FROM gen_o WHERE t_exp IS NOT NULL
UNION ALL
SELECT n, 'READY', 'AT_OFFICE', 'READY', 'OFFICE_CLERK', 'bench', NULL, office, NULL, office, t_ready, '{"type":"READY"}'
FROM gen_o WHERE t_ready IS NOT NULL
UNION ALL
SELECT n, 'REJECTED', 'AT_OFFICE', 'REJECTED', 'OFFICE_CLERK', 'bench', NULL, office, NULL, office, t_rej,
       CONCAT('{"type":"REJECTED","refundDue":{"amount":"', total DIV 100, '.', LPAD(total MOD 100, 2, '0'), '","currency":"MAD"}}')
FROM gen_o WHERE t_rej IS NOT NULL
UNION ALL
SELECT n, 'REFUND_CONFIRMED', NULL, NULL, 'SYSTEM', 'system', NULL, NULL, NULL, office, t_refund,
       CONCAT('{"type":"REFUND_CONFIRMED","amount":{"amount":"', total DIV 100, '.', LPAD(total MOD 100, 2, '0'), '","currency":"MAD"}}')
FROM gen_o WHERE t_refund IS NOT NULL
UNION ALL
SELECT n, 'SHIPPED', 'READY', 'SHIPPED', 'POSTAL_OPERATOR', 'bench', NULL, NULL, NULL, office, t_ship,
       CONCAT('{"type":"SHIPPED","trackingNumber":"RR', LPAD(n, 9, '0'), 'MA"}')
FROM gen_o WHERE t_ship IS NOT NULL
UNION ALL
SELECT n, 'DELIVERED', 'SHIPPED', 'DELIVERED', 'POSTAL_OPERATOR', 'bench', NULL, NULL, NULL, office, t_deliv, '{"type":"DELIVERED"}'
FROM gen_o WHERE t_deliv IS NOT NULL
UNION ALL
SELECT n, 'RETURNED', 'SHIPPED', 'RETURNED', 'POSTAL_OPERATOR', 'bench', NULL, NULL, NULL, office, t_ret, '{"type":"RETURNED"}'
FROM gen_o WHERE t_ret IS NOT NULL;
SET @rows = @rows + ROW_COUNT();
COMMIT;
SELECT 'case_event', @rows, ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1); SET @t = NOW(6);

-- ---- The statistics backlog: every case once, by its SUBMITTED event (the job reads the case as it is now) ----------
START TRANSACTION;
INSERT INTO statistics_backlog (event_id, case_id) SELECT n, n FROM gen_case ORDER BY n;
SET @rows = ROW_COUNT();
COMMIT;
SELECT 'statistics_backlog', @rows, ROUND(TIMESTAMPDIFF(MICROSECOND, @t, NOW(6)) / 1e6, 1); SET @t = NOW(6);
