package ma.bawaba.sdk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import ma.bawaba.sdk.api.InboxApi;
import ma.bawaba.sdk.client.ApiException;
import ma.bawaba.sdk.model.InboxEvent;
import ma.bawaba.sdk.model.InboxEventPage;

/**
 * Follows a body's change feed ({@code GET /inbox/events}) from a stored position, as a back office's synchronisation
 * job does: each {@link #catchUp} reads every event sequenced since the stored position, in order, hands each to the
 * handler, and stores the page's {@code lastPosition} after the page is handled. The server gives positions in commit
 * order and never fills a gap later, so nothing is missed; a process that stops between handling a page and storing
 * its position handles that page again on its next start (at least once: the position identifies an event).
 */
public final class ChangeFeedFollower {

    /** Where the position survives restarts (a file, a database row). */
    public interface PositionStore {
        long load();

        void save(long position);
    }

    private final InboxApi inbox;
    private final PositionStore store;
    private final int pageSize;

    public ChangeFeedFollower(InboxApi inbox, PositionStore store) {
        this(inbox, store, 100);
    }

    public ChangeFeedFollower(InboxApi inbox, PositionStore store, int pageSize) {
        this.inbox = inbox;
        this.store = store;
        this.pageSize = pageSize;
    }

    /** Reads and handles every event after the stored position; answers how many. Call it again to poll. */
    public int catchUp(Consumer<InboxEvent> handler) throws ApiException {
        long position = store.load();
        int handled = 0;
        while (true) {
            InboxEventPage page = inbox.listInboxEvents(null, position, pageSize);
            for (InboxEvent event : page.getItems()) {
                handler.accept(event);
                handled++;
            }
            position = page.getLastPosition();
            store.save(position);
            if (!Boolean.TRUE.equals(page.getHasMore())) {
                return handled;
            }
        }
    }

    /** A position kept in a file, replaced atomically at each save; 0 (the feed's beginning) while the file is absent. */
    public static PositionStore file(Path path) {
        return new PositionStore() {
            @Override
            public long load() {
                try {
                    return Files.exists(path) ? Long.parseLong(Files.readString(path, StandardCharsets.US_ASCII).trim()) : 0;
                } catch (IOException failure) {
                    throw new UncheckedIOException(failure);
                }
            }

            @Override
            public void save(long position) {
                try {
                    Path next = path.resolveSibling(path.getFileName() + ".next");
                    Files.writeString(next, Long.toString(position), StandardCharsets.US_ASCII);
                    Files.move(next, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException failure) {
                    throw new UncheckedIOException(failure);
                }
            }
        };
    }
}
