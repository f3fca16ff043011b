package ma.bawaba.admin;

import java.time.Instant;
import java.time.OffsetDateTime;
import ma.bawaba.contract.model.ApiKeyInput;
import ma.bawaba.contract.model.IssuedApiKey;
import ma.bawaba.contract.model.Role;
import ma.bawaba.platform.TimeSource;
import ma.bawaba.platform.security.ApiKey;

/** API keys between the contract and the administration; the secret appears only in the answer that issues it. */
final class ApiKeyMapper {

    private ApiKeyMapper() {
    }

    static ApiKeyAdministration.NewKey newKey(ApiKeyInput input) {
        return new ApiKeyAdministration.NewKey(input.getName(), ma.bawaba.platform.security.Role.valueOf(input.getRole().name()),
                input.getInstitutionId(), input.getOfficeId());
    }

    static ma.bawaba.contract.model.ApiKey apiKey(ApiKey key) {
        return new ma.bawaba.contract.model.ApiKey()
                .id(key.id)
                .prefix(key.prefix)
                .name(key.name)
                .role(Role.fromValue(key.role.name()))
                .institutionId(key.institutionId)
                .officeId(key.officeId)
                .createdAt(time(key.createdAt))
                .lastUsedAt(time(key.lastUsedAt))
                .revokedAt(time(key.revokedAt));
    }

    static IssuedApiKey issued(ApiKeyAdministration.IssuedKey issued) {
        ApiKey key = issued.key();
        return new IssuedApiKey()
                .id(key.id)
                .prefix(key.prefix)
                .name(key.name)
                .role(Role.fromValue(key.role.name()))
                .institutionId(key.institutionId)
                .officeId(key.officeId)
                .createdAt(time(key.createdAt))
                .secret(issued.secret());
    }

    /** A copy of an issued key without its secret: what an idempotent replay may show. */
    static IssuedApiKey withoutSecret(IssuedApiKey issued) {
        return new IssuedApiKey()
                .id(issued.getId())
                .prefix(issued.getPrefix())
                .name(issued.getName())
                .role(issued.getRole())
                .institutionId(issued.getInstitutionId())
                .officeId(issued.getOfficeId())
                .createdAt(issued.getCreatedAt());
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(TimeSource.MOROCCO).toOffsetDateTime();
    }
}
