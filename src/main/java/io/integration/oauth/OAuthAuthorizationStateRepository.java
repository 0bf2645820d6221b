package io.integration.oauth;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

/** Started authorizations; they are only inserted here (the callback consumes them with one DELETE ... RETURNING). */
@ApplicationScoped
public class OAuthAuthorizationStateRepository implements PanacheRepositoryBase<OAuthAuthorizationState, UUID> {
}
