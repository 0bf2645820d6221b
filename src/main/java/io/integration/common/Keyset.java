package io.integration.common;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * Keyset pagination over (created_at, id), oldest first, shared by the lists of the API: the condition "after the
 * cursor" with a stable order, a fetch of one row more than the page, and the cut that yields the next cursor.
 */
public final class Keyset {

    private Keyset() {
    }

    /** Appends the cursor condition (when the page has one) and the order to a Panache query on an entity. */
    public static String after(StringBuilder query, Parameters params, PageRequest page) {
        if (page.after() != null) {
            query.append(" and (createdAt > :afterCreated or (createdAt = :afterCreated and id > :afterId))");
            params.and("afterCreated", page.after().createdAt()).and("afterId", page.after().id());
        }
        return query.append(" order by createdAt, id").toString();
    }

    /** Fetches the page plus one row, which tells whether another page follows. */
    public static <E> Uni<List<E>> fetch(PanacheQuery<E> query, PageRequest page) {
        return query.range(0, page.limit()).list();
    }

    /** Cuts the extra row, maps the items and encodes the next cursor from the last one (null on the last page). */
    public static <E extends TimestampedEntity, R> Page<R> page(List<E> rows, PageRequest page, Function<E, UUID> idOf,
            Function<E, R> mapper) {
        boolean more = rows.size() > page.limit();
        List<E> items = more ? rows.subList(0, page.limit()) : rows;
        E last = items.isEmpty() ? null : items.get(items.size() - 1);
        return new Page<>(items.stream().map(mapper).toList(),
                more ? new Cursor(last.createdAt, idOf.apply(last)).encode() : null);
    }
}
