package io.integration.tenancy;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.integration.common.RequestLogContext;

/** Reads the tenant and the acting user of the current request from the verified token, and nowhere else. */
@RequestScoped
public class CurrentTenant {

    private final JsonWebToken token;
    private final TenancyConfig config;

    public CurrentTenant(JsonWebToken token, TenancyConfig config) {
        this.token = token;
        this.config = config;
    }

    /** The tenant of the request; a token without a UUID tenant claim is refused. */
    public TenantId id() {
        Object claim = token.getClaim(config.claim());
        if (claim == null) {
            throw new MissingTenantException(config.claim());
        }
        String value = claim.toString().replace("\"", "").trim();
        try {
            TenantId tenant = new TenantId(UUID.fromString(value));
            RequestLogContext.tenant(tenant);
            return tenant;
        } catch (IllegalArgumentException e) {
            throw new MissingTenantException(config.claim());
        }
    }

    /** The acting principal, for the activity log. */
    public Actor actor() {
        String subject = token.getSubject();
        Object name = token.getClaim(config.displayNameClaim());
        if (name == null) {
            name = token.getClaim("preferred_username");
        }
        return new Actor(subject, name == null ? subject : name.toString().replace("\"", ""));
    }
}
