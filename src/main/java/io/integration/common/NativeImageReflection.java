package io.integration.common;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The JSON types Jackson reads and writes by reflection that Quarkus cannot find on its own: bodies returned inside a
 * {@code Response} or {@code Uni<Response>}, the problem documents, the shipped provider definitions, stored mapping
 * rules. Without this the native executable answers {@code {}} and cannot read providers.json (ADR 0012). Nested
 * records and enums are registered with their outer type. A new JSON type belongs here; the native ITs catch a miss.
 */
@RegisterForReflection(targets = {
        Problem.class, Page.class,
        io.integration.catalog.IntegrationRequest.class, io.integration.catalog.IntegrationResponse.class,
        io.integration.catalog.IntegrationCategory.class, io.integration.catalog.IntegrationStatus.class,
        io.integration.config.IntegrationConfigRequest.class, io.integration.config.IntegrationConfigResponse.class,
        io.integration.connection.ConnectRequest.class, io.integration.connection.ConnectionResponse.class,
        io.integration.connection.ConnectionStatus.class, io.integration.connection.ConnectionTestResult.class,
        io.integration.connection.ActivityAction.class, io.integration.connection.ActivityLogEntryResponse.class,
        io.integration.connection.RevealedConnectionCredentials.class,
        io.integration.credential.apikey.ApiKeyRequest.class, io.integration.credential.apikey.ApiKeyResponse.class,
        io.integration.credential.apikey.RevealedApiKey.class,
        io.integration.mapping.ApplyTemplateRequest.class, io.integration.mapping.AppliedTemplateResponse.class,
        io.integration.mapping.FieldMappingResponse.class, io.integration.mapping.FieldMappingTemplateRequest.class,
        io.integration.mapping.FieldMappingTemplateResponse.class, io.integration.mapping.FieldTransform.class,
        io.integration.mapping.MappingDefinition.class, io.integration.mapping.MappingViolation.class,
        io.integration.mapping.FieldMappingPreviewRequest.class, io.integration.mapping.FieldMappingPreviewResponse.class,
        io.integration.oauth.OAuthTokenRequest.class, io.integration.oauth.OAuthTokenResponse.class,
        io.integration.oauth.AuthorizeRequest.class, io.integration.oauth.AuthorizationStarted.class,
        io.integration.oauth.OAuthConnected.class, io.integration.oauth.IssuedAccessToken.class,
        io.integration.sync.SyncJobRequest.class, io.integration.sync.SyncJobResponse.class,
        io.integration.sync.SyncJobStatus.class, io.integration.sync.SyncType.class, io.integration.sync.SyncCounts.class,
        io.integration.sync.SyncLogResponse.class, io.integration.sync.SyncLogStatus.class,
        io.integration.sync.SyncAttemptResponse.class, io.integration.sync.ClaimedJob.class,
        io.integration.sync.SyncWorkerRequests.class,
        io.integration.health.IntegrationHealthResponse.class,
        io.integration.cost.IntegrationCostResponse.class, io.integration.cost.CostSummaryResponse.class,
        io.integration.provider.ProviderDefinition.class,
        io.integration.webhook.WebhookEndpointRequest.class, io.integration.webhook.WebhookEndpointResponse.class,
        io.integration.webhook.WebhookEventResponse.class,
})
public final class NativeImageReflection {

    private NativeImageReflection() {
    }
}
