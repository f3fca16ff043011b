package ma.bawaba.platform.web;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import ma.bawaba.platform.security.PresentedCredentials;

/** Where a request presents its credentials: {@code X-Api-Key}, {@code Authorization} and {@code X-Case-Token}. */
@RequestScoped
public class CredentialHeaders implements PresentedCredentials {

    private static final String API_KEY = "X-Api-Key";
    private static final String CASE_TOKEN = "X-Case-Token";

    private final HttpServerRequest request;

    CredentialHeaders(HttpServerRequest request) {
        this.request = request;
    }

    @Override
    public String apiKey() {
        return request.getHeader(API_KEY);
    }

    @Override
    public String authorization() {
        return request.getHeader("Authorization");
    }

    @Override
    public String caseToken() {
        return request.getHeader(CASE_TOKEN);
    }
}
