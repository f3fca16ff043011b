package ma.bawaba.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;
import ma.bawaba.platform.problem.Required;

/**
 * Who filed a case, as the services keep it (the e-mail stays on the case file, for tracking). Personal data
 * (Law 09-08): shown only to the holder and the assigned institution, never logged, never in events.
 */
@Embeddable
public class RequesterIdentity {

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "id_document_type")
    public String idDocumentType;

    @Column(name = "id_document_number")
    public String idDocumentNumber;

    public String phone;

    /** The identity a submission gives, without surrounding blanks; a blank name is a 422 naming the field. */
    public static RequesterIdentity of(Requester given) {
        RequesterIdentity identity = new RequesterIdentity();
        identity.firstName = Required.text(given.firstName(), "requester.firstName");
        identity.lastName = Required.text(given.lastName(), "requester.lastName");
        identity.idDocumentType = given.idDocumentType();
        identity.idDocumentNumber = given.idDocumentNumber().toUpperCase(Locale.ROOT);
        identity.phone = given.phone();
        return identity;
    }

    /** The identity with the e-mail the case file keeps. */
    public Requester withEmail(String email) {
        return new Requester(firstName, lastName, idDocumentType, idDocumentNumber, email, phone);
    }
}
