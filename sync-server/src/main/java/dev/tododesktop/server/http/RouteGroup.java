package dev.tododesktop.server.http;

import io.javalin.config.RoutesConfig;

/** One feature's routes ({@code auth}, {@code tasks}, {@code sync}, …), added to the server at start. */
@FunctionalInterface
public interface RouteGroup {
    void addTo(RoutesConfig routes);
}
