package ma.bawaba.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import java.util.StringJoiner;
import ma.bawaba.contract.model.AppealFigures;
import ma.bawaba.contract.model.ComplaintFigures;
import ma.bawaba.contract.model.DurationUnit;
import ma.bawaba.contract.model.InformationFigures;
import ma.bawaba.contract.model.OrderFigures;
import ma.bawaba.contract.model.RankedBody;
import ma.bawaba.contract.model.RefusalGroundCount;
import ma.bawaba.contract.model.Service;
import ma.bawaba.contract.model.Statistics;
import ma.bawaba.contract.model.StatisticsDimension;
import ma.bawaba.contract.model.StatisticsGroup;
import ma.bawaba.contract.model.StatisticsRanking;
import ma.bawaba.statistics.StatisticsQuery.Figures;
import ma.bawaba.statistics.StatisticsQuery.Group;

/** The statistics in the contract's terms, as JSON models or as the rows of the CSV table (open data). */
final class StatisticsMapper {

    private StatisticsMapper() {
    }

    static Statistics statistics(StatisticsAnswers.Report report) {
        StatisticsQuery.Filter filter = report.filter();
        return new Statistics()
                .groupBy(filter.groupBy().stream().map(dimension -> StatisticsDimension.valueOf(dimension.name())).toList())
                .from(filter.from() == null ? null : filter.from().toString())
                .to(filter.to() == null ? null : filter.to().toString())
                .suppressionThreshold(report.suppressionThreshold())
                .countedUpTo(report.countedUpTo().atOffset(ZoneOffset.UTC))
                .groups(report.groups().stream().map(StatisticsMapper::group).toList());
    }

    static StatisticsGroup group(Group group) {
        StatisticsGroup model = new StatisticsGroup()
                .service(Service.valueOf(group.service()))
                .month(group.month() == null ? null : group.month().toString())
                .institutionId(group.institutionId())
                .officeId(group.officeId())
                .regionId(group.regionId())
                .kind(group.kind())
                .categoryId(group.categoryId())
                .suppressed(group.suppressed());
        Figures figures = group.figures();
        if (figures == null) {
            return model;
        }
        long responded = figures.count(Figure.RESPONDED);
        model.received(figures.count(Figure.RECEIVED))
                .responded(responded)
                .respondedOnTime(figures.count(Figure.RESPONDED_ON_TIME))
                .onTimeShare(share(figures.count(Figure.RESPONDED_ON_TIME), responded))
                .medianDays(figures.medianDays())
                .p90Days(figures.p90Days())
                .averageDays(figures.averageDays() == null ? null : round(figures.averageDays(), 1))
                .durationUnit(unit(group.service()))
                .overdue(figures.overdue());
        switch (group.service()) {
            case "COMPLAINTS" -> model.complaints(new ComplaintFigures()
                    .rejected(figures.count(Figure.REJECTED))
                    .rated(figures.count(Figure.RATED))
                    .ratingCounts(Arrays.asList(figures.count(Figure.SCORE1), figures.count(Figure.SCORE2), figures.count(Figure.SCORE3),
                            figures.count(Figure.SCORE4), figures.count(Figure.SCORE5)))
                    .satisfied(figures.count(Figure.SATISFIED))
                    .satisfiedShare(share(figures.count(Figure.SATISFIED), figures.count(Figure.RATED)))
                    .reopened(figures.count(Figure.REOPENED))
                    .reopenRate(share(figures.count(Figure.REOPENED), responded)));
            case "INFORMATION_REQUESTS" -> model.information(new InformationFigures()
                    .answered(figures.count(Figure.ANSWERED))
                    .partiallyAnswered(figures.count(Figure.PARTIALLY_ANSWERED))
                    .refused(figures.count(Figure.REFUSED))
                    .refusedByGround(figures.refusedByGround().entrySet().stream()
                            .map(ground -> new RefusalGroundCount().refusalGroundId(ground.getKey()).count(ground.getValue()))
                            .toList())
                    .transferred(figures.count(Figure.TRANSFERRED))
                    .withdrawn(figures.count(Figure.WITHDRAWN))
                    .internalComplaints(appeals(figures, Figure.INTERNAL_FILED, Figure.INTERNAL_UPHELD, Figure.INTERNAL_REJECTED))
                    .escalations(appeals(figures, Figure.ESCALATION_FILED, Figure.ESCALATION_UPHELD,
                            Figure.ESCALATION_REJECTED)));
            case "DOCUMENT_ORDERS" -> model.orders(new OrderFigures()
                    .paid(figures.count(Figure.PAID))
                    .delivered(figures.count(Figure.DELIVERED))
                    .deliveredShare(share(figures.count(Figure.DELIVERED), figures.count(Figure.PAID)))
                    .returned(figures.count(Figure.RETURNED))
                    .rejected(figures.count(Figure.REJECTED))
                    .cancelled(figures.count(Figure.CANCELLED))
                    .expired(figures.count(Figure.EXPIRED)));
            default -> throw new IllegalStateException("no figures for the service " + group.service());
        }
        return model;
    }

