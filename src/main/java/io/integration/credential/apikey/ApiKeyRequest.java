package io.integration.credential.apikey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Secrets of a venue's API key; write-only: responses only ever carry masks. */
@Schema(name = "ApiKeyRequest")
public record ApiKeyRequest(
        @Schema(description = "The provider API key", examples = "sk_live_51H...") @NotBlank @Size(max = 4096) String apiKey,
        @Schema(description = "Optional API secret") @Size(max = 4096) String apiSecret,
        @Schema(description = "Optional webhook signing secret") @Size(max = 4096) String webhookSecret) {

    @Override
    public String toString() {
        return "ApiKeyRequest[secrets redacted]";
    }
}
