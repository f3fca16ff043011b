package ma.bawaba.support;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Requests as a client sends them, every request and response checked against api-spec/openapi.yaml: a response
 * the contract does not describe fails the test.
 */
public final class Api {

    public static final String ADMIN_KEY = "bwb_testadmn_TestBootstrapAdministratorKey0123";
    public static final AtomicInteger VALIDATED = new AtomicInteger();

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator.createForSpecificationUrl(
                    Path.of("..", "api-spec", "openapi.yaml").toAbsolutePath().toUri().toString())
            .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
            .build();

    private static final OpenApiValidationFilter CONTRACT = new OpenApiValidationFilter(VALIDATOR);

    /** For requests that break the contract on purpose: only the response is checked (it must be a documented Problem). */
    private static final Filter RESPONSE_CONTRACT = (request, response, context) -> {
        Response result = context.next(request, response);
        ValidationReport report = VALIDATOR.validateResponse(java.net.URI.create(request.getURI()).getPath(),
                com.atlassian.oai.validator.model.Request.Method.valueOf(request.getMethod()), RestAssuredResponse.of(result));
        if (report.hasErrors()) {
            throw new AssertionError("Response breaks the contract: " + report);
        }
        return result;
    };

    private static final Filter COUNTER = new Filter() {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                               FilterContext context) {
            Response result = context.next(request, response);
            VALIDATED.incrementAndGet();
            return result;
        }
    };

    static {
        // Surefire drops what a forked JVM prints while exiting, so the figure goes to a file.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                java.nio.file.Files.writeString(Path.of("target", "contract-validated-responses.txt"),
                        "Contract-validated responses: " + VALIDATED.get() + System.lineSeparator());
            } catch (java.io.IOException ignored) {
                // only a report
            }
        }));
    }

    private Api() {
    }

    /** An anonymous request, validated against the contract. */
    public static RequestSpecification anonymous() {
        return given().filter(CONTRACT).filter(COUNTER).basePath("/api/v1");
    }

    public static RequestSpecification admin() {
        return withKey(ADMIN_KEY);
    }

    public static RequestSpecification withKey(String apiKey) {
        return anonymous().header("X-Api-Key", apiKey);
    }

    /** A request that breaks the contract on purpose (bad input); its answer must still be one the contract documents. */
    public static RequestSpecification invalid() {
        return given().filter(RESPONSE_CONTRACT).filter(COUNTER).basePath("/api/v1");
    }

    /**
     * A multipart upload, as the contract describes it. The validator cannot read multipart bodies (it reports them
     * missing), so only the response is checked against the contract.
     */
    public static RequestSpecification upload() {
        // File names travel as UTF-8, as browsers send them (the default strict mode would turn "é" into "?").
        return given().filter(RESPONSE_CONTRACT).filter(COUNTER).basePath("/api/v1")
                .config(io.restassured.RestAssured.config()
                        .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                                .httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE))
                        .multiPartConfig(io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset("UTF-8")));
    }

    /** A request that the contract deliberately does not describe (unknown routes, malformed bodies). */
    public static RequestSpecification raw() {
        return given().basePath("/api/v1");
    }

    public static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    /** A client address of its own, so that per-address limits of one test do not touch another. */
    public static String clientAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        // one of 16 million: the limits count per address for an hour in the database, which a test run (or the
        // run before it, within the hour) shares with its other tests; 65,000 addresses met again now and then
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }
}
