package ma.bawaba.cases;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.security.Caller;

/**
 * How a command changes a case of one service, written once: the case is found for the caller and locked (404 for
 * anyone who may not see it), its version must be the one the caller last read (412), the service's
 * {@link Lifecycle} must allow the move (409 naming the rule), then the service changes the case and records its
 * events, and the answer is the case read back at its new version. Services run these inside their
 * {@code @WriteTransaction} command methods, and read their views through it.
 *
 * @param <C> what the service's guards read and its changes work on (the case file and the service's own row)
 * @param <V> the service's view of a case
 */
public final class CaseCommands<S extends Enum<S>, A extends Enum<A>, C, V> {

    private final CaseFiles caseFiles;
    private final CaseService service;
    private final Lifecycle<S, A, C> lifecycle;
    private final Function<CaseFile, C> subjects;
    private final BiFunction<CaseFile, Caller, V> views;

    /**
     * @param subjects how the service reads its subject of a locked case file
     * @param views    how the service reads its view of a case for a reader
     */
    public CaseCommands(CaseFiles caseFiles, CaseService service, Lifecycle<S, A, C> lifecycle, Function<CaseFile, C> subjects,
                        BiFunction<CaseFile, Caller, V> views) {
        this.caseFiles = caseFiles;
        this.service = service;
        this.lifecycle = lifecycle;
        this.subjects = subjects;
        this.views = views;
    }

    /** The case as the reader may see it (404 for anyone who may not); a read needs no transaction of its own. */
    public V view(String number, Caller reader) {
        return views.apply(caseFiles.visible(service, number, reader), reader);
    }

    /** The case a stored submission created, as its holder sees it: the answer to an Idempotency-Key replay. */
    public V submitted(String number) {
        CaseFile file = CaseFile.<CaseFile>find("number", number).firstResult();
        return views.apply(file, Caller.caseHolder(file.id));
    }

    /** A move to {@code to} by one of the caller's actor roles on that case, as the lifecycle allows it. */
    public V move(String number, long expectedVersion, Caller caller, S to, Function<C, Set<A>> actors, Consumer<C> change) {
        CaseFile file = lockedAt(number, expectedVersion, caller);
        C subject = subjects.apply(file);
        lifecycle.check(subject, to, actors.apply(subject));
        change.accept(subject);
        return changed(file, caller);
    }

    public V move(String number, long expectedVersion, Caller caller, S to, A actor, Consumer<C> change) {
        return move(number, expectedVersion, caller, to, subject -> EnumSet.of(actor), change);
    }

    /**
     * A change that is not itself a move of the lifecycle (a rating), with the same finding, locking and version
     * check; the change asks the lifecycle for any move it makes.
     */
    public V change(String number, long expectedVersion, Caller caller, Consumer<C> change) {
        CaseFile file = lockedAt(number, expectedVersion, caller);
        change.accept(subjects.apply(file));
        return changed(file, caller);
    }

    /** The view after a change: written first, so that it shows the case's new version (its ETag). */
    private V changed(CaseFile file, Caller caller) {
        CaseFile.getEntityManager().flush();
        return views.apply(file, caller);
    }

    private CaseFile lockedAt(String number, long expectedVersion, Caller caller) {
        CaseFile file = caseFiles.visibleForUpdate(service, number, caller);
        DomainException.StaleVersion.check(expectedVersion, file.version);
        return file;
    }
}
