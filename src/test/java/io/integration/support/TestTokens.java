package io.integration.support;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Builds real RS256 bearer tokens from the test issuer, and the broken variants the service must refuse. */
public final class TestTokens {

    private final UUID tenant;
    private final List<String> roles = new ArrayList<>();
    private String subject = "user-" + UUID.randomUUID();
    private String name = "Test User";
    private Instant expiresAt = Instant.now().plusSeconds(3600);
    private PrivateKey signingKey;
    private String issuer;
    private String audience = EmbeddedServicesResource.AUDIENCE;
    private boolean omitTenant;

    private TestTokens(UUID tenant) {
        this.tenant = tenant;
    }

    public static TestTokens forTenant(UUID tenant) {
        return new TestTokens(tenant);
    }

    public TestTokens roles(String... values) {
        roles.addAll(List.of(values));
        return this;
    }

    public TestTokens subject(String value, String displayName) {
        subject = value;
        name = displayName;
        return this;
    }

    public TestTokens expired() {
        expiresAt = Instant.now().minusSeconds(600);
        return this;
    }

    public TestTokens signedBy(PrivateKey key) {
        signingKey = key;
        return this;
    }

    public TestTokens issuer(String value) {
        issuer = value;
        return this;
    }

    public TestTokens audience(String value) {
        audience = value;
        return this;
    }

    public TestTokens withoutTenantClaim() {
        omitTenant = true;
        return this;
    }

    public String sign() {
        JwtClaimsBuilder claims = Jwt.issuer(issuer == null ? Files2.readIssuer() : issuer)
                .audience(audience)
                .subject(subject)
                .claim("name", name)
                .claim("roles", roles)
                .issuedAt(expiresAt.minusSeconds(3600))
                .expiresAt(expiresAt);
        if (!omitTenant) {
            claims.claim("tenant_id", tenant.toString());
        }
        return claims.jws().keyId(TestKeys.KEY_ID).sign(signingKey == null ? TestKeys.privateKey() : signingKey);
    }

    /** Convenience: a valid token for the tenant with the given roles. */
    public static String token(UUID tenant, String... roles) {
        return forTenant(tenant).roles(roles).sign();
    }
}
