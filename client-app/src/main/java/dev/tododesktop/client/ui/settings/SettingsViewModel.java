package dev.tododesktop.client.ui.settings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Which server the app syncs with: this computer (the embedded server, the default) or another
 * server by URL. Another server is switched to only after its {@code /health} answered, so a typo
 * cannot leave the app pointing at nothing; this computer's server is always there to go back
 * to. When the tasks kept on this computer would not be on the new server, it says so and asks
 * again before switching. The switch applies at once (no restart).
 */
public final class SettingsViewModel {

    /** The app's side: what a switch leaves behind, and the switch itself. */
    public interface Servers {
        /**
         * What switching to {@code target} (empty: this computer) would leave behind on this
         * computer, in words for the person: empty when nothing would. Off the FX thread.
         */
        CompletableFuture<Optional<String>> leftBehind(Optional<URI> target);

        /** Talks to {@code target} from now on; a signed-in session ends first, keeping its changes. */
        void switchTo(Optional<URI> target);
    }

    private final Optional<URI> current;
    private final Executor network;
    private final Executor ui;
    private final Servers servers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final BooleanProperty useThisComputer = new SimpleBooleanProperty(true);
    private final StringProperty remoteUrl = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper confirming = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    /** The target a confirmation was asked for; any edit of the choice withdraws the question. */
    private Optional<Optional<URI>> askedFor = Optional.empty();

    /**
     * @param current the server in use: empty for this computer's
     * @param network runs the {@code /health} check
     * @param ui      the FX thread, where answers land
     */
    public SettingsViewModel(Optional<URI> current, Executor network, Executor ui, Servers servers) {
        this.current = current;
        this.network = network;
        this.ui = ui;
        this.servers = Objects.requireNonNull(servers);
        current.ifPresent(url -> {
            useThisComputer.set(false);
            remoteUrl.set(url.toString());
        });
        useThisComputer.addListener((obs, was, now) -> withdraw());
        remoteUrl.addListener((obs, was, now) -> withdraw());
    }

    /** The server the app talks to now, in a few words. */
    public String currentServer() {
        return describe(current);
    }

    public static String describe(Optional<URI> server) {
        return server.map(url -> url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "")).orElse("this computer");
    }

    /** "Switch server", or after a warning "Switch anyway": checks, warns, then switches. */
    public CompletableFuture<Void> apply() {
        if (busy.get()) {
            return CompletableFuture.completedFuture(null);
        }
        Optional<URI> target;
        if (useThisComputer.get()) {
            target = Optional.empty();
        } else {
            Optional<URI> url = parse(remoteUrl.get());
            if (url.isEmpty()) {
                message.set("Enter a server address like https://todo.example.com");
                return CompletableFuture.completedFuture(null);
            }
            target = url;
        }
        if (target.equals(current)) {
            message.set("The app already syncs with " + describe(target) + ".");
            return CompletableFuture.completedFuture(null);
        }
        if (askedFor.equals(Optional.of(target))) {
            switchTo(target); // the person read what stays behind and chose to switch
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        message.set(target.isEmpty() ? "Checking what stays behind…" : "Checking " + target.get() + " …");
        CompletableFuture<Optional<String>> reachable = target.isEmpty()
                ? CompletableFuture.completedFuture(Optional.empty()) // always there: it starts with the app
                : CompletableFuture.supplyAsync(() -> check(target.get()), network);
        return reachable.thenCompose(problem -> problem.isPresent()
                        ? CompletableFuture.completedFuture(new Answer(problem, Optional.empty()))
                        : servers.leftBehind(target).thenApply(left -> new Answer(Optional.empty(), left)))
                .exceptionally(error -> new Answer(Optional.of("the check did not finish"), Optional.empty()))
                .thenAcceptAsync(answer -> {
                    busy.set(false);
                    if (answer.problem().isPresent()) {
                        message.set("Not switched: " + answer.problem().get());
                    } else if (answer.leftBehind().isPresent()) {
                        askedFor = Optional.of(target);
                        confirming.set(true);
                        message.set(answer.leftBehind().get());
                    } else {
                        switchTo(target);
                    }
                }, ui);
    }

    /** Withdraws a pending "Switch anyway". */
    public void cancel() {
        withdraw();
        message.set("");
    }

    private void switchTo(Optional<URI> target) {
        withdraw();
        message.set("Switched: the app syncs with " + describe(target) + ".");
        servers.switchTo(target);
    }

    private void withdraw() {
        askedFor = Optional.empty();
        confirming.set(false);
    }

    private record Answer(Optional<String> problem, Optional<String> leftBehind) {}

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

    /** Empty when {@code /health} answered 200; otherwise what went wrong, for the person. */
    private Optional<String> check(URI url) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(url + "/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? Optional.empty()
                    : Optional.of(describe(Optional.of(url)) + " answered " + response.statusCode()
                            + " instead of 200 at /health; is it a Todo server?");
        } catch (java.io.IOException e) {
            return Optional.of("no answer from " + describe(Optional.of(url)) + ". Check the address and that the server runs.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    public BooleanProperty useThisComputerProperty() { return useThisComputer; }
    public StringProperty remoteUrlProperty() { return remoteUrl; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** A warning about what stays behind is showing; applying again switches. */
    public ReadOnlyBooleanProperty confirmingProperty() { return confirming.getReadOnlyProperty(); }
    /** A check is running. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
}
