package dev.tododesktop.server.http;

import dev.tododesktop.contract.Problem;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP conventions every route shares: the contract's JSON, problem+json for every error
 * (no stack trace, SQL or class name reaches a client; Jetty's own refusals included, see
 * {@link ProblemErrorHandler}), the 1 MiB body limit, 404/405, CORS for configured origins only,
 * and request metrics by route template and status.
 *
 * <p>Before any route runs, a request is refused (and so changes nothing) when it sends a header
 * that must be single twice ({@link #SINGLE_HEADERS}: which of two tokens or origins would
 * count is a guess an attacker could exploit between a proxy and us), when its {@code Origin}
 * is a web page the server does not list (403; a browser would only have hidden the answer, not
 * stopped the write), or when its query string is malformed ({@link QueryString}); and once the
 * route is known, when it carries a query parameter the route does not take (400 naming it).
 */
public final class HttpSetup {

    public static final long MAX_BODY_BYTES = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(HttpSetup.class);
    private static final String TIMER_SAMPLE = "todo.metrics.sample";
    /** Headers a request may carry at most once. */
    static final List<String> SINGLE_HEADERS = List.of("Authorization", "Content-Type", "Origin", "If-Match", "Host", "Content-Length");

    private final MeterRegistry metrics;
    private final List<String> corsOrigins;
    private final RefusedRequests refused;

    public HttpSetup(MeterRegistry metrics, List<String> corsOrigins) {
        this.metrics = metrics;
        this.corsOrigins = List.copyOf(corsOrigins);
        this.refused = new RefusedRequests(metrics, java.time.Clock.systemUTC());
    }

    /**
     * What Jetty refuses before routing is answered as problem+json and counted (Jetty's own
     * per-request WARN for a malformed Host is silenced in todo-jetty-logging.xml).
     */
    private void answerRefusals(JavalinConfig config) {
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler(refused)));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new ProblemErrorHandler(refused)));
    }

    /** What both listeners share: the contract's JSON, virtual threads, the body limit, refusals answered and counted. */
    private void common(JavalinConfig config) {
        answerRefusals(config);
        config.jsonMapper(new JavalinJackson(ServerJson.mapper(), false));
        config.concurrency.useVirtualThreads = true;
        config.http.maxRequestSize = MAX_BODY_BYTES;
        config.startup.showJavalinBanner = false;
    }

    public void apply(JavalinConfig config) {
        common(config);
        config.http.prefer405over404 = true;
        if (!corsOrigins.isEmpty()) {
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                corsOrigins.forEach(rule::allowHost);
                rule.exposeHeader("Retry-After");
                rule.exposeHeader("WWW-Authenticate");
            }));
        }
        var routes = config.routes;
        routes.before(ctx -> {
            ctx.attribute(TIMER_SAMPLE, Timer.start(metrics));
            ctx.header("X-Content-Type-Options", "nosniff");
            if (ctx.path().startsWith("/api/")) {
                ctx.header("Cache-Control", "no-store");
            }
            String length = ctx.header("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > MAX_BODY_BYTES) {
                throw ApiException.tooLarge();
            }
            for (String name : SINGLE_HEADERS) {
                var values = ctx.req().getHeaders(name);
                if (values != null && values.hasMoreElements()) {
                    values.nextElement();
                    if (values.hasMoreElements()) {
                        throw ApiException.badRequest(name, "The request has more than one " + name + " header; send one.");
                    }
                }
            }
            String origin = ctx.header("Origin");
            if (origin != null && corsOrigins.stream().noneMatch(origin::equalsIgnoreCase)) {
                throw ApiException.originNotAllowed();
            }
            ApiRoutes.rememberQuery(ctx, QueryString.parse(ctx.queryString()));
        });
        routes.beforeMatched(ctx -> ApiRoutes.query(ctx).onlyThese(ApiRoutes.queryParameters(ctx)));
        routes.after(this::recordRequest);
        routes.exception(ApiException.class, (e, ctx) -> writeProblem(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> writeProblem(ctx, translate(e)));
        routes.exception(Exception.class, (e, ctx) -> {
            if (e instanceof java.io.IOException) {
                // The body ended early or the client went away: its mistake or its choice, not ours.
                log.debug("Could not read the request {} {}: {}", ctx.method(), ctx.path(), e.toString());
                writeProblem(ctx, ApiException.badRequest("The request body could not be read to its end."));
                return;
            }
            String incident = UUID.randomUUID().toString();
            log.error("Unhandled error on {} {} (incident {})", ctx.method(), ctx.path(), incident, e);
            writeProblem(ctx, ApiException.internal());
        });
        routes.error(404, ctx -> {
            if (!isProblem(ctx)) {
                writeProblem(ctx, ApiException.notFound());
            }
        });
        routes.error(405, ctx -> {
            if (!isProblem(ctx)) {
                writeProblem(ctx, ApiException.methodNotAllowed());
            }
        });
    }

    /** The management address: the same JSON and problems, no CORS, and its requests are not counted. */
    public void applyToManagement(JavalinConfig config) {
        common(config);
        var routes = config.routes;
        routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
        routes.exception(ApiException.class, (e, ctx) -> writeProblem(ctx, e));
        routes.exception(HttpResponseException.class, (e, ctx) -> writeProblem(ctx, translate(e)));
        routes.error(404, ctx -> {
            if (!isProblem(ctx)) {
                writeProblem(ctx, ApiException.notFound());
            }
        });
    }

    private static ApiException translate(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 400 -> ApiException.badRequest("The request could not be read.");
            case 404 -> ApiException.notFound();
            case 405 -> ApiException.methodNotAllowed();
            case 413 -> ApiException.tooLarge();
            case 415 -> ApiException.unsupportedMediaType();
            case 503 -> ApiException.serviceUnavailable("The server is not ready.");
            default -> e.getStatus() >= 500 ? ApiException.internal() : ApiException.badRequest("The request was not accepted.");
        };
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.MEDIA_TYPE);
    }

    public static void writeProblem(Context ctx, ApiException e) {
        e.headers().forEach(ctx::header);
        ctx.status(e.status());
        ctx.json(e.problem());
        ctx.contentType(Problem.MEDIA_TYPE);
    }

    private void recordRequest(Context ctx) {
        Timer.Sample sample = ctx.attribute(TIMER_SAMPLE);
        if (sample == null) {
            return;
        }
        var matched = ctx.endpoints().matchedHttpEndpoint();
        String route = matched != null ? matched.path : "unmatched";
        sample.stop(Timer.builder("http.server.requests")
                .description("HTTP requests by route template and status")
                .tag("method", ctx.method().name())
                .tag("route", route)
                .tag("status", Integer.toString(ctx.statusCode()))
                .publishPercentileHistogram(false)
                .register(metrics));
    }
}
