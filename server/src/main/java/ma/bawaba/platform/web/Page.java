package ma.bawaba.platform.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;

/**
 * A keyset page: the caller asks for {@code limit} items after a cursor; the query fetches one more row than asked to
 * know whether a next page exists. A cursor holds the sort key of the last item shown, never an offset, sealed by
 * {@link Paging} to the list and filters it was given for.
 */
public record Page<T>(List<T> items, String nextCursor) {

    /** The requested size (already bounded) and the position after which to read, as the cursor's list wrote it. */
    public static final class Request {

        private final int limit;
        private final String after;
        private final UnaryOperator<String> seal;

        Request(int limit, String after, UnaryOperator<String> seal) {
            this.limit = limit;
            this.after = after;
            this.seal = seal;
        }

        public int limit() {
            return limit;
        }

        /** The sort key of the last item of the previous page; null for the first page. */
        public String after() {
            return after;
        }

        /** The position as a number (for lists ordered by id). */
        public Long afterId() {
            if (after == null) {
                return null;
            }
            try {
                return Long.parseLong(after);
            } catch (NumberFormatException notThisListsKey) {
                throw DomainException.BadRequest.field("cursor", FieldErrorCode.INVALID, "field.cursor-foreign");
            }
        }

        /** Rows to fetch: one more than the page, to know whether there is a next one. */
        public int fetchSize() {
            return limit + 1;
        }

        String cursorAfter(String position) {
            return seal.apply(position);
        }
    }

    /** Cuts the fetched rows (up to limit + 1) into a page and the cursor of its last item. */
    public static <E, T> Page<T> of(List<E> rows, Request request, Function<E, String> sortKey, Function<E, T> mapper) {
        boolean more = rows.size() > request.limit();
        List<E> shown = more ? rows.subList(0, request.limit()) : rows;
        String next = more ? request.cursorAfter(sortKey.apply(shown.get(shown.size() - 1))) : null;
        return new Page<>(shown.stream().map(mapper).toList(), next);
    }
}
