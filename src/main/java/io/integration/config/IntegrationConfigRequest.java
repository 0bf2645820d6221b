package io.integration.config;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a create-or-replace of a venue's config for one provider. */
@Schema(name = "IntegrationConfigRequest", description = "A venue's settings for one provider; settings are validated against the provider definition")
public record IntegrationConfigRequest(
        @Schema(description = "Values of the settings the provider declares (see GET /api/v1/providers/{slug})",
                examples = "{\"locationId\":\"L8D7Q2\"}")
        @Size(max = 100) Map<String, Object> settings,
        @Schema(description = "Defaults to true") Boolean enabled,
        @Schema(description = "Defaults to false; needs syncSchedule when true") Boolean syncEnabled,
        @Schema(description = "Quartz cron expression (seconds first)", examples = "0 */15 * * * ?")
        @Size(max = 120) String syncSchedule,
        @Schema(description = "Internal http(s) URL the built-in REST pull connector delivers mapped records to, signed"
                + " (Standard Webhooks); omit when the provider is synced by an external worker",
                examples = "http://orders-service.internal/api/v1/sync-batches")
        @Size(max = 2000) String destinationUrl,
        @Schema(description = "Optional legacy secrets; omit to keep the stored ones") @Valid ConfigCredentials credentials) {

    @Override
    public String toString() {
        return "IntegrationConfigRequest[settings=" + (settings == null ? 0 : settings.size()) + " keys, enabled="
                + enabled + ", syncEnabled=" + syncEnabled + ", syncSchedule=" + syncSchedule + ", destinationUrl=" + (destinationUrl == null ? "absent" : "set")
                + ", credentials=" + (credentials == null ? "absent" : "redacted") + "]";
    }
}
