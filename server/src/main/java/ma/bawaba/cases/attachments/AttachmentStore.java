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
}
