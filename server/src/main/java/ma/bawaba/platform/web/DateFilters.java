package ma.bawaba.platform.web;

import java.time.LocalDate;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;

/** Date filters of lists: a year far outside any case's life is a mistake (and would overflow date arithmetic). */
public final class DateFilters {

    private DateFilters() {
    }

    /** 400 naming the field when the date is outside 2000-2100; 400 on {@code toField} when the range is reversed. */
    public static void requireRange(LocalDate from, String fromField, LocalDate to, String toField) {
        requireSane(from, fromField);
        requireSane(to, toField);
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.BadRequest.field(toField, FieldErrorCode.OUT_OF_RANGE, "field.before-start");
        }
    }

    private static void requireSane(LocalDate date, String field) {
        if (date != null && (date.getYear() < 2000 || date.getYear() > 2100)) {
            throw DomainException.BadRequest.field(field, FieldErrorCode.OUT_OF_RANGE, "field.year-range", 2000, 2100);
        }
    }
}
