package io.integration.local;

import java.security.PrivateKey;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.integration.common.Problem;
import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /dev/token}: signs a bearer token with the local issuer's key. The route is registered only when the
 * service runs embedded with no OIDC issuer configured; in any other deployment it does not exist.
 */
@ApplicationScoped
public class DevTokenRoute {

    private static final Logger LOG = Logger.getLogger(DevTokenRoute.class);
    private static final String DEFAULT_ROLES = "read,write,admin";

    private final LocalConfig config;

    public DevTokenRoute(LocalConfig config) {
        this.config = config;
    }

    void register(@Observes Router router) throws Exception {
        LocalConfig.DevToken settings = config.devToken();
        if (!settings.enabled() || settings.signingKey().isEmpty()) {
            return;
        }
        PrivateKey key = LocalIssuer.readPrivateKey(settings.signingKey().get());
        router.post("/dev/token").handler(context -> issue(context, key));
        LOG.warn("development token endpoint POST /dev/token is enabled (local run only)");
    }

    private void issue(RoutingContext context, PrivateKey key) {
        String tenant = context.queryParams().get("tenant");
        String roles = context.queryParams().get("roles");
        String subject = context.queryParams().get("sub");
        UUID tenantId;
        try {
            tenantId = tenant == null ? config.demoTenant().id() : UUID.fromString(tenant);
        } catch (IllegalArgumentException e) {
            context.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(new JsonObject().put("title", "Bad Request").put("status", 400)
                            .put("detail", "'tenant' must be a UUID").encode());
            return;
        }
        List<String> roleList = Arrays.stream((roles == null ? DEFAULT_ROLES : roles).split(","))
                .map(String::strip).filter(r -> !r.isEmpty()).toList();
        String token = Jwt.issuer(config.devToken().issuer())
                .subject(subject == null ? "local-developer" : subject)
                .claim("name", "Local Developer")
                .claim("tenant_id", tenantId.toString())
                .claim("roles", roleList)
                .expiresIn(config.devToken().lifetimeSeconds())
                .jws().keyId("local")
                .sign(key);
        context.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("access_token", token)
                        .put("token_type", "Bearer")
                        .put("expires_in", config.devToken().lifetimeSeconds())
                        .put("tenant_id", tenantId.toString())
                        .put("roles", roleList)
                        .encode());
    }
}
