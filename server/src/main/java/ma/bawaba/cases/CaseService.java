package ma.bawaba.cases;

/** The three services, with the prefix of their case numbers. */
public enum CaseService {
    INFORMATION_REQUESTS("IR", "information-request"),
    COMPLAINTS("CP", "complaint"),
    DOCUMENT_ORDERS("DO", "document-order");

    private final String prefix;
    private final String subject;

    CaseService(String prefix, String subject) {
        this.prefix = prefix;
        this.subject = subject;
    }

    /** The message key suffix naming one case of this service in problems ({@code subject.<subject>}). */
    public String subject() {
        return subject;
    }

    public String prefix() {
        return prefix;
    }
}
