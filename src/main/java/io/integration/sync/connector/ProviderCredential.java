package io.integration.sync.connector;

/** The header that authorizes a provider request; never printed. */
public record ProviderCredential(String headerName, String headerValue) {

    @Override
    public String toString() {
        return "ProviderCredential[" + headerName + ": redacted]";
    }
}
