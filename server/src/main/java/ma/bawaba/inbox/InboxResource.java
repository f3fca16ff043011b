package ma.bawaba.inbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import ma.bawaba.cases.web.CaseTimeline;
import ma.bawaba.cases.web.ContentDisposition;
import ma.bawaba.contract.api.InboxApi;
import ma.bawaba.contract.model.InboxItem;
import ma.bawaba.contract.model.InboxPage;
import ma.bawaba.contract.model.Service;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.security.Access;
import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.security.Role;
import ma.bawaba.platform.web.DateFilters;
import ma.bawaba.platform.web.Page;
import ma.bawaba.platform.web.Paging;

/** /inbox: the caller's cases of every service, their change feed and their export. */
public class InboxResource implements InboxApi {

    static final MediaType CSV = new MediaType("text", "csv", "UTF-8");
    static final MediaType NDJSON = new MediaType("application", "x-ndjson", "UTF-8");
    /** Every staff role with cases of its own; an administrator has none (403). */
    private static final Role[] WITH_CASES = {Role.AGENT, Role.HEAD, Role.COMMISSION, Role.OFFICE_CLERK, Role.POSTAL_OPERATOR};

    private final Inbox inbox;
    private final ChangeFeed feed;
    private final CaseTimeline timeline;
    private final Access access;
    private final Paging paging;
    private final Clock clock;
    private final ObjectWriter lines;

    @Context
    HttpHeaders headers;

    InboxResource(Inbox inbox, ChangeFeed feed, CaseTimeline timeline, Access access, Paging paging, Clock clock,
                  ObjectMapper json) {
        this.inbox = inbox;
        this.feed = feed;
        this.timeline = timeline;
        this.access = access;
        this.paging = paging;
        this.clock = clock;
        this.lines = json.writerFor(InboxItem.class);
    }

    @Override
    public Response listInbox(String acceptLanguage, Service service, String status, Boolean overdue, LocalDate dueBefore,
                              OffsetDateTime updatedSince, Long categoryId, String kind, String q, Integer limit, String cursor) {
        Caller staff = access.require(WITH_CASES);
        requireSaneDates(dueBefore, updatedSince);
        InboxFilter filter = InboxMapper.filter(service, status, overdue, dueBefore, updatedSince, categoryId, kind, q);
        Page<InboxRow> page = inbox.list(staff, filter, paging.request(limit, cursor));
        LocalDate today = TimeSource.today(clock);
        return Response.ok(new InboxPage()
                .items(page.items().stream().map(row -> InboxMapper.item(row, today)).toList())
                .nextCursor(page.nextCursor())).build();
    }

    @Override
    public Response listInboxEvents(String acceptLanguage, Long after, Integer limit) {
        Caller staff = access.require(WITH_CASES);
        ChangeFeed.Slice slice = feed.after(staff, after == null ? 0 : after, limit == null ? 20 : limit);
        return Response.ok(InboxMapper.feed(slice, timeline)).build();
    }

    @Override
    public Response exportInbox(String acceptLanguage, Service service, String status, Boolean overdue, LocalDate dueBefore,
                                OffsetDateTime updatedSince, Long categoryId, String kind, String q) {
        Caller staff = access.require(WITH_CASES);
        requireSaneDates(dueBefore, updatedSince);
        InboxFilter filter = InboxMapper.filter(service, status, overdue, dueBefore, updatedSince, categoryId, kind, q);
        boolean ndjson = prefersNdjson();
        LocalDate today = TimeSource.today(clock);
        // Written while it is read: one batch of cases in memory at a time, whatever the export's size.
        StreamingOutput body = output -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            if (!ndjson) {
                writer.write(InboxMapper.CSV_HEADER);
            }
            try {
                inbox.export(staff, filter, row -> {
                    InboxItem item = InboxMapper.item(row, today);
                    try {
                        writer.write(ndjson ? lines.writeValueAsString(item) + "\n" : InboxMapper.csv(item));
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    }
                });
            } catch (UncheckedIOException clientGone) {
                // The client closed the connection: the export stops at the batch it was writing.
                throw clientGone.getCause();
            }
            writer.flush();
        };
        return Response.ok(body, ndjson ? NDJSON : CSV)
                .header("Content-Disposition", ContentDisposition.attachment("inbox-" + today + (ndjson ? ".ndjson" : ".csv")))
                .header(HttpHeaders.VARY, "Accept")
                .build();
    }

    /** 400 naming the parameter for a year outside 2000-2100 (the database would compare it wrongly, not refuse it). */
    private static void requireSaneDates(LocalDate dueBefore, OffsetDateTime updatedSince) {
        DateFilters.requireRange(dueBefore, "dueBefore", null, null);
        DateFilters.requireRange(updatedSince == null ? null : updatedSince.toLocalDate(), "updatedSince", null, null);
    }

    /** NDJSON when the client's Accept prefers it to CSV; CSV otherwise (also for {@code *}{@code /*}). */
    private boolean prefersNdjson() {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(CSV) && !accepted.isWildcardType()) {
                return false;
            }
            if (accepted.isCompatible(NDJSON) && !accepted.isWildcardType()) {
                return true;
            }
        }
        return false;
    }
}
