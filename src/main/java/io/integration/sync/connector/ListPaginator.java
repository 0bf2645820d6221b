package io.integration.sync.connector;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

import io.integration.provider.ProviderDefinition;
import io.integration.provider.ProviderDefinition.Pagination;
import io.integration.provider.ProviderDefinition.Sync;
import io.integration.sync.connector.PullFailedException.Reason;

/**
 * The URLs of one run through a provider's list endpoint, per the declared pagination style: builds the first URL
 * (static query, page size, incremental cursor, first page) and derives each next one from the page just read,
 * or null at the end. Pure: no I/O, one instance per run.
 */
final class ListPaginator {

    /** {@code <url>; param; rel="next"} entries of a Link header (RFC 8288); rel may list several types. */
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
    private static final Pattern REL_NEXT = Pattern.compile(";\\s*rel\\s*=\\s*\"?([^\";]*\\s)?next(\\s[^\";]*)?\"?\\s*(;|$)",
            Pattern.CASE_INSENSITIVE);

    private final ProviderDefinition provider;
    private final Sync sync;
    private final Pagination pagination;
    private final Map<String, String> baseQuery = new LinkedHashMap<>();
    private int page;

    ListPaginator(ProviderDefinition provider, String incrementalValue) {
        this.provider = provider;
        this.sync = provider.sync();
        this.pagination = sync.pagination();
        if (sync.query() != null) {
            baseQuery.putAll(sync.query());
        }
        baseQuery.put(pagination.pageSizeParam(), Integer.toString(pagination.pageSize()));
        if (incrementalValue != null && sync.incremental() != null) {
            baseQuery.put(sync.incremental().param(), incrementalValue);
        }
        this.page = pagination.firstPage() == null ? 1 : pagination.firstPage();
    }

    String first() {
        return switch (pagination.style()) {
            case PAGE -> url(Map.of(pagination.pageParam(), Integer.toString(page)));
            case CURSOR, LINK_HEADER -> url(Map.of());
        };
    }

    /** The records array of a page body; a body without one does not fit the declaration. */
    JsonNode records(JsonNode body) {
        JsonNode records = body.at(JsonPointer.compile(sync.recordsPointer()));
        if (!records.isArray()) {
            throw PullFailedException.of(Reason.PROVIDER_RESPONSE_INVALID, "provider '" + provider.slug()
                    + "' answered without a records array at '" + sync.recordsPointer() + "'");
        }
        return records;
    }

    /** The URL of the page after {@code currentUrl}, or null when the provider says there is none. */
    String next(String currentUrl, JsonNode body, List<String> linkHeaders, int recordCount) {
        return switch (pagination.style()) {
            case CURSOR -> {
                JsonNode cursor = body.at(JsonPointer.compile(pagination.cursorPointer()));
                yield cursor.isValueNode() && !cursor.isNull() && !cursor.asText().isEmpty()
                        ? url(Map.of(pagination.cursorParam(), cursor.asText())) : null;
            }
            case PAGE -> {
                // An empty or short page is the last one.
                if (recordCount < pagination.pageSize()) {
                    yield null;
                }
                page++;
                yield url(Map.of(pagination.pageParam(), Integer.toString(page)));
            }
            case LINK_HEADER -> nextLink(currentUrl, linkHeaders);
        };
    }

    private String nextLink(String currentUrl, List<String> linkHeaders) {
        for (String header : linkHeaders) {
            Matcher link = LINK.matcher(header);
            while (link.find()) {
                if (REL_NEXT.matcher(link.group(2)).find()) {
                    return sameOrigin(URI.create(currentUrl).resolve(link.group(1).strip()));
                }
            }
        }
        return null;
    }

    /** The credential goes with every page, so a next link may only point at the provider's own API origin. */
    private String sameOrigin(URI next) {
        URI base = URI.create(provider.apiBaseUrl());
        boolean same = base.getScheme().equalsIgnoreCase(next.getScheme())
                && base.getHost().equalsIgnoreCase(next.getHost() == null ? "" : next.getHost())
                && port(base) == port(next);
        if (!same) {
            throw PullFailedException.of(Reason.PROVIDER_RESPONSE_INVALID, "provider '" + provider.slug()
                    + "' sent a next link to another origin (" + next.getScheme() + "://" + next.getHost() + ")");
        }
        return next.toString();
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private String url(Map<String, String> extra) {
        StringJoiner query = new StringJoiner("&");
        baseQuery.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        extra.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
        String base = provider.apiBaseUrl().endsWith("/")
                ? provider.apiBaseUrl().substring(0, provider.apiBaseUrl().length() - 1) : provider.apiBaseUrl();
        return base + sync.listPath() + "?" + query;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
