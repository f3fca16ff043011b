package ma.bawaba.cases;

/**
 * Who files a case, as a submission gives it: names, identity document, and the e-mail and phone to reach them.
 * Personal data (Law 09-08): kept on the case, shown only to the holder and the assigned staff, never logged.
 */
public record Requester(String firstName, String lastName, String idDocumentType, String idDocumentNumber, String email,
                        String phone) {
}
