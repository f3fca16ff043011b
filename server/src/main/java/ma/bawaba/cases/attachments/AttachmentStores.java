package ma.bawaba.cases.attachments;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import ma.bawaba.platform.BawabaConfig;

/** Chooses the attachment store from configuration, once. */
@ApplicationScoped
class AttachmentStores {

    @Produces
    @ApplicationScoped
    AttachmentStore store(BawabaConfig config, EntityManager entityManager) {
        return switch (config.attachments().storage()) {
            case DATABASE -> new DatabaseAttachmentStore(entityManager);
            case FOLDER -> new FolderAttachmentStore(config.attachments().folder().orElseThrow(() ->
                    new IllegalStateException("bawaba.attachments.folder is required with FOLDER storage")));
        };
    }
}
