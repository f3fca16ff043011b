package ma.bawaba.platform.security;

/**
 * The credentials a request presents, each as the caller wrote it or null when absent. The web side reads them from
 * the request; {@link Authenticator} decides what they are worth, without knowing where they came from.
 */
public interface PresentedCredentials {

    /** An API key. */
    String apiKey();

    /** An {@code Authorization} value ({@code Bearer <jwt>} is the only scheme accepted). */
    String authorization();

    /** The token handed out with a case, which lets its holder follow it. */
    String caseToken();
}
