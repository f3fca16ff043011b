package ma.bawaba.statistics;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import ma.bawaba.contract.api.StatisticsApi;
import ma.bawaba.contract.model.Service;
import ma.bawaba.contract.model.StatisticsDimension;
import ma.bawaba.platform.web.DateFilters;

/**
 * GET /statistics and /statistics/ranking: public, cacheable (a weak ETag naming the version of the figures,
 * {@code Cache-Control: public}; see PublicCaching and StatisticsAnswers), as JSON or, by content negotiation, CSV.
 */
public class StatisticsResource implements StatisticsApi {

    static final MediaType CSV = new MediaType("text", "csv", "UTF-8");

    private final StatisticsAnswers statistics;

    @Context
    HttpHeaders headers;

    StatisticsResource(StatisticsAnswers statistics) {
        this.statistics = statistics;
    }

    @Override
    public Response getStatistics(Service service, Long institutionId, Long officeId, Long regionId, String kind, Long categoryId,
                                  String from, String to, List<StatisticsDimension> groupBy) {
        YearMonth first = month(from);
        YearMonth last = month(to);
        DateFilters.requireRange(first == null ? null : first.atDay(1), "from", last == null ? null : last.atDay(1), "to");
        StatisticsAnswers.Report report = statistics.report(new StatisticsQuery.Filter(service == null ? null : service.name(),
                institutionId, officeId, regionId, kind, categoryId, first, last, dimensions(groupBy)));
        boolean csv = wantsCsv();
        // The body is written only when sent: PublicCaching answers 304 to a matching If-None-Match before that.
        Object body = csv ? (StreamingOutput) output -> output.write(
                StatisticsMapper.csv(StatisticsMapper.statistics(report)).getBytes(StandardCharsets.UTF_8))
                : StatisticsMapper.statistics(report);
        return Response.ok(body, csv ? CSV : MediaType.APPLICATION_JSON_TYPE)
                .tag(new EntityTag(report.tag(csv ? "csv" : "json"), true))
                .header(HttpHeaders.VARY, "Accept")
                .build();
    }

    @Override
    public Response getStatisticsRanking(Service service, String from, String to) {
        YearMonth first = month(from);
        YearMonth last = month(to);
        DateFilters.requireRange(first == null ? null : first.atDay(1), "from", last == null ? null : last.atDay(1), "to");
        StatisticsAnswers.Ranking ranking = statistics.ranking(service.name(), first, last);
        return Response.ok(StatisticsMapper.ranking(service, from, to, ranking.bodies()), MediaType.APPLICATION_JSON_TYPE)
                .tag(new EntityTag(ranking.tag(service.name(), first, last), true))
                .build();
    }

    /** The dimensions asked for, months when none; each once, in the order asked. */
    private static List<StatisticsQuery.Dimension> dimensions(List<StatisticsDimension> groupBy) {
        if (groupBy == null || groupBy.isEmpty()) {
            return List.of(StatisticsQuery.Dimension.MONTH);
        }
        return groupBy.stream().distinct().map(dimension -> StatisticsQuery.Dimension.valueOf(dimension.name())).toList();
    }

    /** CSV when the client prefers it to JSON (by the weights of Accept); JSON otherwise. */
    private boolean wantsCsv() {
        double csv = 0;
        double jsonWeight = 0;
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            double weight = weight(accepted);
            if (accepted.isCompatible(CSV) && !accepted.isWildcardType()) {
                csv = Math.max(csv, accepted.isWildcardSubtype() ? weight / 2 : weight);
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                jsonWeight = Math.max(jsonWeight, accepted.isWildcardType() || accepted.isWildcardSubtype() ? weight / 2 : weight);
            }
        }
        return csv > jsonWeight;
    }

    private static double weight(MediaType type) {
        String q = type.getParameters().get("q");
        try {
            return q == null ? 1 : Double.parseDouble(q);
        } catch (NumberFormatException malformed) {
            return 0;
        }
    }

    private static YearMonth month(String value) {
        // the contract's pattern (checked before the call) makes it a valid month
        return value == null ? null : YearMonth.parse(value);
    }
}
