package ma.bawaba.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link TestDatabase} and the {@link MailServer} for every @QuarkusTest of the module (one boot serves them all). */
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(MailServer.class)
public final class DatabaseResource {

    private DatabaseResource() {
    }
}
