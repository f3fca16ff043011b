package ma.bawaba.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import ma.bawaba.cases.CaseAudience;
import ma.bawaba.cases.InboxQuery;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.web.Page;

/**
 * The caller's cases of every service in one list: the same cases each service's own inbox shows them
 * ({@link CaseAudience}, through {@link InboxQuery}), with the filters of all of them, newest first by case id. A page
 * and an export read the same query; an export reads it in keyset batches, each in a short transaction of its own,
 * and hands each row on as it comes, so that it never holds more than one batch.
 */
@ApplicationScoped
public class Inbox {

    private static final String SELECT = "select new " + InboxRow.class.getName()
            + "(f.id, f.number, f.service, f.kind, f.status, f.institutionId, f.officeId, c.categoryId, c.subject,"
            + " f.submittedAt, f.updatedAt, f.dueDate, f.closed)";
    // A complaint's category and subject; the other services have neither.
    private static final String COMPLAINT = " left join Complaint c on c.caseId = f.id";

    private final EntityManager entityManager;
    private final Clock clock;
    private final int exportBatchSize;

    Inbox(EntityManager entityManager, Clock clock, BawabaConfig config) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.exportBatchSize = config.inbox().exportBatchSize();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<InboxRow> list(Caller staff, InboxFilter filter, Page.Request request) {
        List<InboxRow> rows = query(staff, filter).page(entityManager, SELECT, COMPLAINT, InboxRow.class, request);
        return Page.of(rows, request, row -> Long.toString(row.id()), Function.identity());
    }

    /** Every case of the list, newest first, handed to {@code sink} one by one; answers how many. */
    public long export(Caller staff, InboxFilter filter, Consumer<InboxRow> sink) {
        InboxQuery query = query(staff, filter);
        long count = 0;
        Long after = null;
        while (true) {
            Long from = after;
            List<InboxRow> batch = QuarkusTransaction.requiringNew().call(() -> query.batch(entityManager, SELECT, COMPLAINT,
                    InboxRow.class, from, exportBatchSize));
            batch.forEach(sink);
            count += batch.size();
            if (batch.size() < exportBatchSize) {
                return count;
            }
            after = batch.get(batch.size() - 1).id();
        }
    }

    private InboxQuery query(Caller staff, InboxFilter filter) {
        return InboxQuery.of(staff)
                .onItsIndex()
                .service(filter.service())
                .status(filter.status())
                .kind(filter.kind())
                .overdue(filter.overdue(), TimeSource.today(clock))
                .dueBefore(filter.dueBefore())
                .updatedSince(filter.updatedSince())
                .and("c.categoryId = :category", "category", filter.categoryId())
                // Words are looked for in complaints' subjects, whose collation ignores accents and case.
                .text(filter.text(), "c.subject like :words escape '!'");
    }
}
