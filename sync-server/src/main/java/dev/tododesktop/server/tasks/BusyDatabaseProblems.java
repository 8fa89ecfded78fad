package dev.tododesktop.server.tasks;

import dev.tododesktop.contract.Problem;
import dev.tododesktop.server.http.ApiException;
import dev.tododesktop.server.http.HttpSetup;
import dev.tododesktop.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Under overload the database is the first thing to run out: no pooled connection within the
 * wait, or SQLite's write lock not free within its busy timeout. That is the server being busy,
 * not a bug, so the client gets 503 with {@code Retry-After} and may simply try again; nothing
 * was applied (the transaction never started or was rolled back).
 */
public final class BusyDatabaseProblems implements RouteGroup {

    private static final Logger log = LoggerFactory.getLogger(BusyDatabaseProblems.class);

    @Override
    public void addTo(RoutesConfig routes) {
        routes.exception(ConnectionException.class, (e, ctx) -> HttpSetup.writeProblem(ctx, busy()));
        // BEGIN IMMEDIATE that waited out SQLite's busy timeout: nothing started, so busy too.
        routes.exception(org.jdbi.v3.core.transaction.TransactionException.class, (e, ctx) -> {
            if (isBusy(e)) {
                HttpSetup.writeProblem(ctx, busy());
            } else {
                log.error("Unhandled transaction error on {} {} (incident {})", ctx.method(), ctx.path(), UUID.randomUUID(), e);
                HttpSetup.writeProblem(ctx, ApiException.internal());
            }
        });
        routes.exception(UnableToExecuteStatementException.class, (e, ctx) -> {
            if (isBusy(e)) {
                HttpSetup.writeProblem(ctx, busy());
            } else {
                log.error("Unhandled database error on {} {} (incident {})", ctx.method(), ctx.path(), UUID.randomUUID(), e);
                HttpSetup.writeProblem(ctx, ApiException.internal());
            }
        });
    }

    private static boolean isBusy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                String message = String.valueOf(sql.getMessage());
                // SQLite: SQLITE_BUSY / SQLITE_LOCKED; PostgreSQL: lock_not_available, deadlock, serialization.
                if (message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED")
                        || "55P03".equals(state) || "40P01".equals(state) || "40001".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static ApiException busy() {
        return new ApiException(new Problem(Problem.TYPE_PREFIX + "busy", "Service unavailable", 503,
                "The server is busy; nothing was changed. Try again shortly.", null), Map.of("Retry-After", "1"));
    }
}
