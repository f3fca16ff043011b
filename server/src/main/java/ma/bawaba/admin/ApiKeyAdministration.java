package ma.bawaba.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import ma.bawaba.platform.database.WriteTransaction;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import ma.bawaba.platform.BawabaConfig;
import ma.bawaba.platform.problem.DomainException;
import ma.bawaba.platform.problem.FieldErrorCode;
import ma.bawaba.platform.security.ApiKey;
import ma.bawaba.platform.security.ApiKeySecrets;
import ma.bawaba.platform.security.Role;
import ma.bawaba.platform.web.Page;
import ma.bawaba.reference.CivilStatusOffice;
import ma.bawaba.reference.Institution;

/** Issues, lists and revokes API keys; each key is bound to one role and, for tenant roles, to one tenant. */
@ApplicationScoped
public class ApiKeyAdministration {

    private final Clock clock;
    private final BawabaConfig config;

    ApiKeyAdministration(Clock clock, BawabaConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** A key to issue: its name for people, its role and, for a tenant role, its tenant. */
    public record NewKey(String name, Role role, Long institutionId, Long officeId) {
    }

    /** A stored key and, once, its whole secret. */
    public record IssuedKey(ApiKey key, String secret) {
    }

    @WriteTransaction
    public IssuedKey issue(NewKey request) {
        checkTenant(request.role(), request.institutionId(), request.officeId());
        ApiKeySecrets.Issued issued = ApiKeySecrets.issue();
        ApiKey key = new ApiKey();
        key.prefix = issued.prefix();
        key.secretHash = issued.hash();
        key.name = request.name().strip();
        key.role = request.role();
        key.institutionId = request.institutionId();
        key.officeId = request.officeId();
        key.createdAt = clock.instant();
        key.persistAndFlush();
        return new IssuedKey(key, issued.wholeKey());
    }

    /** Creates a key with a known secret if no key has its prefix yet (demo credentials printed at start). */
    @WriteTransaction
    public void ensure(String wholeKey, String name, Role role, Long institutionId, Long officeId) {
        String prefix = ApiKeySecrets.prefixOf(wholeKey);
        if (prefix == null || ApiKey.count("prefix", prefix) > 0) {
            return;
        }
        ApiKey key = new ApiKey();
        key.prefix = prefix;
        key.secretHash = ApiKeySecrets.hash(wholeKey);
        key.name = name;
        key.role = role;
        key.institutionId = institutionId;
        key.officeId = officeId;
        key.createdAt = clock.instant();
        key.persist();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiKey> list(Long institutionId, Long officeId, Page.Request page) {
        StringBuilder query = new StringBuilder("1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (institutionId != null) {
            parameters.add(institutionId);
            query.append(" and institutionId = ?").append(parameters.size());
        }
        if (officeId != null) {
            parameters.add(officeId);
            query.append(" and officeId = ?").append(parameters.size());
        }
        Long before = page.afterId();
        if (before != null) {
            parameters.add(before);
            query.append(" and id < ?").append(parameters.size());
        }
        return ApiKey.<ApiKey>find(query + " order by id desc", parameters.toArray()).page(0, page.fetchSize()).list();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ApiKey get(long id) {
        ApiKey key = ApiKey.findById(id);
        if (key == null) {
            throw new DomainException.NotFound("api-key", id);
        }
        return key;
    }

    @WriteTransaction
    public void revoke(long id) {
        ApiKey key = get(id);
        if (key.revokedAt == null) {
            key.revokedAt = clock.instant();
        }
    }

    private void checkTenant(Role role, Long institutionId, Long officeId) {
        List<DomainException.FieldError> errors = new ArrayList<>();
        DomainException.Localized roleName = new DomainException.Localized("role." + role.name());
        switch (role.tenantKind()) {
            case INSTITUTION -> {
                Institution institution = institutionId == null ? null : Institution.findById(institutionId);
                if (institutionId == null) {
                    errors.add(new DomainException.FieldError("institutionId", FieldErrorCode.REQUIRED, "field.required-for-role", roleName));
                } else if (institution == null) {
                    errors.add(new DomainException.FieldError("institutionId", FieldErrorCode.UNKNOWN_REFERENCE, "field.unknown-reference",
                            new DomainException.Localized("subject.institution")));
                } else if (role == Role.COMMISSION && !institution.code.equals(config.information().commissionCode())) {
                    // Law 31-13 sends every escalation to the one Commission: a commission key of another body opens nothing.
                    errors.add(new DomainException.FieldError("institutionId", FieldErrorCode.NOT_ALLOWED, "field.commission-key-for-cdai-only",
                            config.information().commissionCode()));
                }
                if (officeId != null) {
                    errors.add(new DomainException.FieldError("officeId", FieldErrorCode.MUST_BE_EMPTY, "field.must-be-empty-for-role", roleName));
                }
            }
            case OFFICE -> {
                if (officeId == null) {
                    errors.add(new DomainException.FieldError("officeId", FieldErrorCode.REQUIRED, "field.required-for-role", roleName));
                } else if (CivilStatusOffice.findById(officeId) == null) {
                    errors.add(new DomainException.FieldError("officeId", FieldErrorCode.UNKNOWN_REFERENCE, "field.unknown-reference",
                            new DomainException.Localized("subject.civil-status-office")));
                }
                if (institutionId != null) {
                    errors.add(new DomainException.FieldError("institutionId", FieldErrorCode.MUST_BE_EMPTY, "field.must-be-empty-for-role", roleName));
                }
            }
            case NONE -> {
                if (institutionId != null) {
                    errors.add(new DomainException.FieldError("institutionId", FieldErrorCode.MUST_BE_EMPTY, "field.must-be-empty-for-role", roleName));
                }
                if (officeId != null) {
                    errors.add(new DomainException.FieldError("officeId", FieldErrorCode.MUST_BE_EMPTY, "field.must-be-empty-for-role", roleName));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.Unprocessable.fields(errors);
        }
    }
}
