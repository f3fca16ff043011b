package ma.bawaba.platform.security;

import jakarta.ws.rs.core.Response;
import ma.bawaba.contract.api.IdentityApi;
import ma.bawaba.contract.model.Caller.AuthenticationEnum;

/** GET /me: the tenant and role a credential is bound to, as the server sees them. */
public class IdentityResource implements IdentityApi {

    private final Access access;

    IdentityResource(Access access) {
        this.access = access;
    }

    @Override
    public Response getCaller() {
        Caller caller = access.caller();
        if (!caller.isStaff()) {
            throw new ma.bawaba.platform.problem.DomainException.Unauthenticated();
        }
        return Response.ok(new ma.bawaba.contract.model.Caller()
                .role(ma.bawaba.contract.model.Role.fromValue(caller.role().name()))
                .authentication(AuthenticationEnum.fromValue(caller.kind().name()))
                .institutionId(caller.institutionId())
                .officeId(caller.officeId())
                .keyPrefix(caller.kind() == Caller.Kind.API_KEY ? caller.keyPrefix() : null)
                .subject(caller.subject()))
                .build();
    }
}
