package dev.tododesktop.client.ui.settings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Which server the app syncs with: this computer (the embedded server, the default) or another
 * server by URL. A URL is saved only after its {@code /health} answered, so a typo cannot leave
 * the app pointing at nothing. The choice takes effect at the next start.
 */
public final class SettingsViewModel {

    private final Executor io;
    private final Executor ui;
    private final Consumer<Optional<URI>> save;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BooleanProperty useThisComputer = new SimpleBooleanProperty(true);
    private final StringProperty remoteUrl = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    /** @param save receives empty for "this computer", or the checked remote URL */
    public SettingsViewModel(Optional<URI> current, Executor io, Executor ui, Consumer<Optional<URI>> save) {
        this.io = io;
        this.ui = ui;
        this.save = save;
        current.ifPresent(url -> {
            useThisComputer.set(false);
            remoteUrl.set(url.toString());
        });
    }

    public CompletableFuture<Void> apply() {
        if (useThisComputer.get()) {
            save.accept(Optional.empty());
            message.set("Saved. The app uses its own server on this computer from the next start.");
            return CompletableFuture.completedFuture(null);
        }
        Optional<URI> url = parse(remoteUrl.get());
        if (url.isEmpty()) {
            message.set("Enter a server address like https://todo.example.com");
            return CompletableFuture.completedFuture(null);
        }
        message.set("Checking " + url.get() + " …");
        return CompletableFuture.supplyAsync(() -> check(url.get()), io).thenAcceptAsync(problem -> {
            if (problem.isPresent()) {
                message.set("Not saved: " + problem.get());
            } else {
                save.accept(url);
                message.set("Saved. The app syncs with " + url.get() + " from the next start.");
            }
        }, ui);
    }

    static Optional<URI> parse(String text) {
        String trimmed = text.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = URI.create(trimmed);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return web && uri.getHost() != null && uri.getRawQuery() == null ? Optional.of(uri) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Empty when {@code /health} answered 200; otherwise what went wrong, for the user. */
    private Optional<String> check(URI url) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(url + "/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? Optional.empty()
                    : Optional.of("the server answered " + response.statusCode() + " instead of 200 at /health");
        } catch (java.io.IOException e) {
            return Optional.of("no answer from " + url.getHost() + " (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    public BooleanProperty useThisComputerProperty() { return useThisComputer; }
    public StringProperty remoteUrlProperty() { return remoteUrl; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
}
