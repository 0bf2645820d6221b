package io.integration.config;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Legacy secrets some providers keep in their config; write-only: responses only carry masks and flags. */
@Schema(name = "ConfigCredentials", description = "Write-only secrets; replaces all three when given")
public record ConfigCredentials(
        @Schema(description = "Provider access token") @Size(max = 4096) String accessToken,
        @Schema(description = "Provider refresh token") @Size(max = 4096) String refreshToken,
        @Schema(description = "Provider API key") @Size(max = 4096) String apiKey) {

    @Override
    public String toString() {
        return "ConfigCredentials[secrets redacted]";
    }
}
