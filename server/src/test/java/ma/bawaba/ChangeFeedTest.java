package ma.bawaba;

import static ma.bawaba.support.Api.invalid;
import static ma.bawaba.support.Api.withKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import ma.bawaba.cases.CaseFile;
import ma.bawaba.cases.CaseLedger;
import ma.bawaba.cases.events.CaseEventData;
import ma.bawaba.inbox.FeedSequencer;
import ma.bawaba.platform.security.Caller;
import org.junit.jupiter.api.Test;

/** The change feed, as an institution's system follows it: poll after the last position, never miss, never repeat. */
@QuarkusTest
class ChangeFeedTest {

    @Inject
    FeedSequencer sequencer;

    @Inject
    CaseLedger ledger;

    /** One event as a poller records it. */
    record Seen(long position, String caseNumber, String type) {
    }

    /** Polls the feed after {@code after} until it has caught up, as a client that stores its position would. */
    static List<Seen> poll(Supplier<RequestSpecification> caller, long after, List<Long> lastPosition) {
        List<Seen> seen = new ArrayList<>();
        boolean more;
        long position = after;
        do {
            JsonPath page = caller.get().queryParam("after", position).queryParam("limit", 2).get("/inbox/events")
                    .then().statusCode(200).header("Cache-Control", "no-store").extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (int i = 0; i < items.size(); i++) {
                seen.add(new Seen(page.getLong("items[" + i + "].position"), page.getString("items[" + i + "].caseNumber"),
                        page.getString("items[" + i + "].event.type")));
            }
            position = page.getLong("lastPosition");
            more = page.getBoolean("hasMore");
        } while (more);
        lastPosition.add(position);
        return seen;
    }

    private static long last(List<Long> positions) {
        return positions.get(positions.size() - 1);
    }

    @Test
    void institutionFollowsItsFeedFromAStoredPositionAndSeesEveryChangeOnce() {
        ComplaintFixtures.Agency agency = ComplaintFixtures.agency();
        ComplaintFixtures.Agency other = ComplaintFixtures.agency();
        String number = ComplaintFixtures.file(agency).number();
        String theirs = ComplaintFixtures.file(other).number();
        List<Long> stored = new ArrayList<>();

        // Not yet placed by the sequencer: not in the feed (it runs a second behind, read or not).
        assertEquals(List.of(), poll(agency::agent, 0, stored));
        assertEquals(0, last(stored));
        sequencer.sequenceAll();
        assertEquals(List.of("SUBMITTED"), poll(agency::agent, 0, stored).stream().map(Seen::type).toList());

        ComplaintFixtures.acknowledge(agency, number);
        ComplaintFixtures.answer(agency, number, "Votre dossier est traité.");
        sequencer.sequenceAll();
        List<Seen> next = poll(agency::agent, last(stored), stored);
        assertEquals(List.of("ACKNOWLEDGED", "ANSWERED"), next.stream().map(Seen::type).toList());
        assertTrue(next.stream().allMatch(seen -> seen.caseNumber().equals(number)));
        assertTrue(next.get(0).position() < next.get(1).position());
        assertEquals(List.of(), poll(agency::agent, last(stored), stored));

        JsonPath answered = agency.agent().queryParam("after", next.get(0).position()).get("/inbox/events").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("COMPLAINTS", answered.getString("items[0].service"));
        assertEquals("INSTITUTION", answered.getString("items[0].event.actor"));
        assertEquals("ANSWERED", answered.getString("items[0].event.data.type"));
        assertEquals("ANSWERED", answered.getString("items[0].event.toStatus"));

        // Another body's events are never in this feed, and this body's never in that one.
        List<Seen> theirFeed = poll(other::agent, 0, stored);
        assertEquals(List.of(theirs), theirFeed.stream().map(Seen::caseNumber).distinct().toList());
    }

