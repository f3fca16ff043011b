package ma.bawaba.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;
import ma.bawaba.contract.model.IdDocumentType;
import ma.bawaba.contract.model.Requester;
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

    /** The identity a request gives, without surrounding blanks; a blank name is a 422 naming the field. */
    public static RequesterIdentity of(Requester given) {
        RequesterIdentity identity = new RequesterIdentity();
        identity.firstName = Required.text(given.getFirstName(), "requester.firstName");
        identity.lastName = Required.text(given.getLastName(), "requester.lastName");
        identity.idDocumentType = given.getIdDocumentType().name();
        identity.idDocumentNumber = given.getIdDocumentNumber().toUpperCase(Locale.ROOT);
        identity.phone = given.getPhone();
        return identity;
    }

    public Requester toApi(String email) {
        return new Requester()
                .firstName(firstName)
                .lastName(lastName)
                .idDocumentType(IdDocumentType.fromValue(idDocumentType))
                .idDocumentNumber(idDocumentNumber)
                .email(email)
                .phone(phone);
    }
}
