package ma.bawaba.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import ma.bawaba.cases.CaseAudience;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.database.Sql;
import ma.bawaba.platform.database.WriteTransaction;
import org.hibernate.Session;

/**
 * Gives the change feed its order: one batch of committed events that have no position yet receives the next
 * positions, in event-id order, in one transaction.
 *
 * <p>Why not page the feed by event id: AUTO_INCREMENT ids are handed out when a row is inserted, not when its
 * transaction commits, so an event with a smaller id can become visible after one with a larger id (two transactions
 * commit in either order; a Galera cluster also interleaves ids per node). A reader that stored "the last id I saw"
 * would skip the late one for ever. A position is given here instead, and only to events whose transactions have
 * committed (only those are visible to this one), and every batch gives positions above every position given before:
 * <ul>
 * <li>one batch at a time, across every instance: each batch first holds the {@code inbox_feed_sequencer} row
 * ({@code SELECT ... FOR UPDATE SKIP LOCKED}; an instance that finds it held leaves the work to the holder) and writes
 * it, so that two Galera nodes sequencing at once fail certification on that row and one batch is rolled back;</li>
 * <li>a batch reads the last position from that row, and commits its positions and the row's new last position
 * together: a reader sees a batch whole or not at all, and never a later batch without the earlier ones (a node
 * applies commits in the cluster's order);</li>
 * <li>an event committed after the batch began is simply in the next batch, with a larger position: a reader that
 * resumes after the last position it saw never misses it, and never sees an event twice (its backlog row is deleted
 * in the batch that placed it).</li>
 * </ul>
 * The job runs whether or not anyone reads the feed, so that the backlog stays small and the feed a second behind.
 */
@ApplicationScoped
public class FeedSequencing {

    private static final String INSERT = "INSERT INTO inbox_feed (audience, tenant_id, position, event_id) VALUES (?, ?, ?, ?)";

    private final EntityManager entityManager;
    private final Clock clock;
    private final int batchSize;

    FeedSequencing(EntityManager entityManager, Clock clock, BawabaConfig config) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.batchSize = config.inbox().sequenceBatchSize();
    }

    /** Places one batch; answers how many events it placed (0 when none waits, or another instance holds the row). */
    @WriteTransaction
    public int sequenceBatch() {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Long last = holdSequencer(connection);
            if (last == null) {
                return 0;
            }
            List<long[]> backlog = backlog(connection);
            if (backlog.isEmpty()) {
                return 0;
            }
            long position = last;
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (long[] event : backlog) {
                    position++;
                    long eventId = event[0];
                    add(insert, CaseAudience.INSTITUTION, event[1], position, eventId);
                    add(insert, CaseAudience.INSTITUTION, event[2], position, eventId);
                    add(insert, CaseAudience.REVIEWER, event[3], position, eventId);
                    add(insert, CaseAudience.OFFICE, event[4], position, eventId);
                }
                insert.executeBatch();
            }
            // By id, those read and no other: an event that committed meanwhile (a smaller id, late) waits for the next batch.
            try (PreparedStatement done = connection.prepareStatement("DELETE FROM inbox_feed_backlog WHERE event_id IN ("
                    + Sql.placeholders(backlog.size()) + ")")) {
                int index = 1;
                for (long[] event : backlog) {
                    done.setLong(index++, event[0]);
                }
                done.executeUpdate();
            }
            try (PreparedStatement progress = connection.prepareStatement(
                    "UPDATE inbox_feed_sequencer SET last_position = ?, holder = CONNECTION_ID(), sequenced_at = ? WHERE name = 'feed'")) {
                progress.setLong(1, position);
                progress.setObject(2, LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                progress.executeUpdate();
            }
            return backlog.size();
        });
    }

    /** The last position given, once this transaction holds the sequencer's row; null when another one holds it. */
    private static Long holdSequencer(Connection connection) throws SQLException {
        try (PreparedStatement hold = connection.prepareStatement(
                "SELECT last_position FROM inbox_feed_sequencer WHERE name = 'feed' FOR UPDATE SKIP LOCKED");
             ResultSet held = hold.executeQuery()) {
            return held.next() ? held.getLong(1) : null;
        }
    }

    /** The oldest events of the backlog by id, each as {id, institution, former institution, reviewer, office} (0: none). */
    private List<long[]> backlog(Connection connection) throws SQLException {
        List<long[]> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT event_id, institution_id, former_institution_id,"
                + " reviewer_institution_id, office_id FROM inbox_feed_backlog ORDER BY event_id LIMIT ?")) {
            select.setInt(1, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)});
                }
            }
        }
        return events;
    }

    private static void add(PreparedStatement insert, CaseAudience audience, long tenant, long position, long eventId)
            throws SQLException {
        if (tenant == 0) {
            return;
        }
        insert.setString(1, audience.name());
        insert.setLong(2, tenant);
        insert.setLong(3, position);
        insert.setLong(4, eventId);
        insert.addBatch();
    }
}
