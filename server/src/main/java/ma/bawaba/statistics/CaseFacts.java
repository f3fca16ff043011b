package ma.bawaba.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import ma.bawaba.platform.TimeSource;

/**
 * What the statistics read of one case, as stored now: its case file, the few columns of its service's row that
 * matter, its latest rating, its appeals, whether a transfer brought it to its body, and the region of that body.
 * Nothing personal.
 */
record CaseFacts(long caseId, String service, String kind, String status, long institutionId, long officeId, long regionId,
                 Instant submittedAt, Instant respondedAt, Integer responseDays, Boolean respondedOnTime, LocalDate dueDate,
                 boolean closed, long categoryId, int reopenCount, Integer ratingScore, Boolean ratingSatisfied,
                 Instant answeredAt, Boolean answerPartial, Long refusalGroundId, boolean transferred,
                 String internalDecision, boolean internalFiled, String escalationDecision, boolean escalationFiled,
                 Instant paidAt) {

    /** What the case counts for now. */
    Contribution contribution() {
        long figures = Figure.RECEIVED.bit();
        boolean responded = respondedAt != null;
        if (responded) {
            figures |= Figure.RESPONDED.bit();
            if (Boolean.TRUE.equals(respondedOnTime)) {
                figures |= Figure.RESPONDED_ON_TIME.bit();
            }
        }
        Long refusal = null;
        switch (service) {
            case "COMPLAINTS" -> {
                figures |= when("REJECTED".equals(status), Figure.REJECTED);
                if (ratingScore != null) {
                    figures |= Figure.RATED.bit() | Figure.score(ratingScore).bit() | when(Boolean.TRUE.equals(ratingSatisfied), Figure.SATISFIED);
                }
                figures |= when(reopenCount > 0, Figure.REOPENED);
            }
            case "INFORMATION_REQUESTS" -> {
                if ("WITHDRAWN".equals(status)) {
                    figures |= Figure.WITHDRAWN.bit();
                } else if (answeredAt != null) {
                    figures |= Boolean.TRUE.equals(answerPartial) ? Figure.PARTIALLY_ANSWERED.bit() : Figure.ANSWERED.bit();
                } else if (refusalGroundId != null) {
                    figures |= Figure.REFUSED.bit();
                    refusal = refusalGroundId;
                }
                figures |= when(transferred, Figure.TRANSFERRED);
                figures |= appeal(internalFiled, internalDecision, Figure.INTERNAL_FILED, Figure.INTERNAL_UPHELD, Figure.INTERNAL_REJECTED);
                figures |= appeal(escalationFiled, escalationDecision, Figure.ESCALATION_FILED, Figure.ESCALATION_UPHELD,
                        Figure.ESCALATION_REJECTED);
            }
            case "DOCUMENT_ORDERS" -> {
                figures |= when(paidAt != null, Figure.PAID);
                figures |= switch (status) {
                    case "DELIVERED" -> Figure.DELIVERED.bit();
                    case "RETURNED" -> Figure.RETURNED.bit();
                    case "REJECTED" -> Figure.REJECTED.bit();
                    case "CANCELLED" -> Figure.CANCELLED.bit();
                    case "EXPIRED" -> Figure.EXPIRED.bit();
                    default -> 0L;
                };
            }
            default -> throw new IllegalStateException("no statistics for the service " + service);
        }
        LocalDate month = TimeSource.dateOf(submittedAt).with(TemporalAdjusters.firstDayOfMonth());
        Cell cell = new Cell(service, month, institutionId, officeId, regionId, kind,
                "COMPLAINTS".equals(service) ? categoryId : 0);
        // As the inbox's overdue filter: a due date before today on a case that still owes something.
        LocalDate overdueFrom = !closed && dueDate != null ? dueDate.plusDays(1) : null;
        return new Contribution(cell, figures, responded ? responseDays : null, refusal, overdueFrom);
    }

    private static long when(boolean condition, Figure figure) {
        return condition ? figure.bit() : 0L;
    }

    private static long appeal(boolean filed, String decision, Figure filedFigure, Figure upheld, Figure rejected) {
        if (!filed) {
            return 0L;
        }
        return filedFigure.bit() | when("UPHELD".equals(decision), upheld) | when("REJECTED".equals(decision), rejected);
    }
}
