package ma.bawaba.platform.security;

/** What a credential may do (PRODUCT.md, "Actors"); each tenant-bound role names the kind of tenant it is bound to. */
public enum Role {
    ADMIN(TenantKind.NONE),
    AGENT(TenantKind.INSTITUTION),
    HEAD(TenantKind.INSTITUTION),
    COMMISSION(TenantKind.INSTITUTION),
    OFFICE_CLERK(TenantKind.OFFICE),
    POSTAL_OPERATOR(TenantKind.NONE);

    /** The kind of tenant a role is bound to. */
    public enum TenantKind { NONE, INSTITUTION, OFFICE }

    private final TenantKind tenantKind;

    Role(TenantKind tenantKind) {
        this.tenantKind = tenantKind;
    }

    public TenantKind tenantKind() {
        return tenantKind;
    }
}
