package io.integration.sync.connector;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.integration.mapping.FieldMappingEngine;
import io.integration.mapping.MappedRecord;
import io.integration.mapping.MappingViolation;
import io.integration.provider.ProviderDefinition.Incremental;
import io.integration.sync.connector.PullFailedException.Reason;
import io.quarkus.arc.All;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The built-in generic REST pull connector: pages through a provider's declared list endpoint with the connection's
 * credentials, maps each record through the connection's field mappings and delivers the mapped records in signed
 * batches to the venue's destination. A record that fails its mapping is counted and skipped; anything else that
 * goes wrong fails the run with a {@link PullFailedException} saying whether to retry, and the cursor is then not
 * advanced. Runs outside any request: all database work is on the worker pool (see docs/adr/0011).
 */
@ApplicationScoped
public class RestPullConnector {

    private static final Logger LOG = Logger.getLogger(RestPullConnector.class);

    private final SyncTargetLoader loader;
    private final ProviderAuthorization authorization;
    private final ProviderPageClient provider;
    private final DestinationDelivery destination;
    private final ConnectionAuthFailures authFailures;
    private final List<ProviderCallMeter> meters;
    private final RestPullConfig config;
    private final ObjectMapper json = new ObjectMapper();

    RestPullConnector(SyncTargetLoader loader, ProviderAuthorization authorization, ProviderPageClient provider,
            DestinationDelivery destination, ConnectionAuthFailures authFailures, @All List<ProviderCallMeter> meters,
            RestPullConfig config) {
        this.loader = loader;
        this.authorization = authorization;
        this.provider = provider;
        this.destination = destination;
        this.authFailures = authFailures;
        this.meters = List.copyOf(meters);
        this.config = config;
    }

    /** Runs one pull; fails with {@link PullFailedException} only. */
    public Uni<PullResult> pull(PullRequest request) {
        return Uni.createFrom().deferred(() -> {
                    // Checked first: no provider call is worth making when the batches could not be signed.
                    destination.requireSigningKey();
                    return loader.load(request);
                })
                .chain(target -> authorization.authorize(target)
                        .chain(credential -> run(new PullRun(request, target, credential))))
                .onFailure().transform(RestPullConnector::asPullFailure);
    }

    private Uni<PullResult> run(PullRun run) {
        return Multi.createBy().repeating().uni(() -> Uni.createFrom().deferred(() -> readPage(run))).whilst(more -> more)
                .collect().last()
                .chain(() -> deliver(run, true))
                .map(ignored -> run.result())
                .invoke(result -> LOG.infof("pull done tenant=%s venue=%s provider=%s connection=%s job=%s mode=%s"
                                + " pages=%d fetched=%d created=%d failed=%d calls=%d", run.target.tenant(),
                        run.target.venueId(), run.target.provider().slug(), run.target.connectionId(), run.request.jobId(),
                        run.request.mode(), result.pages(), result.fetched(), result.created(), result.failed(),
                        result.providerCalls()))
                .onFailure().transform(failure -> asPullFailure(failure).withCounts(run.counts()))
                .onFailure().call(failure -> afterFailure(run, (PullFailedException) failure))
                .onTermination().call(() -> meter(run));
    }

    /** Reads the next page; true while another one follows. */
    private Uni<Boolean> readPage(PullRun run) {
        String url = run.startPage(config.maxPages());
        return fetch(run, url)
                .chain(page -> {
                    JsonNode records = run.paginator.records(page.body());
                    records.forEach(record -> accept(run, record));
                    String next = run.paginator.next(url, page.body(), page.linkHeaders(), records.size());
                    return deliver(run, false).replaceWith(next);
                })
                .map(next -> {
                    run.nextUrl = next;
                    return next != null;
                });
    }

    /** One provider call; a rejected credential is refreshed once (OAuth) and the same page asked again. */
    private Uni<ProviderPageClient.Page> fetch(PullRun run, String url) {
        run.providerCalls++;
        return provider.fetch(url, run.credential)
                .chain(page -> {
                    if (!page.credentialRejected()) {
                        return Uni.createFrom().item(page);
                    }
                    PullFailedException rejected = PullFailedException.provider(Reason.PROVIDER_AUTH_REJECTED,
                            page.status(), "provider rejected the credentials (" + page.status() + ")");
                    if (run.credentialRefreshed) {
                        return Uni.createFrom().failure(rejected);
                    }
                    run.credentialRefreshed = true;
                    return authorization.reauthorize(run.target, run.credential)
                            .chain(fresh -> refetch(run, url, fresh, rejected));
                });
    }

