-- Case events become typed and name the body that acted.
--
-- 1. actor_institution_id / actor_office_id: the institution or civil-status office whose staff made the change,
--    apart from institution_id / office_id, the body the case is assigned to after it (its inbox and change feed).
--    They differ for a transfer (the sending body acted; the case now belongs to the receiving one) and for the CDAI's
--    decisions (the commission acted on a case that stays assigned to the body). Null when the holder, an operator,
--    an administrator or the platform acted.
-- 2. data: one payload per event type, as the contract's CaseEventData describes it and the server's
--    ma.bawaba.cases.events.CaseEventData records write it, with the type inside. Rows written before are rewritten
--    into that shape from their old ad-hoc JSON and the rows they concern; a field that cannot be known is left out
--    (only optional ones are). Payloads never hold personal data (Law 09-08).

ALTER TABLE case_event
    ADD COLUMN actor_institution_id BIGINT NULL AFTER actor_ref,
    ADD COLUMN actor_office_id      BIGINT NULL AFTER actor_institution_id;

-- Staff act for their own institution: the case's at the time, except a transfer (recorded once the case had moved,
-- the sender acted) and the commission's acts (the CDAI reviews cases assigned to other bodies).
UPDATE case_event e JOIN case_file f ON f.id = e.case_id
SET e.actor_institution_id = CASE
        WHEN e.actor_kind = 'COMMISSION' THEN f.reviewer_institution_id
        WHEN e.type = 'TRANSFERRED' THEN CAST(JSON_VALUE(e.data, '$.fromInstitutionId') AS SIGNED)
        ELSE e.institution_id END
WHERE e.actor_kind IN ('AGENT', 'HEAD', 'COMMISSION');

UPDATE case_event SET actor_office_id = office_id WHERE actor_kind = 'OFFICE_CLERK';

-- Payloads without fields.
UPDATE case_event SET data = JSON_OBJECT('type', type)
WHERE type IN ('ACKNOWLEDGED', 'REJECTED', 'WITHDRAWN', 'APPEAL_UPHELD', 'APPEAL_REJECTED', 'CDAI_UPHELD', 'CDAI_REJECTED');

UPDATE case_event e JOIN case_file f ON f.id = e.case_id
SET e.data = JSON_OBJECT('type', 'SUBMITTED', 'kind', f.kind)
WHERE e.type = 'SUBMITTED';

UPDATE case_event
SET data = JSON_OBJECT('type', 'TRANSFERRED',
                       'fromInstitutionId', CAST(JSON_VALUE(data, '$.fromInstitutionId') AS SIGNED),
                       'toInstitutionId', CAST(JSON_VALUE(data, '$.toInstitutionId') AS SIGNED))
WHERE type = 'TRANSFERRED';

UPDATE case_event
SET data = JSON_OBJECT('type', 'RATED',
                       'answerSequence', CAST(JSON_VALUE(data, '$.answer') AS SIGNED),
                       'satisfied', JSON_EXTRACT(data, '$.satisfied'),
                       'score', CAST(JSON_VALUE(data, '$.score') AS SIGNED))
WHERE type = 'RATED';

UPDATE case_event
SET data = JSON_OBJECT('type', 'REOPENED', 'reopenCount', CAST(JSON_VALUE(data, '$.reopenCount') AS SIGNED))
WHERE type = 'REOPENED';

-- A closing that followed a satisfied rating named the rated answer; the others had no data.
UPDATE case_event
SET data = IF(JSON_VALUE(data, '$.answer') IS NULL, JSON_OBJECT('type', 'CLOSED'),
              JSON_OBJECT('type', 'CLOSED', 'answerSequence', CAST(JSON_VALUE(data, '$.answer') AS SIGNED)))
WHERE type = 'CLOSED';

UPDATE case_event
SET data = JSON_OBJECT('type', 'REFUSED', 'refusalGroundId', CAST(JSON_VALUE(data, '$.refusalGroundId') AS SIGNED))
WHERE type = 'REFUSED';

-- Law 31-13 art. 16: the extension is as long as the first period.
UPDATE case_event e JOIN information_request r ON r.case_id = e.case_id
SET e.data = JSON_OBJECT('type', 'EXTENDED', 'extensionWorkingDays', r.working_days,
                         'dueDate', JSON_VALUE(e.data, '$.dueDate'))
WHERE e.type = 'EXTENDED';

UPDATE case_event e JOIN information_appeal a ON a.case_id = e.case_id AND a.level = 'INTERNAL_COMPLAINT'
SET e.data = JSON_OBJECT('type', 'INTERNAL_APPEAL', 'decideBy', a.decide_by)
WHERE e.type = 'INTERNAL_APPEAL';

