package dev.tododesktop.client.app;

import java.net.URI;

/** Which sync server the app talks to: its own embedded one (the default) or a remote one. */
public sealed interface ServerChoice {

    /** A name that stays the same across runs, for the per-user files and keychain entries. */
    String identity();

    record ThisComputer() implements ServerChoice {
        @Override
        public String identity() {
            return "this-computer";
        }
    }

    record Remote(URI url) implements ServerChoice {
        @Override
        public String identity() {
            String s = url.toString();
            return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        }
    }
}
