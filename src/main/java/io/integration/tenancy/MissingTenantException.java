package io.integration.tenancy;

/** A verified token that carries no usable tenant claim: the request is refused, never widened to all tenants. */
public class MissingTenantException extends RuntimeException {

    public MissingTenantException(String claim) {
        super("the bearer token has no valid '" + claim + "' claim (a tenant UUID is required)");
    }
}
