package ma.bawaba.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.problem.DomainException;

/**
 * One service's lifecycle, the same type for every service: a table whose rows each say from which statuses, to
 * which status, fired by whom, and under which guard (windows, counts, deadlines). A command asks {@link #check}
 * before it moves a case; what a client is shown about a window ({@code reopenableUntil}, {@code
 * internalComplaintUntil}…) is read from the same guard through {@link #window}, so that the two cannot drift.
 *
 * @param <S> the service's statuses (the contract's enum, see LifecycleContractTest)
 * @param <A> who fires a move
 * @param <C> what the guards read: the case as the service sees it at the moment of the command
 */
public final class Lifecycle<S extends Enum<S>, A extends Enum<A>, C> {

    /** From any of these statuses, to that one, by that actor, when the guard allows it. */
    public record Row<S, A, C>(Set<S> from, S to, A actor, Guard<C> guard) {
    }

    /** When a row applies and whether it allows the move now. */
    @FunctionalInterface
    public interface Guard<C> {

        Verdict judge(C subject);

        /** No condition beyond the table. */
        static <C> Guard<C> always() {
            return subject -> Verdict.allowed();
        }

        /** The row applies only to the subjects that match (a kind of case); to others it is as if it were absent. */
        static <C> Guard<C> onlyFor(Predicate<C> applies) {
            return subject -> applies.test(subject) ? Verdict.allowed() : Verdict.NOT_APPLICABLE;
        }

        /** This guard, then the next one: the first that does not allow decides. */
        default Guard<C> and(Guard<C> next) {
            return subject -> {
                Verdict first = judge(subject);
                return first instanceof Verdict.Allowed ? next.judge(subject) : first;
            };
        }
    }

    /**
     * The days (Morocco) during which a move may be made: from its first day to the end of its last one. An open
     * beginning ({@code opens} null) means it has been allowed since the case reached its status.
     */
    public record Window(LocalDate opens, LocalDate lastDay) {

        /** The instant the window closes: the midnight that ends its last day. */
        public Instant closesAt() {
            return TimeSource.startOf(lastDay.plusDays(1));
        }
    }

    /** What a guard says about a move at the moment it is asked. */
    public sealed interface Verdict {

        /** The row does not concern this case (another kind): the table refuses the move if no other row allows it. */
        Verdict NOT_APPLICABLE = new NotApplicable();

        static Verdict allowed() {
            return new Allowed(null);
        }

        /** The move is allowed now, until the window's end when there is one. */
        record Allowed(Window window) implements Verdict {
        }

        /**
         * The move is refused, with the 409 that says why; the window is still shown when it lies ahead (an appeal
         * that opens once a deadline has passed).
         */
        record Refused(DomainException.Conflict refusal, Window ahead) implements Verdict {
        }

        record NotApplicable() implements Verdict {
        }
    }

    private final Class<S> statuses;
    private final Function<C, S> statusOf;
    private final BiFunction<C, S, DomainException.Conflict> notInTable;
    private final List<Row<S, A, C>> rows;

    /**
     * @param statusOf   the current status of a subject
     * @param notInTable the 409 for a move no row allows (it names the current status)
     */
    public Lifecycle(Class<S> statuses, Function<C, S> statusOf, BiFunction<C, S, DomainException.Conflict> notInTable,
                     List<Row<S, A, C>> rows) {
        this.statuses = statuses;
        this.statusOf = statusOf;
        this.notInTable = notInTable;
        this.rows = List.copyOf(rows);
    }

    public Set<S> statuses() {
        return EnumSet.allOf(statuses);
    }

    public List<Row<S, A, C>> rows() {
        return rows;
    }

    /** Allows the move for one of the actors, or throws the 409 of the guard or of the table. */
    public void check(C subject, S to, Set<A> actors) {
        if (judge(subject, to, actors) instanceof Verdict.Refused refused) {
            throw refused.refusal();
        }
    }

    public void check(C subject, S to, A actor) {
        check(subject, to, EnumSet.of(actor));
    }

    /**
     * The verdict on moving the subject to that status by one of the actors: the first row that allows it, else
     * the first guard's refusal, else the table's refusal.
     */
    public Verdict judge(C subject, S to, Set<A> actors) {
        S from = statusOf.apply(subject);
        Verdict.Refused firstRefusal = null;
        for (Row<S, A, C> row : rows) {
            if (row.to() != to || !actors.contains(row.actor()) || !row.from().contains(from)) {
                continue;
            }
            Verdict verdict = row.guard().judge(subject);
            if (verdict instanceof Verdict.Allowed) {
                return verdict;
            }
            if (verdict instanceof Verdict.Refused refused && firstRefusal == null) {
                firstRefusal = refused;
            }
        }
        return firstRefusal != null ? firstRefusal : new Verdict.Refused(notInTable.apply(subject, to), null);
    }

    /** The window of a move the actor may make now; null when the move has no window or is not allowed now. */
    public Window windowOpenNow(C subject, S to, A actor) {
        return judge(subject, to, EnumSet.of(actor)) instanceof Verdict.Allowed allowed ? allowed.window() : null;
    }

    /**
     * The window of a move the actor may make now, or will be able to make once it opens; null when the move has
     * no window or will not be allowed.
     */
    public Window window(C subject, S to, A actor) {
        Verdict verdict = judge(subject, to, EnumSet.of(actor));
        if (verdict instanceof Verdict.Allowed allowed) {
            return allowed.window();
        }
        return verdict instanceof Verdict.Refused refused ? refused.ahead() : null;
    }
}
