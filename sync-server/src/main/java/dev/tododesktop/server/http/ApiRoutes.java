package dev.tododesktop.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.EndpointMetadata;
import java.util.Set;

/**
 * Registers routes the way every route group needs them. A GET route is registered for HEAD as
 * well, with the same handler: Javalin would otherwise answer HEAD for a GET route itself,
 * without running the handler, so without its authentication (200 to anyone). Jetty sends no
 * body for HEAD, so HEAD answers exactly what GET would, minus the body. A route also declares
 * the query parameters it takes; {@link HttpSetup} refuses any other.
 */
public final class ApiRoutes {

    /** The query parameters a route takes, as endpoint metadata. */
    public record QueryParameters(Set<String> names) implements EndpointMetadata {
        public QueryParameters {
            names = Set.copyOf(names);
        }
    }

    private ApiRoutes() {}

    public static void get(RoutesConfig routes, String path, Handler handler, String... queryParameters) {
        var metadata = new QueryParameters(Set.of(queryParameters));
        routes.addEndpoint(Endpoint.create(HandlerType.GET, path).addMetadata(metadata).handler(handler));
        routes.addEndpoint(Endpoint.create(HandlerType.HEAD, path).addMetadata(metadata).handler(handler));
    }

    /** The query parameters the matched route takes; none when it declared none (or nothing matched). */
    static Set<String> queryParameters(Context ctx) {
        Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
        QueryParameters declared = matched == null ? null : matched.metadata(QueryParameters.class);
        return declared == null ? Set.of() : declared.names();
    }

    /** The request's query, parsed once by {@link HttpSetup}. */
    public static QueryString query(Context ctx) {
        QueryString parsed = ctx.attribute(QueryString.class.getName());
        return parsed != null ? parsed : QueryString.parse(ctx.queryString());
    }

    static void rememberQuery(Context ctx, QueryString query) {
        ctx.attribute(QueryString.class.getName(), query);
    }
}
