package io.integration.common.idempotency;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.integration.tenancy.TenantId;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/** Idempotency keys of a tenant, always filtered on the tenant as well; called inside tenant transactions. */
@ApplicationScoped
public class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecord, UUID> {

    // ON CONFLICT DO NOTHING waits for a concurrent insert of the same key to commit, then inserts nothing: exactly
    // one request of a burst gets 1 here, whatever the number of replicas.
    private static final String INSERT_PENDING = "insert into idempotency_keys (id, tenant_id, idempotency_key,"
            + " request_hash, status, response_headers, expires_at, created_at, updated_at)"
            + " values (:id, :tenant, :key, :hash, 'PENDING', '{}'::jsonb, :expires, now(), now())"
            + " on conflict (tenant_id, idempotency_key) do nothing";

    /** Inserts the key as PENDING; true if this request owns it now, false if the key already exists. */
    public Uni<Boolean> insertPending(TenantId tenant, String key, String hash, Instant expiresAt) {
        return getSession()
                .chain(session -> session.createNativeQuery(INSERT_PENDING)
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("tenant", tenant.value())
                        .setParameter("key", key)
                        .setParameter("hash", hash)
                        .setParameter("expires", expiresAt)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<IdempotencyRecord> findKey(TenantId tenant, String key) {
        return find("tenantId = :tenant and idempotencyKey = :key",
                Parameters.with("tenant", tenant.value()).and("key", key))
                .firstResult();
    }

    /** Removes the key if it expired (a completed one past its TTL, or a pending one whose request died). */
    public Uni<Long> deleteIfExpired(TenantId tenant, String key, Instant now) {
        return delete("tenantId = :tenant and idempotencyKey = :key and expiresAt < :now",
                Parameters.with("tenant", tenant.value()).and("key", key).and("now", now));
    }

    /** Frees a key whose request did not succeed, so that the client can retry with it. */
    public Uni<Long> deletePending(TenantId tenant, String key, String hash) {
        return delete("tenantId = :tenant and idempotencyKey = :key and requestHash = :hash and status = :pending",
                Parameters.with("tenant", tenant.value()).and("key", key).and("hash", hash)
                        .and("pending", IdempotencyRecord.PENDING));
    }
}
