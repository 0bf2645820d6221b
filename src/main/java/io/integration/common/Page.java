package io.integration.common;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list, with the opaque cursor of the next page (null on the last page). */
public record Page<T>(
        @Schema(description = "The items of this page, oldest first") List<T> items,
        @Schema(description = "Pass as 'cursor' to get the next page; absent on the last page") String nextCursor) {
}
