package ma.bawaba.support;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers {@link TestDatabase} for every @QuarkusTest of the module (one boot serves them all). */
@QuarkusTestResource(TestDatabase.class)
public final class DatabaseResource {

    private DatabaseResource() {
    }
}
