package io.integration.common;

import java.util.Optional;

import org.hibernate.JDBCException;

import io.vertx.pgclient.PgException;

/** Classifies PostgreSQL errors raised under Hibernate Reactive or the Vert.x client by their SQLSTATE. */
public final class DatabaseErrors {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    public static final String CHECK_VIOLATION = "23514";
    public static final String NOT_NULL_VIOLATION = "23502";

    private DatabaseErrors() {
    }

    /** The SQLSTATE of the first database error in the cause chain (Vert.x or Hibernate's translation of it). */
    public static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                return Optional.ofNullable(pg.getSqlState());
            }
            if (t instanceof JDBCException jdbc && jdbc.getSQLState() != null) {
                return Optional.of(jdbc.getSQLState());
            }
        }
        return Optional.empty();
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return sqlState(failure).map(UNIQUE_VIOLATION::equals).orElse(false);
    }
}
