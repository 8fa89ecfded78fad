package dev.tododesktop.client.app;

import dev.tododesktop.client.ui.Theme;
import dev.tododesktop.files.PrivateFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code settings.properties} in the config directory. A missing file means defaults; a damaged
 * or hand-edited value is ignored with a warning (the rest still counts) rather than stopping the
 * app; writes go to a temporary file first so a crash never leaves half a file.
 */
public final class SettingsFile {

    private static final Logger log = LoggerFactory.getLogger(SettingsFile.class);

    private final Path file;

    public SettingsFile(Path configDir) {
        this.file = pathIn(configDir);
    }

    static Path pathIn(Path configDir) {
        return configDir.resolve("settings.properties");
    }

    public Path path() {
        return file;
    }

    public AppSettings load() {
        var props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (NoSuchFileException e) {
            return AppSettings.defaults();
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Settings file {} is unreadable ({}); using defaults", file, e.getMessage());
            return AppSettings.defaults();
        }
        var defaults = AppSettings.defaults();
        return new AppSettings(server(props).orElse(defaults.server()),
                theme(props).orElse(defaults.theme()),
                uuid(props.getProperty("last_user_id"), "last_user_id"),
                lastAccount(props),
                window(props));
    }

    public void save(AppSettings settings) {
        var props = new Properties();
        switch (settings.server()) {
            case ServerChoice.ThisComputer t -> props.setProperty("server", "this-computer");
            case ServerChoice.Remote r -> props.setProperty("server", r.url().toString());
        }
        props.setProperty("theme", settings.theme().name().toLowerCase(Locale.ROOT));
        settings.lastUserId().ifPresent(id -> props.setProperty("last_user_id", id.toString()));
        settings.lastAccount().ifPresent(account -> {
            props.setProperty("last_account_id", account.userId().toString());
            props.setProperty("last_account_email", account.email());
        });
        settings.window().ifPresent(w -> {
            props.setProperty("window_x", Double.toString(w.x()));
            props.setProperty("window_y", Double.toString(w.y()));
            props.setProperty("window_width", Double.toString(w.width()));
            props.setProperty("window_height", Double.toString(w.height()));
            props.setProperty("window_maximized", Boolean.toString(w.maximized()));
        });
        try {
            // Owner-only: it names the last account's email.
            PrivateFiles.directory(file.getParent());
            var text = new StringWriter();
            props.store(text, "Todo Desktop settings");
            PrivateFiles.writeAtomically(file, text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save settings to " + file, e);
        }
    }

    private Optional<ServerChoice> server(Properties props) {
        String value = props.getProperty("server");
        if (value == null || value.isBlank() || value.equals("this-computer")) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(value.strip());
            if ((uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null) {
                return Optional.of(new ServerChoice.Remote(uri));
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // fall through to the warning
        }
        log.warn("Ignoring unusable server setting '{}' in {}", value, file);
        return Optional.empty();
    }

    private Optional<Theme> theme(Properties props) {
        String value = props.getProperty("theme");
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Theme.valueOf(value.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring unknown theme '{}' in {}", value, file);
            return Optional.empty();
        }
    }

    private Optional<KnownAccount> lastAccount(Properties props) {
        String email = props.getProperty("last_account_email", "").strip();
        return uuid(props.getProperty("last_account_id"), "last_account_id")
                .filter(id -> !email.isEmpty())
                .map(id -> new KnownAccount(id, email));
    }

    private Optional<WindowBounds> window(Properties props) {
        if (props.getProperty("window_width") == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new WindowBounds(Double.parseDouble(props.getProperty("window_x", "")),
                    Double.parseDouble(props.getProperty("window_y", "")),
                    Double.parseDouble(props.getProperty("window_width", "")),
                    Double.parseDouble(props.getProperty("window_height", "")),
                    Boolean.parseBoolean(props.getProperty("window_maximized", "false").strip())));
        } catch (IllegalArgumentException e) { // NumberFormatException too
            log.warn("Ignoring unusable window position in {}", file);
            return Optional.empty();
        }
    }

    private Optional<UUID> uuid(String value, String key) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring malformed {} in {}", key, file);
            return Optional.empty();
        }
    }
}
