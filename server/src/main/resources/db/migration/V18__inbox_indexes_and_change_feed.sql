-- The unified inbox (GET /inbox) and its change feed (GET /inbox/events), issue 11.
--
-- 1. Indexes by which an inbox page, of any depth, reads a constant number of rows: each tenant column (the
--    institution, the reviewing commission, the office, the post) followed by the id, which is the inbox's order
--    (newest first), alone or after the filters that are equalities (status, kind, open or not); the due date rides
--    along so that the overdue filter is answered from the index. The post's tenancy is a moment, not a column:
--    handed_to_post is the indexed fact that an order was handed to it.
-- 2. inbox_feed_backlog: one row per case event not yet in the feed, written in the event's transaction with the
--    bodies whose feeds it goes to (known then: the case's body, the sending body of a transfer, the commission
--    reviewing the case, the office).
-- 3. inbox_feed: the feed itself, one row per event and body, at the position the sequencer gave the event. A reader
--    pages by (audience, tenant, position) only, never by event id: ids are neither contiguous nor in commit order.
-- 4. inbox_feed_sequencer: the one row the sequencer holds (SELECT ... FOR UPDATE SKIP LOCKED) while it gives the
--    next positions, with the last position given.

ALTER TABLE case_file
    ADD COLUMN handed_to_post BOOLEAN AS (handed_to_post_at IS NOT NULL) VIRTUAL,
    ADD INDEX ix_case_institution_recent (institution_id, id),
    ADD INDEX ix_case_institution_status_recent (institution_id, status, id),
    ADD INDEX ix_case_institution_kind_recent (institution_id, kind, id),
    ADD INDEX ix_case_institution_open_recent (institution_id, final, id, due_date),
    ADD INDEX ix_case_reviewer_recent (reviewer_institution_id, id),
    ADD INDEX ix_case_office_recent (office_id, id),
    ADD INDEX ix_case_office_kind_recent (office_id, kind, id),
    ADD INDEX ix_case_office_open_recent (office_id, final, id, due_date),
    ADD INDEX ix_case_post_recent (handed_to_post, id),
    ADD INDEX ix_case_post_status_recent (handed_to_post, status, id);

CREATE TABLE inbox_feed_backlog (
    event_id                BIGINT NOT NULL PRIMARY KEY,
    institution_id          BIGINT NULL,
    former_institution_id   BIGINT NULL,
    reviewer_institution_id BIGINT NULL,
    office_id               BIGINT NULL
) ENGINE = InnoDB;

CREATE TABLE inbox_feed (
    audience  VARCHAR(12) NOT NULL,
    tenant_id BIGINT      NOT NULL,
    position  BIGINT      NOT NULL,
    event_id  BIGINT      NOT NULL,
    PRIMARY KEY (audience, tenant_id, position)
) ENGINE = InnoDB;

CREATE TABLE inbox_feed_sequencer (
    name          VARCHAR(20)  NOT NULL PRIMARY KEY,
    last_position BIGINT       NOT NULL,
    holder        BIGINT       NULL,
    sequenced_at  TIMESTAMP(6) NULL
) ENGINE = InnoDB;

-- feed backfill begin (bench/inbox.sh runs these statements again on a generated data set)
-- The events recorded before this migration all committed: they take positions in id order, as one batch would.
INSERT INTO inbox_feed_backlog (event_id, institution_id, former_institution_id, reviewer_institution_id, office_id)
SELECT e.id, e.institution_id,
       IF(e.type = 'TRANSFERRED' AND e.actor_institution_id <> e.institution_id, e.actor_institution_id, NULL),
       -- the commission reviews a request from its escalation on
       IF(f.reviewer_institution_id IS NOT NULL AND e.occurred_at >= (
              SELECT MIN(x.occurred_at) FROM case_event x WHERE x.case_id = e.case_id AND x.type = 'ESCALATED'),
          f.reviewer_institution_id, NULL),
       e.office_id
FROM case_event e JOIN case_file f ON f.id = e.case_id
WHERE NOT EXISTS (SELECT 1 FROM inbox_feed_sequencer);

INSERT INTO inbox_feed (audience, tenant_id, position, event_id)
SELECT 'INSTITUTION', institution_id, event_id, event_id FROM inbox_feed_backlog WHERE institution_id IS NOT NULL
UNION ALL
SELECT 'INSTITUTION', former_institution_id, event_id, event_id FROM inbox_feed_backlog WHERE former_institution_id IS NOT NULL
UNION ALL
SELECT 'REVIEWER', reviewer_institution_id, event_id, event_id FROM inbox_feed_backlog WHERE reviewer_institution_id IS NOT NULL
UNION ALL
SELECT 'OFFICE', office_id, event_id, event_id FROM inbox_feed_backlog WHERE office_id IS NOT NULL;

INSERT INTO inbox_feed_sequencer (name, last_position)
SELECT 'feed', COALESCE((SELECT MAX(event_id) FROM inbox_feed_backlog), 0)
WHERE NOT EXISTS (SELECT 1 FROM inbox_feed_sequencer);

DELETE FROM inbox_feed_backlog;
-- feed backfill end