    static StatisticsRanking ranking(Service service, String from, String to, List<StatisticsAnswers.RankedBody> bodies) {
        return new StatisticsRanking().service(service).from(from).to(to).items(bodies.stream()
                .map(body -> new RankedBody()
                        .rank(body.rank())
                        .institutionId(body.institutionId())
                        .officeId(body.officeId())
                        .responded(body.responded())
                        .respondedOnTime(body.respondedOnTime())
                        .onTimeShare(round(body.onTimeShare(), 4))
                        .medianDays(body.medianDays())
                        .durationUnit(unit(service.name())))
                .toList());
    }

    /** The CSV columns: the group, then every figure; a suppressed group's figures are empty. */
    static final List<String> CSV_COLUMNS = List.of("service", "month", "institutionId", "officeId", "regionId", "kind",
            "categoryId", "suppressed", "received", "responded", "respondedOnTime", "onTimeShare", "medianDays", "p90Days",
            "averageDays", "durationUnit", "overdue", "rejected", "rated", "score1", "score2", "score3", "score4", "score5",
            "satisfied", "satisfiedShare", "reopened", "reopenRate", "answered", "partiallyAnswered", "refused",
            "refusedByGround", "transferred", "withdrawn", "internalComplaintsFiled", "internalComplaintsUpheld",
            "internalComplaintsRejected", "escalationsFiled", "escalationsUpheld", "escalationsRejected", "paid", "delivered",
            "deliveredShare", "returned", "cancelled", "expired");

    /** RFC 4180: CRLF line ends, a header row; no field here needs quoting but the refusals list, which is quoted. */
    static String csv(Statistics statistics) {
        StringBuilder csv = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (StatisticsGroup group : statistics.getGroups()) {
            List<Object> cells = new ArrayList<>(Arrays.asList(group.getService(), group.getMonth(), group.getInstitutionId(),
                    group.getOfficeId(), group.getRegionId(), group.getKind(), group.getCategoryId(), group.getSuppressed(),
                    group.getReceived(), group.getResponded(), group.getRespondedOnTime(), group.getOnTimeShare(),
                    group.getMedianDays(), group.getP90Days(), group.getAverageDays(), group.getDurationUnit(), group.getOverdue()));
            ComplaintFigures complaints = group.getComplaints();
            List<Long> ratings = complaints == null ? null : complaints.getRatingCounts();
            cells.addAll(Arrays.asList(
                    complaints != null ? complaints.getRejected() : group.getOrders() != null ? group.getOrders().getRejected() : null,
                    complaints == null ? null : complaints.getRated(),
                    ratings == null ? null : ratings.get(0), ratings == null ? null : ratings.get(1),
                    ratings == null ? null : ratings.get(2), ratings == null ? null : ratings.get(3),
                    ratings == null ? null : ratings.get(4),
                    complaints == null ? null : complaints.getSatisfied(),
                    complaints == null ? null : complaints.getSatisfiedShare(),
                    complaints == null ? null : complaints.getReopened(),
                    complaints == null ? null : complaints.getReopenRate()));
            InformationFigures information = group.getInformation();
            cells.addAll(information == null ? Arrays.asList(new Object[12]) : Arrays.asList(information.getAnswered(),
                    information.getPartiallyAnswered(), information.getRefused(), refusals(information.getRefusedByGround()),
                    information.getTransferred(), information.getWithdrawn(), information.getInternalComplaints().getFiled(),
                    information.getInternalComplaints().getUpheld(), information.getInternalComplaints().getRejected(),
                    information.getEscalations().getFiled(), information.getEscalations().getUpheld(),
                    information.getEscalations().getRejected()));
            OrderFigures orders = group.getOrders();
            cells.addAll(orders == null ? Arrays.asList(new Object[6]) : Arrays.asList(orders.getPaid(), orders.getDelivered(),
                    orders.getDeliveredShare(), orders.getReturned(), orders.getCancelled(), orders.getExpired()));
            StringJoiner row = new StringJoiner(",");
            for (Object cell : cells) {
                row.add(cell == null ? "" : String.valueOf(cell));
            }
            csv.append(row).append("\r\n");
        }
        return csv.toString();
    }

    /** "ground:count ground:count", quoted: one CSV field. */
    private static String refusals(List<RefusalGroundCount> grounds) {
        StringJoiner joined = new StringJoiner(" ", "\"", "\"");
        for (RefusalGroundCount ground : grounds) {
            joined.add(ground.getRefusalGroundId() + ":" + ground.getCount());
        }
        return joined.toString();
    }

    private static AppealFigures appeals(Figures figures, Figure filed, Figure upheld, Figure rejected) {
        return new AppealFigures().filed(figures.count(filed)).upheld(figures.count(upheld)).rejected(figures.count(rejected));
    }

    private static DurationUnit unit(String service) {
        return "INFORMATION_REQUESTS".equals(service) ? DurationUnit.WORKING_DAYS : DurationUnit.CALENDAR_DAYS;
    }

    private static Double share(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole, 4);
    }

    private static double round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }

}