UPDATE case_event e JOIN case_file f ON f.id = e.case_id
SET e.data = JSON_OBJECT('type', 'ESCALATED', 'commissionInstitutionId', f.reviewer_institution_id)
WHERE e.type = 'ESCALATED';

UPDATE case_event
SET data = JSON_OBJECT('type', 'DUE_DATE_CHANGED', 'previousDueDate', JSON_VALUE(data, '$.from'),
                       'dueDate', JSON_VALUE(data, '$.to'))
WHERE type = 'DUE_DATE_CHANGED';

-- A complaint's answer was named by its sequence; an information request's answer is the body's message sent in the
-- same transaction, just before the event.
UPDATE case_event e JOIN case_file f ON f.id = e.case_id
SET e.data = JSON_OBJECT('type', 'ANSWERED', 'answerSequence', CAST(JSON_VALUE(e.data, '$.answer') AS SIGNED))
WHERE e.type = 'ANSWERED' AND f.service = 'COMPLAINTS';

UPDATE case_event e JOIN case_file f ON f.id = e.case_id
SET e.data = JSON_OBJECT('type', e.type, 'messageId',
        (SELECT m.id FROM case_message m
         WHERE m.case_id = e.case_id AND m.author = 'INSTITUTION' AND m.sent_at <= e.occurred_at
         ORDER BY m.sent_at DESC, m.id DESC LIMIT 1))
WHERE e.type IN ('ANSWERED', 'PARTIALLY_ANSWERED') AND f.service = 'INFORMATION_REQUESTS';

-- Each message was sent with one MESSAGE_SENT event: the n-th event of a case is its n-th message. Times order them
-- (ids are not in commit order across Galera nodes), ids break ties within one transaction.
UPDATE case_event e JOIN (
        SELECT sent.id AS event_id, message.id AS message_id
        FROM (SELECT id, case_id, ROW_NUMBER() OVER (PARTITION BY case_id ORDER BY occurred_at, id) AS n
              FROM case_event WHERE type = 'MESSAGE_SENT') sent
        JOIN (SELECT id, case_id, ROW_NUMBER() OVER (PARTITION BY case_id ORDER BY sent_at, id) AS n
              FROM case_message) message ON message.case_id = sent.case_id AND message.n = sent.n) pair
    ON pair.event_id = e.id
SET e.data = JSON_OBJECT('type', 'MESSAGE_SENT', 'messageId', pair.message_id);

-- Each document was recorded once it became part of the case: the holder's at upload, a body's when its message or
-- answer sent it (one event per document, in id order). Paired per case and side in that order.
UPDATE case_event e JOIN (
        SELECT added.id AS event_id, document.id AS attachment_id
        FROM (SELECT id, case_id, IF(actor_kind = 'CITIZEN', 'HOLDER', 'STAFF') AS side,
                     ROW_NUMBER() OVER (PARTITION BY case_id, IF(actor_kind = 'CITIZEN', 'HOLDER', 'STAFF')
                                        ORDER BY occurred_at, id) AS n
              FROM case_event WHERE type = 'ATTACHMENT_ADDED') added
        JOIN (SELECT a.id, a.case_id, IF(a.institution_id IS NULL, 'HOLDER', 'STAFF') AS side,
                     ROW_NUMBER() OVER (PARTITION BY a.case_id, IF(a.institution_id IS NULL, 'HOLDER', 'STAFF')
                                        ORDER BY IF(a.institution_id IS NULL, a.uploaded_at,
                                                    COALESCE(m.sent_at, ca.answered_at)), a.id) AS n
              FROM attachment a
              LEFT JOIN case_message m ON m.id = a.message_id
              LEFT JOIN complaint_answer ca ON ca.id = a.answer_id
              WHERE a.institution_id IS NULL OR a.message_id IS NOT NULL OR a.answer_id IS NOT NULL) document
            ON document.case_id = added.case_id AND document.side = added.side AND document.n = added.n) pair
    ON pair.event_id = e.id
SET e.data = JSON_OBJECT('type', 'ATTACHMENT_ADDED', 'attachmentId', pair.attachment_id);

-- Whatever could not be paired keeps at least its type; every event has a payload from now on.
UPDATE case_event SET data = JSON_OBJECT('type', type)
WHERE data IS NULL OR JSON_VALUE(data, '$.type') IS NULL;

ALTER TABLE case_event MODIFY data TEXT NOT NULL;