    private Uni<ProviderPageClient.Page> refetch(PullRun run, String url, Optional<ProviderCredential> fresh,
            PullFailedException rejected) {
        if (fresh.isEmpty()) {
            return Uni.createFrom().failure(rejected);
        }
        LOG.infof("pull credential refreshed after %s tenant=%s venue=%s provider=%s job=%s", rejected.providerStatus(),
                run.target.tenant(), run.target.venueId(), run.target.provider().slug(), run.request.jobId());
        run.credential = fresh.get();
        return fetch(run, url);
    }

    /** Counts, tracks the incremental cursor and maps one record; a record that cannot be delivered is counted failed. */
    private void accept(PullRun run, JsonNode record) {
        run.fetched++;
        JsonNode id = record.at(JsonPointer.compile(run.target.provider().sync().idPointer()));
        Incremental incremental = run.target.provider().sync().incremental();
        if (incremental != null) {
            JsonNode value = record.at(JsonPointer.compile(incremental.field()));
            if (value.isValueNode() && !value.isNull()) {
                run.greatestCursor = IncrementalCursor.max(run.greatestCursor, value.asText());
            }
        }
        if (!id.isValueNode() || id.isNull()) {
            run.failed++;
            LOG.debugf("pull record without id job=%s record=%d", run.request.jobId(), run.fetched);
            return;
        }
        MappedRecord mapped = FieldMappingEngine.apply(run.target.mappings(), record);
        if (!mapped.succeeded()) {
            run.failed++;
            // Field names only: the violation messages quote record values.
            LOG.debugf("pull record %s failed mapping job=%s fields=%s", id.asText(), run.request.jobId(),
                    mapped.errors().stream().map(MappingViolation::field).toList());
            return;
        }
        ObjectNode delivered = json.createObjectNode();
        delivered.put("id", id.asText());
        delivered.set("data", mapped.value());
        run.pending.add(delivered);
    }

    /** Delivers every full batch waiting (and, at the end, the rest), one after the other. */
    private Uni<Void> deliver(PullRun run, boolean all) {
        List<List<ObjectNode>> batches = new ArrayList<>();
        int size = config.batchSize();
        while (run.pending.size() >= size || (all && !run.pending.isEmpty())) {
            List<ObjectNode> batch = new ArrayList<>(run.pending.subList(0, Math.min(size, run.pending.size())));
            run.pending.subList(0, batch.size()).clear();
            batches.add(batch);
        }
        return Multi.createFrom().iterable(batches)
                .onItem().transformToUniAndConcatenate(batch -> destination.deliver(run.target.destinationUrl(),
                                body(run, batch))
                        .invoke(() -> run.created += batch.size()))
                .collect().last()
                .replaceWithVoid();
    }

    private byte[] body(PullRun run, List<ObjectNode> records) {
        ObjectNode body = json.createObjectNode();
        body.put("type", "sync.records");
        body.put("jobId", run.request.jobId().toString());
        body.put("venueId", run.target.venueId().toString());
        body.put("provider", run.target.provider().slug());
        body.put("connectionId", run.target.connectionId().toString());
        body.put("syncType", run.request.mode().name());
        body.put("batch", run.batches++);
        body.putArray("records").addAll(records);
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private Uni<Void> afterFailure(PullRun run, PullFailedException failure) {
        LOG.infof("pull failed tenant=%s venue=%s provider=%s connection=%s job=%s reason=%s retryable=%s: %s",
                run.target.tenant(), run.target.venueId(), run.target.provider().slug(), run.target.connectionId(),
                run.request.jobId(), failure.reason(), failure.retryable(), failure.getMessage());
        if (failure.reason() != Reason.PROVIDER_AUTH_REJECTED) {
            return Uni.createFrom().voidItem();
        }
        return authFailures.record(run.target, run.request, failure)
                // The run's own failure is what the queue must see, not a failure to record it.
                .onFailure().invoke(e -> LOG.warnf("could not mark connection %s ERROR: %s", run.target.connectionId(),
                        e.getClass().getSimpleName()))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> meter(PullRun run) {
        if (run.providerCalls == 0) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(meters)
                .onItem().transformToUniAndConcatenate(meter -> meter.recordProviderCalls(run.target.tenant(),
                                run.target.venueId(), run.target.provider().slug(), run.providerCalls)
                        .onFailure().invoke(e -> LOG.warnf("provider call meter %s failed for job=%s: %s",
                                meter.getClass().getSimpleName(), run.request.jobId(), e.getClass().getSimpleName()))
                        .onFailure().recoverWithNull())
                .collect().last()
                .replaceWithVoid();
    }

    private static PullFailedException asPullFailure(Throwable failure) {
        if (failure instanceof PullFailedException pull) {
            return pull;
        }
        LOG.warnf("pull failed unexpectedly: %s", failure.getClass().getName());
        return PullFailedException.of(Reason.UNEXPECTED, "the run failed unexpectedly (" + failure.getClass().getSimpleName() + ")");
    }
}
