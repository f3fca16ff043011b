package ma.bawaba.statistics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import ma.bawaba.contract.api.StatisticsApi;
import ma.bawaba.contract.model.Service;
import ma.bawaba.contract.model.Statistics;
import ma.bawaba.contract.model.StatisticsDimension;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.web.DateFilters;

/**
 * GET /statistics and /statistics/ranking: public, cacheable (a weak ETag naming the version of the figures,
 * {@code Cache-Control: public}; see PublicCaching and StatisticsAnswers), as JSON or, by content negotiation, CSV.
 * Each answer is kept as sent, by its tag, until the figures or the day change: asked again, it is sent as it is
 * (its countedUpTo brought up to date), whatever its size.
 */
public class StatisticsResource implements StatisticsApi {

    static final MediaType CSV = new MediaType("text", "csv", "UTF-8");

    /** The countedUpTo of the answers as kept: each request puts its own in its place. */
    private static final OffsetDateTime PLACEHOLDER = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final StatisticsAnswers statistics;
    private final ObjectMapper json;
    /** Answers as sent, by tag: in two parts around countedUpTo (JSON), or whole (CSV, ranking). */
    private final Cache<String, byte[][]> kept;

    @Context
    HttpHeaders headers;

    StatisticsResource(StatisticsAnswers statistics, ObjectMapper json, BawabaConfig config) {
        this.statistics = statistics;
        this.json = json;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(config.statistics().keepAnswers().asLongValue())
                .<String, byte[][]>weigher((tag, parts) -> Arrays.stream(parts).mapToInt(part -> part.length).sum())
                // an answer of an older version is never asked for again: it goes when not read for a while
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    @Override
    public Response getStatistics(Service service, Long institutionId, Long officeId, Long regionId, String kind, Long categoryId,
                                  String from, String to, List<StatisticsDimension> groupBy) {
        YearMonth first = month(from);
        YearMonth last = month(to);
        DateFilters.requireRange(first == null ? null : first.atDay(1), "from", last == null ? null : last.atDay(1), "to");
        StatisticsAnswers.Answer answer = statistics.answer(new StatisticsQuery.Filter(service == null ? null : service.name(),
                institutionId, officeId, regionId, kind, categoryId, first, last, dimensions(groupBy)));
        boolean csv = wantsCsv();
        String tag = answer.tag(csv ? "csv" : "json");
        // Concurrent requests for an answer not kept yet wait for one computation.
        byte[][] parts = kept.get(tag, any -> csv
                ? new byte[][] {StatisticsMapper.csv(StatisticsMapper.statistics(answer.report())).getBytes(StandardCharsets.UTF_8)}
                : aroundCountedUpTo(StatisticsMapper.statistics(answer.report())));
        byte[] body = parts.length == 1 ? parts[0] : join(parts[0], write(answer.countedUpTo().atOffset(ZoneOffset.UTC)), parts[1]);
        return Response.ok(body, csv ? CSV : MediaType.APPLICATION_JSON_TYPE)
                .tag(new EntityTag(tag, true))
                .header(HttpHeaders.VARY, "Accept")
                .build();
    }

    @Override
    public Response getStatisticsRanking(Service service, String from, String to) {
        YearMonth first = month(from);
        YearMonth last = month(to);
        DateFilters.requireRange(first == null ? null : first.atDay(1), "from", last == null ? null : last.atDay(1), "to");
        StatisticsAnswers.Answer answer = statistics.ranking(service.name(), first, last);
        String tag = answer.tag("ranking");
        byte[][] parts = kept.get(tag, any -> new byte[][] {write(StatisticsMapper.ranking(service, from, to, answer.ranking()))});
        return Response.ok(parts[0], MediaType.APPLICATION_JSON_TYPE)
                .tag(new EntityTag(tag, true))
                .build();
    }

    /** The JSON of the statistics in two parts, before and after the value of countedUpTo. */
    private byte[][] aroundCountedUpTo(Statistics statistics) {
        byte[] whole = write(statistics.countedUpTo(PLACEHOLDER));
        byte[] placeholder = write(PLACEHOLDER);
        int at = indexOf(whole, placeholder);
        return new byte[][] {Arrays.copyOfRange(whole, 0, at), Arrays.copyOfRange(whole, at + placeholder.length, whole.length)};
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        for (int at = 0; at <= bytes.length - part.length; at++) {
            if (Arrays.equals(bytes, at, at + part.length, part, 0, part.length)) {
                return at;
            }
        }
        throw new IllegalStateException("countedUpTo is not in the statistics as written");
    }

    private static byte[] join(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] joined = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
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
