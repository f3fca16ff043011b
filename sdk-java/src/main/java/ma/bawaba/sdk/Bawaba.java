package ma.bawaba.sdk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import ma.bawaba.sdk.client.ApiClient;
import ma.bawaba.sdk.client.ApiException;
import ma.bawaba.sdk.model.Problem;
import ma.bawaba.sdk.model.ProblemCode;

/**
 * The thin hand-written layer over the generated client: one place to configure the base URL and credential,
 * typed problems instead of raw exceptions, and cursor paging as a simple loop.
 */
public final class Bawaba {

    // A newer server may add facts to its problems: reading an older SDK's Problem must not fail on them.
    private static final ObjectMapper PROBLEMS = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Bawaba() {
    }

    /** A client for {@code baseUri} (e.g. {@code https://api.example.ma/api/v1}) sending an API key with every call. */
    public static ApiClient withApiKey(String baseUri, String apiKey) {
        return client(baseUri, "X-Api-Key", apiKey);
    }

    /** A client for a citizen front end, opening one case with its case token. */
    public static ApiClient withCaseToken(String baseUri, String caseToken) {
        return client(baseUri, "X-Case-Token", caseToken);
    }

    public static ApiClient anonymous(String baseUri) {
        return client(baseUri, null, null);
    }

    private static ApiClient client(String baseUri, String header, String value) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(baseUri);
        client.setRequestInterceptor(request -> {
            if (header != null) {
                request.header(header, value);
            }
        });
        return client;
    }

    /** The If-Match value for a change based on a resource's {@code version} (its ETag is that number, quoted). */
    public static String ifMatch(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The problem+json body of a failed call, when the server sent one. Its {@code code} and facts
     * ({@code currentStatus}, {@code allowedUntil}, {@code limit}...) are what to act on; {@code detail} is for people.
     */
    public static Optional<Problem> problem(ApiException failure) {
        try {
            return Optional.of(PROBLEMS.readValue(failure.getResponseBody(), Problem.class));
        } catch (Exception notAProblem) {
            return Optional.empty();
        }
    }

    /**
     * The code of a failed call's problem, to branch on: {@code UNKNOWN_DEFAULT_OPEN_API} for a code newer than this
     * SDK, empty when the answer was not a problem (a proxy's error page).
     */
    public static Optional<ProblemCode> code(ApiException failure) {
        return problem(failure).map(Problem::getCode);
    }

    /** Whether a call failed with that problem code, e.g. {@code Bawaba.hasCode(failure, ProblemCode.WINDOW_CLOSED)}. */
    public static boolean hasCode(ApiException failure, ProblemCode code) {
        return code(failure).filter(code::equals).isPresent();
    }

    /** One page of a list: its items and the cursor of the next page (null on the last). */
    public record Page<T>(List<T> items, String nextCursor) {
    }

    /** Fetches the page that starts at a cursor (null: the first page). */
    @FunctionalInterface
    public interface PageFetcher<T> {
        Page<T> fetch(String cursor) throws ApiException;
    }

    /** Reads every page of a list, following {@code nextCursor}, up to {@code maxItems} items. */
    public static <T> List<T> all(PageFetcher<T> fetch, int maxItems) throws ApiException {
        List<T> items = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = fetch.fetch(cursor);
            items.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null && items.size() < maxItems);
        return items;
    }

    /**
     * Every item of a list, page after page, fetched only as the iteration reaches it (following {@code nextCursor}): for
     * lists too long to hold at once, such as an inbox. A page that cannot be fetched ends the iteration with a
     * {@link PagingFailure} that carries the {@link ApiException}.
     */
    public static <T> Iterable<T> each(PageFetcher<T> fetch) {
        return () -> new Iterator<>() {
            private Iterator<T> page = Collections.emptyIterator();
            private String cursor;
            private boolean last;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && !last) {
                    Page<T> next;
                    try {
                        next = fetch.fetch(cursor);
                    } catch (ApiException failure) {
                        throw new PagingFailure(failure);
                    }
                    page = next.items().iterator();
                    cursor = next.nextCursor();
                    last = cursor == null;
                }
                return page.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
    }

    /** A page of {@link #each} that could not be fetched. */
    public static final class PagingFailure extends RuntimeException {
        public PagingFailure(ApiException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized ApiException getCause() {
            return (ApiException) super.getCause();
        }
    }
}
