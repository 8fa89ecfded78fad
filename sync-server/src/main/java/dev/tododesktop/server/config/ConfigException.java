package dev.tododesktop.server.config;

import java.io.Serial;

/** A configuration value the server cannot use; the message names the variable so operators can fix it. */
public final class ConfigException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String variable;

    public ConfigException(String variable, String problem) {
        super(variable + ": " + problem);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
