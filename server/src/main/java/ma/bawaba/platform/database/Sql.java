package ma.bawaba.platform.database;

import java.util.Collections;

/** Small pieces of the SQL that the JDBC work of the jobs writes. */
public final class Sql {

    private Sql() {
    }

    /** {@code ?, ?, ?}: the parameters of an {@code IN (...)} or {@code VALUES (...)} of this many values. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
