package ma.bawaba.cases.web;

import ma.bawaba.cases.Requester;
import ma.bawaba.contract.model.IdDocumentType;

/** The requester of a submission, between the contract and the case kit. */
public final class RequesterMapper {

    private RequesterMapper() {
    }

    public static Requester fromApi(ma.bawaba.contract.model.Requester given) {
        return new Requester(given.getFirstName(), given.getLastName(), given.getIdDocumentType().name(),
                given.getIdDocumentNumber(), given.getEmail(), given.getPhone());
    }

    public static ma.bawaba.contract.model.Requester toApi(Requester requester) {
        return new ma.bawaba.contract.model.Requester()
                .firstName(requester.firstName())
                .lastName(requester.lastName())
                .idDocumentType(IdDocumentType.fromValue(requester.idDocumentType()))
                .idDocumentNumber(requester.idDocumentNumber())
                .email(requester.email())
                .phone(requester.phone());
    }
}
