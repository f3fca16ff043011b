package ma.bawaba.cases.attachments;

/**
 * Where attachment content lives, behind one interface so that an object store can replace the database or the
 * folder without touching the services. Keys are random and never reused; content is never changed once written.
 */
public interface AttachmentStore {

    /** Stores the content under a new key. Runs inside the transaction that records the attachment. */
    void put(String key, byte[] content);

    /** The content stored under the key. */
    byte[] get(String key);

    /**
     * Erases the content stored under these keys (Law 09-08, once a case's retention period ends); a key with nothing
     * stored under it is no error, so that a run interrupted half-way may run again. Runs inside the transaction
     * that anonymises the case.
     */
    void delete(java.util.Collection<String> keys);
}
