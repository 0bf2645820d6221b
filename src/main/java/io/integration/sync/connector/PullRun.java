package io.integration.sync.connector;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.integration.sync.connector.PullFailedException.PullCounts;
import io.integration.sync.connector.PullFailedException.Reason;

/** The state of one run: where it is, what it has counted, the greatest cursor seen, records awaiting delivery. */
final class PullRun {

    final PullRequest request;
    final SyncTarget target;
    final ListPaginator paginator;
    final List<ObjectNode> pending = new ArrayList<>();
    private final Set<String> requested = new HashSet<>();
    ProviderCredential credential;
    boolean credentialRefreshed;
    String nextUrl;
    long fetched;
    long created;
    long failed;
    long providerCalls;
    int pages;
    int batches;
    String greatestCursor;

    PullRun(PullRequest request, SyncTarget target, ProviderCredential credential) {
        this.request = request;
        this.target = target;
        this.credential = credential;
        String since = request.mode() == PullMode.INCREMENTAL ? request.previousCursor() : null;
        this.paginator = new ListPaginator(target.provider(), since);
        this.nextUrl = paginator.first();
    }

    /** The URL of the page to read now; guards against a provider that pages forever or in a circle. */
    String startPage(int maxPages) {
        if (pages >= maxPages) {
            throw PullFailedException.of(Reason.TOO_MANY_PAGES, "provider '" + target.provider().slug()
                    + "' had more than " + maxPages + " pages (integration.rest-pull.max-pages)");
        }
        if (!requested.add(nextUrl)) {
            throw PullFailedException.of(Reason.PROVIDER_RESPONSE_INVALID, "provider '" + target.provider().slug()
                    + "' pointed back to a page already read (page " + (pages + 1) + ")");
        }
        pages++;
        return nextUrl;
    }

    PullCounts counts() {
        return new PullCounts(fetched, created, failed, providerCalls, pages);
    }

    PullResult result() {
        return new PullResult(fetched, created, failed, providerCalls, pages,
                IncrementalCursor.max(request.previousCursor(), greatestCursor));
    }
}
