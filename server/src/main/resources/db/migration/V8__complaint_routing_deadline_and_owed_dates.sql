-- Complaints (Decree 2-17-265) as PRODUCT.md reads them: the 15-day routing deadline is kept and shown, a due date is
-- kept only while an answer is owed, and a satisfied rating closes the complaint at once. Rows written before these
-- rules are brought in line with them. Times are stored in UTC; the Moroccan date of a stored time is taken at UTC+1
-- (Morocco's offset outside Ramadan), close enough for dates that were never stored before.

-- Set while the complaint awaits routing (RECEIVED, or TRANSFERRED to the institution now holding it): the day by
-- which it must be acknowledged or transferred on. Null once routed, answered, rejected or closed.
ALTER TABLE complaint ADD COLUMN routing_due_date DATE NULL;

UPDATE complaint c JOIN case_file f ON f.id = c.case_id
SET c.routing_due_date = DATE(f.submitted_at + INTERVAL 1 HOUR) + INTERVAL 15 DAY
WHERE f.status = 'RECEIVED';

-- A transferred complaint is routed afresh by the institution that received it, counted from the transfer.
UPDATE complaint c JOIN case_file f ON f.id = c.case_id
SET c.routing_due_date = (SELECT DATE(MAX(e.occurred_at) + INTERVAL 1 HOUR) + INTERVAL 15 DAY
                          FROM case_event e WHERE e.case_id = f.id AND e.type = 'TRANSFERRED')
WHERE f.status = 'TRANSFERRED';

-- Complaints whose latest answer was rated satisfied close now, each with its CLOSED event (the platform acts).
INSERT INTO case_event (case_id, type, from_status, to_status, actor_kind, actor_ref, institution_id, occurred_at)
SELECT f.id, 'CLOSED', 'ANSWERED', 'CLOSED', 'SYSTEM', 'flyway:V7', f.institution_id, UTC_TIMESTAMP(6)
FROM case_file f JOIN complaint_answer a ON a.case_id = f.id
WHERE f.service = 'COMPLAINTS' AND f.status = 'ANSWERED' AND a.rating_satisfied = TRUE
  AND a.sequence = (SELECT MAX(latest.sequence) FROM complaint_answer latest WHERE latest.case_id = f.id);

UPDATE case_file f JOIN case_event e ON e.case_id = f.id AND e.actor_ref = 'flyway:V7'
SET f.status = 'CLOSED', f.final = TRUE, f.updated_at = e.occurred_at, f.version = f.version + 1;

UPDATE complaint c JOIN case_event e ON e.case_id = c.case_id AND e.actor_ref = 'flyway:V7'
SET c.answered_at = NULL;

-- No due date where no answer is owed: observations and suggestions never owe one, and a complaint owes none once
-- answered, rejected or closed.
UPDATE case_file SET due_date = NULL
WHERE service = 'COMPLAINTS' AND (kind <> 'COMPLAINT' OR status IN ('ANSWERED', 'REJECTED', 'CLOSED'));
