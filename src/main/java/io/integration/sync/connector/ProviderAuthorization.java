package io.integration.sync.connector;

import java.util.Optional;

import io.smallrye.mutiny.Uni;

/** Resolves the header a provider request of a sync run carries. */
public interface ProviderAuthorization {

    /** The credential to start the run with. */
    Uni<ProviderCredential> authorize(SyncTarget target);

    /**
     * After the provider rejected {@code rejected} (401/403): a fresh credential to retry the page with once, or
     * empty when the auth mode cannot be refreshed (the run then fails and the connection is marked ERROR).
     */
    Uni<Optional<ProviderCredential>> reauthorize(SyncTarget target, ProviderCredential rejected);
}