    @Test
    void aTransferIsInTheFeedOfTheBodyItLeavesAndTheCaseGoesOnInTheOther() {
        ComplaintFixtures.Agency first = ComplaintFixtures.agency();
        ComplaintFixtures.Agency competent = ComplaintFixtures.agency();
        String number = ComplaintFixtures.file(first).number();
        ComplaintFixtures.move(first, number, Map.of("to", "TRANSFERRED", "reason", "Relève de l'agence compétente.",
                "institutionId", competent.id())).response().then().statusCode(200);
        ComplaintFixtures.acknowledge(competent, number);
        sequencer.sequenceAll();
        List<Long> stored = new ArrayList<>();
        // The reason is a message the first body sent while the case was still its own.
        assertEquals(List.of("SUBMITTED", "MESSAGE_SENT", "TRANSFERRED"), poll(first::agent, 0, stored).stream().map(Seen::type).toList());
        assertEquals(List.of("TRANSFERRED", "ACKNOWLEDGED"), poll(competent::agent, 0, stored).stream().map(Seen::type).toList());
    }

    @Test
    void eventsCommittedOutOfOrderAreEachSeenOnceInCommitOrder() throws Exception {
        ComplaintFixtures.Agency agency = ComplaintFixtures.agency();
        String early = ComplaintFixtures.file(agency).number();
        String late = ComplaintFixtures.file(agency).number();
        sequencer.sequenceAll();
        List<Long> stored = new ArrayList<>();
        List<Seen> seen = new ArrayList<>(poll(agency::agent, 0, stored));

        // The first transaction takes the smaller event id, then waits; the second takes a larger id and commits first.
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong smallerId = new AtomicLong();
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            smallerId.set(ledger.record(CaseFile.find("number", early).firstResult(), Caller.SYSTEM,
                    new CaseEventData.DueDateChanged(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 4))).id);
            inserted.countDown();
            await(release);
        }));
        assertTrue(inserted.await(30, TimeUnit.SECONDS));
        long largerId = QuarkusTransaction.requiringNew().call(() -> ledger.record(CaseFile.find("number", late).firstResult(),
                Caller.SYSTEM, new CaseEventData.DueDateChanged(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 3))).id);
        assertTrue(smallerId.get() < largerId, "the event that commits last has the smaller id");

        // The poller reads while the smaller id is still uncommitted: a reader paging by id would now be past it.
        sequencer.sequenceAll();
        List<Seen> firstPoll = poll(agency::agent, last(stored), stored);
        assertEquals(List.of(new Seen(firstPoll.get(0).position(), late, "DUE_DATE_CHANGED")), firstPoll);

        release.countDown();
        slow.get(30, TimeUnit.SECONDS);
        sequencer.sequenceAll();
        List<Seen> secondPoll = poll(agency::agent, last(stored), stored);
        assertEquals(List.of(new Seen(secondPoll.get(0).position(), early, "DUE_DATE_CHANGED")), secondPoll);
        assertTrue(secondPoll.get(0).position() > firstPoll.get(0).position(), "in commit order");

        seen.addAll(firstPoll);
        seen.addAll(secondPoll);
        seen.addAll(poll(agency::agent, last(stored), stored));
        assertEquals(4, seen.size(), "two submissions and the two changes: " + seen);
        assertEquals(seen.size(), new HashSet<>(seen.stream().map(Seen::position).toList()).size(), "no event twice");
    }

    @Test
    void anOfficeFollowsItsOrdersAndThePostIsRefused() {
        DocumentOrderTest.Office office = DocumentOrderTest.office();
        DocumentOrderTest.Ordered order = DocumentOrderTest.paid(office);
        sequencer.sequenceAll();
        List<Seen> seen = poll(office::clerk, 0, new ArrayList<>());
        assertEquals(List.of("SUBMITTED", "PAID", "AT_OFFICE"), seen.stream().map(Seen::type).toList());
        assertTrue(seen.stream().allMatch(event -> event.caseNumber().equals(order.number())));
        invalid().header("X-Api-Key", DocumentOrderTest.postalKey()).get("/inbox/events").then().statusCode(403);
        JsonPath page = office.clerk().queryParam("limit", 1).get("/inbox/events").then().statusCode(200).extract().jsonPath();
        assertTrue(page.getBoolean("hasMore"));
        assertEquals(seen.get(0).position(), page.getLong("lastPosition"));
        assertFalse(withKey(ComplaintFixtures.agency().agentKey()).get("/inbox/events").then().statusCode(200).extract()
                .jsonPath().getBoolean("hasMore"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
