package ma.bawaba.cases.attachments;

import jakarta.persistence.EntityManager;

/**
 * Content in the {@code attachment_content} table, written in the same transaction as the attachment's row: the
 * default, because it needs nothing but the database every instance already shares and it is backed up with it.
 */
class DatabaseAttachmentStore implements AttachmentStore {

    private final EntityManager entityManager;

    DatabaseAttachmentStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void put(String key, byte[] content) {
        entityManager.createNativeQuery("INSERT INTO attachment_content (storage_key, content) VALUES (?1, ?2)")
                .setParameter(1, key)
                .setParameter(2, content)
                .executeUpdate();
    }

    @Override
    public byte[] get(String key) {
        return (byte[]) entityManager.createNativeQuery("SELECT content FROM attachment_content WHERE storage_key = ?1")
                .setParameter(1, key)
                .getSingleResult();
    }

    @Override
    public void delete(java.util.Collection<String> keys) {
        if (!keys.isEmpty()) {
            entityManager.createNativeQuery("DELETE FROM attachment_content WHERE storage_key IN (?1)")
                    .setParameter(1, keys)
                    .executeUpdate();
        }
    }
}
