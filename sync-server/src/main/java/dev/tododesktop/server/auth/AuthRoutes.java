package dev.tododesktop.server.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import dev.tododesktop.contract.ApiPaths;
import dev.tododesktop.contract.auth.DeleteAccountRequest;
import dev.tododesktop.contract.auth.LoginRequest;
import dev.tododesktop.contract.auth.PasswordChangeRequest;
import dev.tododesktop.contract.auth.RefreshRequest;
import dev.tododesktop.contract.auth.RegisterRequest;
import dev.tododesktop.server.auth.tokens.SigningKeyStore;
import dev.tododesktop.server.http.ApiRoutes;
import dev.tododesktop.server.http.ClientAddress;
import dev.tododesktop.server.http.JsonBodies;
import dev.tododesktop.server.http.RouteGroup;
import io.javalin.config.RoutesConfig;
import java.util.List;

/** {@code /api/auth/*}: HTTP in and out; the flows are {@link AuthService}'s. */
public final class AuthRoutes implements RouteGroup {

    private final AuthService service;
    private final AccessGuard guard;
    private final SigningKeyStore keys;
    private final JsonBodies bodies;
    private final ClientAddress clientAddress;

    public AuthRoutes(AuthService service, AccessGuard guard, SigningKeyStore keys, JsonBodies bodies,
                      ClientAddress clientAddress) {
        this.service = service;
        this.guard = guard;
        this.keys = keys;
        this.bodies = bodies;
        this.clientAddress = clientAddress;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(ApiPaths.AUTH_REGISTER, ctx -> ctx.status(201)
                .json(service.register(bodies.read(ctx, RegisterRequest.class), clientAddress.of(ctx))));
        routes.post(ApiPaths.AUTH_LOGIN, ctx -> ctx
                .json(service.login(bodies.read(ctx, LoginRequest.class), clientAddress.of(ctx))));
        routes.post(ApiPaths.AUTH_REFRESH, ctx -> ctx
                .json(service.refresh(bodies.read(ctx, RefreshRequest.class))));
        routes.post(ApiPaths.AUTH_LOGOUT, ctx -> {
            service.logout(guard.require(ctx));
            ctx.status(204);
        });
        ApiRoutes.get(routes, ApiPaths.AUTH_ME, ctx -> ctx.json(service.me(guard.require(ctx))));
        routes.delete(ApiPaths.AUTH_ME, ctx -> {
            var principal = guard.require(ctx);
            service.deleteAccount(principal, bodies.read(ctx, DeleteAccountRequest.class));
            ctx.status(204);
        });
        ApiRoutes.get(routes, ApiPaths.AUTH_SESSIONS, ctx -> ctx.json(service.sessions(guard.require(ctx))));
        routes.delete(ApiPaths.AUTH_SESSION, ctx -> {
            var principal = guard.require(ctx);
            service.revokeSession(principal, ctx.pathParam(ApiPaths.PARAM_ID));
            ctx.status(204);
        });
        routes.post(ApiPaths.AUTH_PASSWORD, ctx -> {
            var principal = guard.require(ctx);
            service.changePassword(principal, bodies.read(ctx, PasswordChangeRequest.class));
            ctx.status(204);
        });
        ApiRoutes.get(routes, ApiPaths.AUTH_JWKS, ctx -> ctx
                .contentType("application/json")
                .result(new JWKSet(List.<JWK>copyOf(keys.publicKeys())).toString(true)));
    }
}
