package ma.bawaba.cases.attachments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Content as files under a folder that every instance mounts. A file is written to a temporary name and moved into
 * place, so that a reader never sees half of it. If the transaction then rolls back, the file stays unreferenced:
 * harmless, since keys are random and never reused.
 */
class FolderAttachmentStore implements AttachmentStore {

    private final Path root;

    FolderAttachmentStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(String key, byte[] content) {
        Path target = pathOf(key);
        try {
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), key, ".part");
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Override
    public byte[] get(String key) {
        try {
            return Files.readAllBytes(pathOf(key));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * Deleted before the transaction commits: should it roll back, the case is anonymised again by the next run, and
     * its documents were due to go anyway.
     */
    @Override
    public void delete(java.util.Collection<String> keys) {
        try {
            for (String key : keys) {
                Files.deleteIfExists(pathOf(key));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Two levels of folders from the key, so that no folder holds millions of files. */
    private Path pathOf(String key) {
        return root.resolve(key.substring(0, 2)).resolve(key.substring(2, 4)).resolve(key);
    }
}
