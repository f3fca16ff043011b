package ma.bawaba.webhooks;

import ma.bawaba.platform.security.Caller;
import ma.bawaba.platform.security.Role;

/** Whose subscriptions a caller manages: its institution's, or its civil-status office's. */
record WebhookTenant(Long institutionId, Long officeId) {

    /** The roles that manage their body's subscriptions; the others (citizens, operators, administrators) may not. */
    static final Role[] MANAGERS = {Role.AGENT, Role.HEAD, Role.COMMISSION, Role.OFFICE_CLERK};

    static WebhookTenant of(Caller caller) {
        return caller.role().tenantKind() == Role.TenantKind.OFFICE
                ? new WebhookTenant(null, caller.officeId())
                : new WebhookTenant(caller.institutionId(), null);
    }

    boolean owns(WebhookSubscription subscription) {
        return institutionId != null ? institutionId.equals(subscription.institutionId) : officeId != null && officeId.equals(subscription.officeId);
    }

    /** The JPQL condition on a subscription's owner, and its parameter. */
    String ownerCondition() {
        return institutionId != null ? "institutionId = ?1" : "officeId = ?1";
    }

    Long ownerId() {
        return institutionId != null ? institutionId : officeId;
    }
}
