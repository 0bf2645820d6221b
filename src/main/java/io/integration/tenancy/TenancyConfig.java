package io.integration.tenancy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the tenant and the acting user are read from the verified bearer token. */
@ConfigMapping(prefix = "integration.tenancy")
public interface TenancyConfig {

    /** Name of the token claim that carries the tenant id (a UUID). */
    @WithDefault("tenant_id")
    String claim();

    /** Token claim used as the acting user's display name in the activity log (falls back to preferred_username, then sub). */
    @WithDefault("name")
    String displayNameClaim();
}
