package io.integration.sync.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.integration.catalog.IntegrationCategory;
import io.integration.provider.ProviderDefinition;
import io.integration.provider.ProviderDefinition.Incremental;
import io.integration.provider.ProviderDefinition.Pagination;
import io.integration.provider.ProviderDefinition.PaginationStyle;
import io.integration.provider.ProviderDefinition.Sync;

/** The URLs of a run per pagination style, the stop conditions, and the same-origin rule for Link headers. */
class ListPaginatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "https://api.acme.test";

    private static ProviderDefinition provider(Pagination pagination) {
        return new ProviderDefinition("acme", "Acme", IntegrationCategory.OTHER, ProviderDefinition.AuthMode.NONE, BASE,
                null, null, new ProviderDefinition.TestRequest("GET", "/", List.of(200)), null, null, List.of(),
                new Sync("/v1/items", Map.of("state", "all"), "/items", "/id", pagination,
                        new Incremental("/updated_at", "updated since")));
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void pageStyleCountsUpFromTheFirstPageAndStopsOnAShortPage() throws Exception {
        ListPaginator pages = new ListPaginator(provider(new Pagination(PaginationStyle.PAGE, "size", 2, null, null,
                "page", 0)), "2024-01-01T00:00:00Z");
        JsonNode full = json("{\"items\":[{\"id\":1},{\"id\":2}]}");
        JsonNode shortPage = json("{\"items\":[{\"id\":3}]}");

        String first = pages.first();
        assertThat(first).isEqualTo(BASE + "/v1/items?state=all&size=2&updated%20since=2024-01-01T00%3A00%3A00Z&page=0");
        String second = pages.next(first, full, List.of(), pages.records(full).size());
        assertThat(second).endsWith("&page=1");
        assertThat(pages.next(second, shortPage, List.of(), pages.records(shortPage).size())).isNull();
        assertThat(pages.next(second, json("{\"items\":[]}"), List.of(), 0)).isNull();
    }

    @Test
    void cursorStyleSendsTheCursorFromTheBodyUntilItIsAbsentOrEmpty() throws Exception {
        ListPaginator pages = new ListPaginator(provider(new Pagination(PaginationStyle.CURSOR, "limit", 50,
                "/paging/next", "after", null, null)), null);

        String first = pages.first();
        assertThat(first).isEqualTo(BASE + "/v1/items?state=all&limit=50");
        assertThat(pages.next(first, json("{\"items\":[],\"paging\":{\"next\":\"c 2\"}}"), List.of(), 0))
                .isEqualTo(BASE + "/v1/items?state=all&limit=50&after=c%202");
        assertThat(pages.next(first, json("{\"items\":[],\"paging\":{\"next\":\"\"}}"), List.of(), 0)).isNull();
        assertThat(pages.next(first, json("{\"items\":[],\"paging\":{\"next\":null}}"), List.of(), 0)).isNull();
        assertThat(pages.next(first, json("{\"items\":[]}"), List.of(), 0)).isNull();
    }

    @Test
    void linkStyleFollowsRelNextOnTheSameOriginOnly() {
        ListPaginator pages = new ListPaginator(provider(new Pagination(PaginationStyle.LINK_HEADER, "per_page", 100,
                null, null, null, null)), null);
        String first = pages.first();

        assertThat(pages.next(first, null, List.of("<" + BASE + "/v1/items?page=2>; rel=\"next\", <" + BASE
                + "/v1/items?page=9>; rel=\"last\""), 100)).isEqualTo(BASE + "/v1/items?page=2");
        assertThat(pages.next(first, null, List.of("</v1/items?page=3>; rel=\"prev next\""), 100))
                .as("relative link, several relation types").isEqualTo(BASE + "/v1/items?page=3");
        assertThat(pages.next(first, null, List.of("<" + BASE + "/v1/items?page=1>; rel=\"prev\"",
                "<" + BASE + "/v1/items?page=4>; rel=next"), 100)).isEqualTo(BASE + "/v1/items?page=4");
        assertThat(pages.next(first, null, List.of("<" + BASE + "/v1/items?page=9>; rel=\"last\""), 100)).isNull();
        assertThat(pages.next(first, null, List.of(), 100)).isNull();
        assertThatThrownBy(() -> pages.next(first, null, List.of("<https://evil.test/steal>; rel=\"next\""), 100))
                .isInstanceOf(PullFailedException.class)
                .hasMessage("provider 'acme' sent a next link to another origin (https://evil.test)");
        assertThatThrownBy(() -> pages.next(first, null, List.of("<http://api.acme.test/v1/items?page=2>; rel=\"next\""), 100))
                .as("a downgrade to http is another origin").isInstanceOf(PullFailedException.class);
    }

    @Test
    void aBodyWithoutTheRecordsArrayDoesNotFitTheDeclaration() throws Exception {
        ListPaginator pages = new ListPaginator(provider(new Pagination(PaginationStyle.LINK_HEADER, "per_page", 100,
                null, null, null, null)), null);

        assertThatThrownBy(() -> pages.records(json("{\"items\":{\"id\":1}}")))
                .isInstanceOf(PullFailedException.class)
                .hasMessage("provider 'acme' answered without a records array at '/items'")
                .satisfies(e -> assertThat(((PullFailedException) e).retryable()).isFalse());
    }

    @Test
    void incrementalCursorsCompareAsNumbersInstantsOrText() {
        assertThat(IncrementalCursor.max(null, "5")).isEqualTo("5");
        assertThat(IncrementalCursor.max("10", "9")).isEqualTo("10");
        assertThat(IncrementalCursor.max("9", "10")).as("numerically, not as text").isEqualTo("10");
        assertThat(IncrementalCursor.max("2024-03-09T08:30:00+02:00", "2024-03-09T07:00:00Z"))
                .as("06:30Z < 07:00Z").isEqualTo("2024-03-09T07:00:00Z");
        assertThat(IncrementalCursor.max("2024-03-09T10:00:00.5Z", "2024-03-09T10:00:00Z"))
                .isEqualTo("2024-03-09T10:00:00.5Z");
        assertThat(IncrementalCursor.max("b", "a")).isEqualTo("b");
        assertThat(IncrementalCursor.max("a", null)).isEqualTo("a");
    }
}
