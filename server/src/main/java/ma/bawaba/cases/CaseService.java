package ma.bawaba.cases;

/** The three services, with the prefix of their case numbers. */
public enum CaseService {
    INFORMATION_REQUESTS("IR"),
    COMPLAINTS("CP"),
    DOCUMENT_ORDERS("DO");

    private final String prefix;

    CaseService(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
