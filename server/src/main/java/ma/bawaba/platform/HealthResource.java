package ma.bawaba.platform;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import ma.bawaba.contract.api.HealthApi;
import ma.bawaba.contract.model.Health;
import ma.bawaba.contract.model.HealthCheck;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** GET /api/v1/health: the same checks as /q/health (database included), in the contract's shape. */
public class HealthResource implements HealthApi {

    private final SmallRyeHealthReporter reporter;
    private final String version;

    HealthResource(SmallRyeHealthReporter reporter, @ConfigProperty(name = "quarkus.application.version") String version) {
        this.reporter = reporter;
        this.version = version;
    }

    @Override
    public Response getHealth() {
        SmallRyeHealth health = reporter.getHealth();
        JsonObject payload = health.getPayload();
        Health body = new Health()
                .status(health.isDown() ? Health.StatusEnum.DOWN : Health.StatusEnum.UP)
                .version(version)
                .checks(payload.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                        .map(check -> new HealthCheck()
                                .name(check.getString("name"))
                                .status(HealthCheck.StatusEnum.fromValue(check.getString("status"))))
                        .toList());
        return Response.status(health.isDown() ? 503 : 200).entity(body).build();
    }
}
