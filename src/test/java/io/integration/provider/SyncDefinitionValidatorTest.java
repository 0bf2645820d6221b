package io.integration.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.integration.provider.ProviderDefinition.Incremental;
import io.integration.provider.ProviderDefinition.Pagination;
import io.integration.provider.ProviderDefinition.PaginationStyle;
import io.integration.provider.ProviderDefinition.Sync;

/** A provider's sync block is checked at start: every style with what it needs, nothing it does not, valid pointers. */
class SyncDefinitionValidatorTest {

    private static final String WHERE = "provider 'acme': ";

    private static Pagination cursor(String pointer, String param) {
        return new Pagination(PaginationStyle.CURSOR, "limit", 100, pointer, param, null, null);
    }

    private static Sync sync(String listPath, String records, String id, Pagination pagination, Incremental incremental) {
        return new Sync(listPath, Map.of("state", "all"), records, id, pagination, incremental);
    }

    private static void assertRejected(Sync sync, String message) {
        assertThatThrownBy(() -> SyncDefinitionValidator.validate(sync, WHERE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(WHERE + message);
    }

    @Test
    void wellFormedBlocksOfEveryStyleAndNoBlockAreAccepted() {
        assertThatCode(() -> SyncDefinitionValidator.validate(null, WHERE)).doesNotThrowAnyException();
        assertThatCode(() -> SyncDefinitionValidator.validate(sync("/v1/items", "/data", "/id",
                cursor("/paging/next/after", "after"), new Incremental("/updated_at", "updated_since")), WHERE))
                .doesNotThrowAnyException();
        assertThatCode(() -> SyncDefinitionValidator.validate(sync("/items", "", "/id",
                new Pagination(PaginationStyle.LINK_HEADER, "per_page", 100, null, null, null, null), null), WHERE))
                .doesNotThrowAnyException();
        assertThatCode(() -> SyncDefinitionValidator.validate(sync("/items", "/items", "/meta/id",
                new Pagination(PaginationStyle.PAGE, "size", 20, null, null, "page", 0), null), WHERE))
                .doesNotThrowAnyException();
    }

    @Test
    void theListPathMustBeAPathWithoutQuery() {
        assertRejected(sync("items", "/data", "/id", cursor("/next", "after"), null),
                "sync.listPath must start with '/' and have no query (use sync.query)");
        assertRejected(sync("/items?limit=5", "/data", "/id", cursor("/next", "after"), null),
                "sync.listPath must start with '/' and have no query (use sync.query)");
    }

    @Test
    void pointersMustBeJsonPointers() {
        assertRejected(sync("/items", "data", "/id", cursor("/next", "after"), null),
                "sync.recordsPointer must be a JSON Pointer starting with '/' (or \"\" for the body)");
        assertRejected(sync("/items", "/data", "", cursor("/next", "after"), null),
                "sync.idPointer must be a JSON Pointer starting with '/'");
        assertRejected(sync("/items", "/data", "/id", cursor("/next", "after"), new Incremental("updated_at", "since")),
                "sync.incremental.field must be a JSON Pointer starting with '/'");
    }

    @Test
    void eachStyleNeedsItsParametersAndOnlyThose() {
        assertRejected(sync("/items", "/data", "/id", null, null),
                "sync.pagination.style is required (CURSOR, PAGE or LINK_HEADER)");
        assertRejected(sync("/items", "/data", "/id", cursor(null, "after"), null),
                "sync.pagination.cursorPointer must be a JSON Pointer starting with '/'");
        assertRejected(sync("/items", "/data", "/id", cursor("/next", null), null),
                "sync.pagination.cursorParam must be a query parameter name (letters, digits, _ . - [ ])");
        assertRejected(sync("/items", "/data", "/id",
                new Pagination(PaginationStyle.PAGE, "size", 20, null, null, null, null), null),
                "sync.pagination.pageParam must be a query parameter name (letters, digits, _ . - [ ])");
        assertRejected(sync("/items", "/data", "/id",
                new Pagination(PaginationStyle.PAGE, "size", 20, null, null, "page", 2), null),
                "sync.pagination.firstPage must be 0 or 1");
        assertRejected(sync("/items", "/data", "/id",
                new Pagination(PaginationStyle.LINK_HEADER, "per_page", 100, "/next", "after", null, null), null),
                "sync.pagination.cursorPointer and cursorParam belong to style CURSOR only");
        assertRejected(sync("/items", "/data", "/id",
                new Pagination(PaginationStyle.CURSOR, "limit", 100, "/next", "after", "page", null), null),
                "sync.pagination.pageParam and firstPage belong to style PAGE only");
    }

    @Test
    void pageSizeIsBoundedAndParametersAreNotReused() {
        assertRejected(sync("/items", "/data", "/id",
                new Pagination(PaginationStyle.CURSOR, "limit", 0, "/next", "after", null, null), null),
                "sync.pagination.pageSize must be between 1 and 1000");
        assertRejected(sync("/items", "/data", "/id",
                new Pagination(PaginationStyle.CURSOR, "limit", 5000, "/next", "after", null, null), null),
                "sync.pagination.pageSize must be between 1 and 1000");
        assertRejected(sync("/items", "/data", "/id", cursor("/next", "limit"), null),
                "sync.pagination.cursorParam 'limit' is used twice in the sync block");
        assertRejected(sync("/items", "/data", "/id", cursor("/next", "after"), new Incremental("/updated_at", "state")),
                "sync.incremental.param 'state' is used twice in the sync block");
    }

    @Test
    void aBadSyncBlockInTheDefinitionsFileStopsTheStart() {
        assertThatThrownBy(() -> new ProviderCatalog(config("providers/invalid-sync.json")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("provider 'bad-sync': sync.pagination.cursorPointer must be a JSON Pointer starting with '/'");
    }

    @Test
    void theShippedFileDeclaresSyncForAtLeastThreeProvidersWithEachStyleItUses() {
        ProviderCatalog catalog = new ProviderCatalog(config("providers/providers.json"));

        assertThat(catalog.all().stream().filter(d -> d.sync() != null).map(ProviderDefinition::slug))
                .contains("hubspot", "square", "github", "shopify");
        assertThat(catalog.require("github").sync().pagination().style()).isEqualTo(PaginationStyle.LINK_HEADER);
        assertThat(catalog.require("hubspot").sync().pagination().style()).isEqualTo(PaginationStyle.CURSOR);
        assertThat(catalog.require("stripe").sync()).isNull();
    }

    private static ProvidersConfig config(String definitions) {
        return new ProvidersConfig() {
            @java.lang.Override
            public String definitions() {
                return definitions;
            }

            @java.lang.Override
            public Map<String, ProvidersConfig.Override> overrides() {
                return Map.of();
            }
        };
    }
}
