package ma.bawaba.statistics;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * The finest group of the statistics: a service, the month a case was received, the body holding it (an institution,
 * or a civil-status office), that body's region, the case's kind and its complaint category. Absent values are 0
 * (a national body has no region; only complaints have a category), as stored.
 */
record Cell(String service, LocalDate month, long institutionId, long officeId, long regionId, String kind, long categoryId) {

    /** The columns of a cell's key, in the order of the record, as every statistics table names them. */
    static final String COLUMNS = "service, month, institution_id, office_id, region_id, kind, category_id";

    /** The cell whose {@link #COLUMNS} a row holds from column {@code first} on. */
    static Cell read(ResultSet rows, int first) throws SQLException {
        // the few services and kinds: one String each, however many cells hold them
        return new Cell(rows.getString(first).intern(), rows.getObject(first + 1, LocalDate.class), rows.getLong(first + 2),
                rows.getLong(first + 3), rows.getLong(first + 4), rows.getString(first + 5).intern(), rows.getLong(first + 6));
    }
}
