package io.integration.common;

import io.integration.tenancy.TenantId;
import io.quarkus.panache.common.Parameters;

/**
 * The where-clause of a tenant's filtered list: {@code tenantId = :tenant} and one equality per filter that is set (a
 * null filter means any, so it adds nothing: HQL cannot test a null parameter).
 */
public final class TenantFilter {

    private final StringBuilder query = new StringBuilder("tenantId = :tenant");
    private final Parameters params;

    private TenantFilter(TenantId tenant) {
        this.params = Parameters.with("tenant", tenant.value());
    }

    public static TenantFilter of(TenantId tenant) {
        return new TenantFilter(tenant);
    }

    /** Adds {@code field = :name} when {@code value} is set. */
    public TenantFilter equal(String field, String name, Object value) {
        if (value != null) {
            query.append(" and ").append(field).append(" = :").append(name);
            params.and(name, value);
        }
        return this;
    }

    /** The clause so far, to extend (e.g. by {@link Keyset#after}). */
    public StringBuilder query() {
        return query;
    }

    public Parameters params() {
        return params;
    }
}
