package ma.bawaba.cases.privacy;

/**
 * What personal data read once erased (Law 09-08). Required columns keep a value that the contract's patterns accept
 * and that can never be a person's: one dash for names, addresses and texts, a word for the identity document, an
 * address under the reserved {@code .invalid} domain (RFC 2606) for the e-mail, which no mail can reach and which no
 * tracking look-up is compared with any more. Optional columns are cleared.
 */
public final class Erased {

    /** Names, addresses, and free texts: subjects, contents, answers, reasons, messages. */
    public static final String TEXT = "-";

    public static final String ID_DOCUMENT_NUMBER = "ANONYMISED";

    public static final String EMAIL = "anonymised@anonymised.invalid";

    /** An attachment's name (its content is deleted; its type and size remain). */
    public static final String FILE_NAME = "anonymised";

    /** The digest of content that no longer exists: a digest could still tell whether a known document was the one sent. */
    public static final String SHA256 = "0".repeat(64);

    private Erased() {
    }
}
