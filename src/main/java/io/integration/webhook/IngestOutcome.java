package io.integration.webhook;

/** How an inbound webhook was answered: the HTTP status and a short reason for metrics and the audit record. */
record IngestOutcome(int status, String outcome, String reason) {

    static IngestOutcome accepted() {
        return new IngestOutcome(200, "accepted", "accepted");
    }

    static IngestOutcome duplicate() {
        return new IngestOutcome(200, "duplicate", "duplicate");
    }

    static IngestOutcome rejected(int status, String reason) {
        return new IngestOutcome(status, "rejected", reason);
    }
}
