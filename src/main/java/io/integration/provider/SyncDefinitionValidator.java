package io.integration.provider;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonPointer;

import io.integration.provider.ProviderDefinition.Incremental;
import io.integration.provider.ProviderDefinition.Pagination;
import io.integration.provider.ProviderDefinition.PaginationStyle;
import io.integration.provider.ProviderDefinition.Sync;

/** Checks a provider's optional {@code sync} block at start, so the pull connector never meets a half-declared one. */
final class SyncDefinitionValidator {

    static final int MAX_PAGE_SIZE = 1000;
    private static final String PARAM = "^[A-Za-z0-9_.\\[\\]-]{1,64}$";

    private SyncDefinitionValidator() {
    }

    /** Throws {@link IllegalStateException} naming the provider and the problem; a null block is valid (no sync). */
    static void validate(Sync sync, String where) {
        if (sync == null) {
            return;
        }
        String at = where + "sync.";
        require(sync.listPath() != null && sync.listPath().startsWith("/") && !sync.listPath().contains("?")
                && !sync.listPath().contains("#"), at + "listPath must start with '/' and have no query (use sync.query)");
        requirePointer(sync.recordsPointer(), true, at + "recordsPointer");
        requirePointer(sync.idPointer(), false, at + "idPointer");
        Set<String> params = new HashSet<>();
        if (sync.query() != null) {
            for (Map.Entry<String, String> entry : sync.query().entrySet()) {
                requireParam(entry.getKey(), params, at + "query");
                require(entry.getValue() != null, at + "query." + entry.getKey() + " needs a value");
            }
        }
        validatePagination(sync.pagination(), params, at + "pagination.");
        Incremental incremental = sync.incremental();
        if (incremental != null) {
            requirePointer(incremental.field(), false, at + "incremental.field");
            requireParam(incremental.param(), params, at + "incremental.param");
        }
    }

    private static void validatePagination(Pagination pagination, Set<String> params, String at) {
        require(pagination != null && pagination.style() != null,
                at + "style is required (CURSOR, PAGE or LINK_HEADER)");
        require(pagination.pageSize() != null && pagination.pageSize() >= 1 && pagination.pageSize() <= MAX_PAGE_SIZE,
                at + "pageSize must be between 1 and " + MAX_PAGE_SIZE);
        requireParam(pagination.pageSizeParam(), params, at + "pageSizeParam");
        PaginationStyle style = pagination.style();
        if (style == PaginationStyle.CURSOR) {
            requirePointer(pagination.cursorPointer(), false, at + "cursorPointer");
            requireParam(pagination.cursorParam(), params, at + "cursorParam");
        } else {
            require(pagination.cursorPointer() == null && pagination.cursorParam() == null,
                    at + "cursorPointer and cursorParam belong to style CURSOR only");
        }
        if (style == PaginationStyle.PAGE) {
            requireParam(pagination.pageParam(), params, at + "pageParam");
            require(pagination.firstPage() == null || pagination.firstPage() == 0 || pagination.firstPage() == 1,
                    at + "firstPage must be 0 or 1");
        } else {
            require(pagination.pageParam() == null && pagination.firstPage() == null,
                    at + "pageParam and firstPage belong to style PAGE only");
        }
    }

    private static void requirePointer(String pointer, boolean rootAllowed, String what) {
        boolean shaped = pointer != null && (pointer.startsWith("/") || (rootAllowed && pointer.isEmpty()));
        require(shaped, what + " must be a JSON Pointer starting with '/'" + (rootAllowed ? " (or \"\" for the body)" : ""));
        try {
            JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not a valid JSON Pointer");
        }
    }

    private static void requireParam(String name, Set<String> taken, String what) {
        require(name != null && name.matches(PARAM), what + " must be a query parameter name (letters, digits, _ . - [ ])");
        require(taken.add(name), what + " '" + name + "' is used twice in the sync block");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
