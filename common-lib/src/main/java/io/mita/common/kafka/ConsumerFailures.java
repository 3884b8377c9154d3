package io.mita.common.kafka;

import java.lang.reflect.Method;
import java.util.Set;

/**
 * Tells an infrastructure failure of a consumer (its own database down or refusing connections, a timeout, a
 * broken connection) from everything else. Such a failure says nothing about the record: it is retried until
 * the infrastructure is back and never dead-lettered. Matched by class name along the cause chain, so a
 * service without R2DBC on its classpath can use it too.
 */
public final class ConsumerFailures {

    private static final Set<String> INFRASTRUCTURE = Set.of(
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "io.r2dbc.spi.R2dbcTransientException",
            "io.r2dbc.spi.R2dbcNonTransientResourceException",
            "java.util.concurrent.TimeoutException",
            "java.io.IOException",
            "java.io.UncheckedIOException",
            "org.apache.kafka.common.errors.RetriableException");

    /** IOExceptions that are about the content, not the infrastructure: Jackson 2's parse errors. */
    private static final Set<String> CONTENT = Set.of("com.fasterxml.jackson.core.JacksonException");

    /**
     * SQLSTATE classes of a server that cannot serve now: 08 connection exception, 40 transaction rollback
     * (serialisation failure, deadlock), 53 insufficient resources, 57 operator intervention (shutdown,
     * statement cancelled), 58 system error.
     */
    private static final Set<String> UNAVAILABLE_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57", "58");

    private ConsumerFailures() {}

    /** True when any cause in the chain is an infrastructure failure. */
    public static boolean isInfrastructure(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (isOfType(cause.getClass(), CONTENT)) {
                return false;
            }
            if (isOfType(cause.getClass(), INFRASTRUCTURE) || unavailableSqlState(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOfType(Class<?> type, Set<String> names) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (names.contains(current.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the database refused the data itself (SQLSTATE class 22 data exception or 23 integrity
     * constraint violation): the same row will be refused again, unlike a schema or SQL error that a fix heals.
     */
    public static boolean isDataRefusal(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            String state = sqlState(cause);
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean unavailableSqlState(Throwable failure) {
        String state = sqlState(failure);
        return state != null && state.length() >= 2 && UNAVAILABLE_SQL_STATE_CLASSES.contains(state.substring(0, 2));
    }

    /** R2DBC and JDBC exceptions both expose {@code getSqlState()}; neither library need be present. */
    private static String sqlState(Throwable failure) {
        try {
            Method getter = failure.getClass().getMethod("getSqlState");
            return getter.invoke(failure) instanceof String code ? code : null;
        } catch (ReflectiveOperationException | RuntimeException noSqlState) {
            return null;
        }
    }
}
