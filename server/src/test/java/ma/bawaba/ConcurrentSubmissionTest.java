package ma.bawaba;

import static ma.bawaba.ComplaintFixtures.agency;
import static ma.bawaba.ComplaintFixtures.complaint;
import static ma.bawaba.support.Api.anonymous;
import static ma.bawaba.support.Api.clientAddress;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import ma.bawaba.ComplaintFixtures.Agency;
import org.junit.jupiter.api.Test;

/**
 * Many citizens filing at the same moment, as a careful front end does: every creation with its own
 * Idempotency-Key. Each must be created exactly once, and two copies of one request sent at once must create one
 * case between them (they used to deadlock into 500s, or create two cases).
 */
@QuarkusTest
class ConcurrentSubmissionTest {

    private static final int CLIENTS = 32;

    @Test
    void thirtyTwoClientsFilingAtOnceWithTheirOwnKeysAllSucceedExactlyOnce() throws Exception {
        Agency agency = agency();
        String address = clientAddress();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            keys.add(UUID.randomUUID().toString());
        }
        List<ExtractableResponse<Response>> answers = atOnce(keys.stream()
                .map(key -> (Callable<ExtractableResponse<Response>>) () -> submit(agency, key, clientAddress()))
                .toList());

        Set<String> numbers = new HashSet<>();
        for (ExtractableResponse<Response> answer : answers) {
            assertEquals(201, answer.statusCode(), answer.asString());
            numbers.add(answer.path("complaint.number"));
        }
        assertEquals(CLIENTS, numbers.size());
        agency.agent().queryParam("limit", 100).get("/complaints").then().statusCode(200).body("items", hasSize(CLIENTS));
        // And each key still answers with its own complaint.
        assertEquals(answers.get(7).<String>path("complaint.number"),
                submit(agency, keys.get(7), address).path("complaint.number"));
    }

    @Test
    void twoCopiesOfOneRequestSentAtOnceCreateOneCase() throws Exception {
        Agency agency = agency();
        int rounds = 15;
        for (int round = 0; round < rounds; round++) {
            String key = UUID.randomUUID().toString();
            String address = clientAddress();
            List<ExtractableResponse<Response>> twins = atOnce(List.of(
                    () -> submit(agency, key, address), () -> submit(agency, key, address)));
            for (ExtractableResponse<Response> twin : twins) {
                assertEquals(201, twin.statusCode(), twin.asString());
            }
            assertEquals(twins.get(0).<String>path("complaint.number"), twins.get(1).path("complaint.number"));
            assertEquals(1, twins.stream().filter(twin -> "true".equals(twin.header("Idempotent-Replayed"))).count(),
                    "exactly one of the twins is the replay");
        }
        agency.agent().queryParam("limit", 100).get("/complaints").then().statusCode(200).body("items", hasSize(rounds));
    }

    @Test
    void aRetryIsAnsweredFromItsRecordEvenWhenTheLimitIsReached() {
        Agency agency = agency();
        String address = clientAddress();
        String firstKey = UUID.randomUUID().toString();
        String first = submit(agency, firstKey, address).path("complaint.number");
        for (int i = 1; i < 5; i++) {
            assertEquals(201, submit(agency, UUID.randomUUID().toString(), address).statusCode());
        }
        assertEquals(429, submit(agency, UUID.randomUUID().toString(), address).statusCode());

        anonymous().header("X-Forwarded-For", address).header("Idempotency-Key", firstKey)
                .contentType("application/json").body(complaint(agency.id(), "COMPLAINT")).post("/complaints")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("complaint.number", equalTo(first));
    }

    private static ExtractableResponse<Response> submit(Agency agency, String key, String address) {
        Map<String, Object> body = complaint(agency.id(), "COMPLAINT");
        return anonymous().header("X-Forwarded-For", address).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/complaints").then().extract();
    }

    /** Runs the calls on as many threads, released together by a barrier; waits for all of them. */
    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls.size());
        try {
            CyclicBarrier start = new CyclicBarrier(calls.size());
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }
}
