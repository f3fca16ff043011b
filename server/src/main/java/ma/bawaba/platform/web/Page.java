package ma.bawaba.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;

/**
 * A keyset page: the caller asks for {@code limit} items after an opaque cursor; the query fetches one more row
 * than asked to know whether a next page exists. Cursors encode the sort key of the last item, never an offset.
 */
public record Page<T>(List<T> items, String nextCursor) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** The requested size (already bounded by the contract) and the decoded position after which to read. */
    public record Request(int limit, String after) {

        public static Request of(Integer limit, String cursor, int defaultLimit, int maxLimit) {
            int size = limit == null ? defaultLimit : Math.max(1, Math.min(limit, maxLimit));
            return new Request(size, cursor == null ? null : decode(cursor));
        }

        /** The position as a number (for lists ordered by id); a malformed cursor is the caller's mistake. */
        public Long afterId() {
            if (after == null) {
                return null;
            }
            try {
                return Long.parseLong(after);
            } catch (NumberFormatException malformed) {
                throw DomainException.BadRequest.field("cursor", FieldErrorCode.INVALID, "field.invalid");
            }
        }

        /** Rows to fetch: one more than the page, to know whether there is a next one. */
        public int fetchSize() {
            return limit + 1;
        }
    }

    /** Cuts the fetched rows (up to limit + 1) into a page and the cursor of its last item. */
    public static <E, T> Page<T> of(List<E> rows, Request request, Function<E, String> sortKey, Function<E, T> mapper) {
        boolean more = rows.size() > request.limit();
        List<E> shown = more ? rows.subList(0, request.limit()) : rows;
        String next = more ? encode(sortKey.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(mapper).toList(), next);
    }

    static String encode(String position) {
        return ENCODER.encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        try {
            return new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw DomainException.BadRequest.field("cursor", FieldErrorCode.INVALID, "field.invalid");
        }
    }
}
