package io.integration.oauth;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.integration.connection.ActivityAction;
import io.integration.connection.ActivityLog;
import io.integration.tenancy.Actor;
import io.integration.tenancy.TenantId;
import io.integration.tenancy.TenantTransactions;
import io.smallrye.mutiny.Uni;

/** Hands a valid provider access token to an internal service over the API, and audits every hand-out. */
@ApplicationScoped
public class OAuthAccessTokenService {

    private static final Logger LOG = Logger.getLogger(OAuthAccessTokenService.class);

    private final TokenRefresher refresher;
    private final ActivityLog activityLog;
    private final TenantTransactions transactions;

    public OAuthAccessTokenService(TokenRefresher refresher, ActivityLog activityLog, TenantTransactions transactions) {
        this.refresher = refresher;
        this.activityLog = activityLog;
        this.transactions = transactions;
    }

    public Uni<IssuedAccessToken> issue(TenantId tenant, Actor actor, UUID venueId, String provider) {
        return refresher.validToken(tenant, venueId, provider)
                .call(current -> {
                    Map<String, Object> details = new HashMap<>();
                    details.put("venueId", venueId.toString());
                    details.put("provider", provider);
                    details.put("expiresAt", String.valueOf(current.token().expiresAt()));
                    return transactions.inTenantTransaction(tenant, () -> activityLog.record(tenant, actor,
                            ActivityAction.ACCESS_TOKEN_ISSUED, null, null, details));
                })
                .invoke(() -> LOG.infof("oauth access token issued tenant=%s venue=%s provider=%s to=%s", tenant, venueId,
                        provider, actor.userId()))
                .map(current -> new IssuedAccessToken(current.token().value(), current.token().tokenType(),
                        current.token().expiresAt(), current.scopes()));
    }
}
