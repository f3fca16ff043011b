package ma.bawaba.statistics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tables that hold sums of contributions, each at its grain: every cell, and coarser sums of them that the
 * queries asked most read instead (a few hundred to a few thousand rows at a million cases, where the cells are some
 * 50,000). The counting job applies each batch's changes to all of them in one transaction, so they always agree.
 */
enum Grain {
    // the fewest rows first: a query reads the first grain that has every column it filters or groups by
    BODY("statistics_body", "service", "institution_id", "office_id", "region_id"),
    KIND_MONTH("statistics_kind_month", "service", "month", "kind", "category_id"),
    REGION_MONTH("statistics_region_month", "service", "month", "region_id"),
    BODY_MONTH("statistics_body_month", "service", "month", "institution_id", "office_id", "region_id"),
    CELL("statistics_cell", "service", "month", "institution_id", "office_id", "region_id", "kind", "category_id");

    final String table;
    final List<String> keys;
    /** INSERT of a row's changes, added to the row there is (the job is the only writer). */
    final String upsert;

    Grain(String table, String... keys) {
        this.table = table;
        this.keys = List.of(keys);
        this.upsert = "INSERT INTO " + table + " (" + String.join(", ", keys) + ", " + String.join(", ", Sums.COLUMNS)
                + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(keys.length + Sums.SIZE, "?"))
                + ") ON DUPLICATE KEY UPDATE "
                + Sums.COLUMNS.stream().map(column -> column + " = " + column + " + VALUES(" + column + ")")
                        .collect(Collectors.joining(", "));
    }

    /** The values of this grain's key for a cell, in the order of {@link #keys}. */
    List<Object> key(Cell cell) {
        List<Object> values = new ArrayList<>(keys.size());
        for (String column : keys) {
            values.add(switch (column) {
                case "service" -> cell.service();
                case "month" -> cell.month();
                case "institution_id" -> cell.institutionId();
                case "office_id" -> cell.officeId();
                case "region_id" -> cell.regionId();
                case "kind" -> cell.kind();
                case "category_id" -> cell.categoryId();
                default -> throw new IllegalStateException("no key column " + column);
            });
        }
        return values;
    }

    /** The coarsest grain that holds every one of these columns. */
    static Grain holding(Collection<String> columns) {
        for (Grain grain : values()) {
            if (grain.keys.containsAll(columns)) {
                return grain;
            }
        }
        throw new IllegalStateException("no grain holds " + columns);
    }
}
