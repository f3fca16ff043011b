package ma.bawaba.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.admin.ApiKeyAdministration;
import ma.bawaba.platform.database.BawabaMain;
import ma.bawaba.platform.security.Role;
import ma.bawaba.reference.CivilStatusOffice;
import ma.bawaba.reference.Institution;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * With bawaba.demo.enabled (the default with the embedded database), makes sure the demo keys exist (an agent of the
 * Ministry of Justice, a clerk of civil-status office 1, the postal operator), and prints the URLs and credentials to start the tour with. Never on in production. (The FAQ
 * every install starts with is reference data: a migration seeds it.)
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final long DEMO_OFFICE = 1L;

    void onStart(@Observes StartupEvent start, BawabaConfig config, ApiKeyAdministration apiKeys,
                 @ConfigProperty(name = "quarkus.http.host") String host,
                 @ConfigProperty(name = "quarkus.http.port") int port) {
        if (!config.demo().enabled()) {
            return;
        }
        Institution justice = QuarkusTransaction.requiringNew()
                .call(() -> Institution.<Institution>find("code", "MIN_JUSTICE").firstResult());
        if (justice != null) {
            apiKeys.ensure(config.demo().agentKey(), "Demo agent (Ministry of Justice)", Role.AGENT, justice.id, null);
        }
        CivilStatusOffice office = QuarkusTransaction.requiringNew().call(() -> CivilStatusOffice.findById(DEMO_OFFICE));
        if (office != null) {
            apiKeys.ensure(config.demo().clerkKey(), "Demo clerk (" + office.code + ")", Role.OFFICE_CLERK, null, office.id);
        }
        apiKeys.ensure(config.demo().postalKey(), "Demo postal operator", Role.POSTAL_OPERATOR, null, null);
        String base = "http://localhost:" + port;
        LOG.infof("""

                ===== Bawaba demo is ready =====
                API:          %s/api/v1   (e.g. %s/api/v1/institutions?q=justice)
                Swagger UI:   %s/q/swagger-ui
                Contract:     %s/q/openapi
                Health:       %s/q/health   Metrics: %s/q/metrics
                Listening on: %s
                Admin key:    %s
                Agent key:    %s   (Ministry of Justice)
                Clerk key:    %s   (civil-status office 1)
                Postal key:   %s
                Payments:     POST /api/v1/sandbox/payments pays an order (sandbox provider)
                E-mails:      %s
                Webhooks:     plain http to 127.0.0.1 accepted (demo only); signed per Standard Webhooks
                ================================""",
                base, base, base, base, base, base, listening(host),
                adminKey(config.security().bootstrapAdminKey()),
                justice == null ? "(no MIN_JUSTICE institution)" : config.demo().agentKey(),
                office == null ? "(no office 1)" : config.demo().clerkKey(), config.demo().postalKey(),
                config.mail().folder().map(folder -> "written as .eml files to " + folder)
                        .orElse("sent through the SMTP server of quarkus.mailer.*"));
    }

    /** Only the demo's own, public key is shown: a key the operator configured is a secret, and logs are not. */
    static String adminKey(Optional<String> configured) {
        return configured
                .map(key -> BawabaMain.DEMO_ADMIN_KEY.equals(key) ? key : "(set by BAWABA_BOOTSTRAP_ADMIN_KEY, not shown)")
                .orElse("(none: set BAWABA_BOOTSTRAP_ADMIN_KEY)");
    }

    private static String listening(String host) {
        return "127.0.0.1".equals(host) || "localhost".equals(host)
                ? host + " only (QUARKUS_HTTP_HOST=0.0.0.0 opens the demo, and its public keys, to the network)"
                : host;
    }
}
