package io.integration.sync.connector;

/**
 * A run that did not finish: why, whether the queue should retry it, and what it had done so far (provider calls
 * are still billed; delivered batches are not undone, the destination dedupes them by batch id). The cursor is
 * never advanced by a failed run. The message is safe to store and log: no credential, no record content.
 */
public class PullFailedException extends RuntimeException {

    /** What went wrong; each reason is retryable or not. */
    public enum Reason {
        /** The provider answered 5xx, 408 or 429, or did not answer in time. */
        PROVIDER_UNAVAILABLE(true),
        /** The provider rejected the credentials (401/403), also after a token refresh; the connection is ERROR. */
        PROVIDER_AUTH_REJECTED(false),
        /** The provider answered another 4xx: the declared request is wrong, retrying will not help. */
        PROVIDER_REJECTED(false),
        /** The provider's answer does not fit the declared sync block (not JSON, no records array, repeating pages). */
        PROVIDER_RESPONSE_INVALID(false),
        /** More pages than integration.rest-pull.max-pages. */
        TOO_MANY_PAGES(false),
        /** The destination answered non-2xx or not in time. */
        DESTINATION_UNAVAILABLE(true),
        /** Nothing to run: no connection, no sync block, no field mappings, no destination or no signing secret. */
        NOT_CONFIGURED(false),
        /** Anything else (e.g. the database was unavailable). */
        UNEXPECTED(true);

        private final boolean retryable;

        Reason(boolean retryable) {
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }

    private final Reason reason;
    private final Integer providerStatus;
    private final PullCounts counts;

    PullFailedException(Reason reason, String message, Integer providerStatus, PullCounts counts) {
        super(message, null, false, false);
        this.reason = reason;
        this.providerStatus = providerStatus;
        this.counts = counts == null ? PullCounts.NONE : counts;
    }

    static PullFailedException of(Reason reason, String message) {
        return new PullFailedException(reason, message, null, null);
    }

    static PullFailedException provider(Reason reason, int status, String message) {
        return new PullFailedException(reason, message, status, null);
    }

    /** The same failure carrying what the run had done when it failed. */
    PullFailedException withCounts(PullCounts runCounts) {
        return new PullFailedException(reason, getMessage(), providerStatus, runCounts);
    }

    public Reason reason() {
        return reason;
    }

    public boolean retryable() {
        return reason.retryable();
    }

    /** The provider's HTTP status when the failure is the provider's answer, else null. */
    public Integer providerStatus() {
        return providerStatus;
    }

    public PullCounts counts() {
        return counts;
    }

    /** Counts of a run so far. */
    public record PullCounts(long fetched, long created, long failed, long providerCalls, int pages) {
        static final PullCounts NONE = new PullCounts(0, 0, 0, 0, 0);
    }
}
