package ma.bawaba.statistics;

import java.time.LocalDate;

/**
 * The finest group of the statistics: a service, the month a case was received, the body holding it (an institution,
 * or a civil-status office), that body's region, the case's kind and its complaint category. Absent values are 0
 * (a national body has no region; only complaints have a category), as stored.
 */
record Cell(String service, LocalDate month, long institutionId, long officeId, long regionId, String kind, long categoryId) {
}
