package dev.tododesktop.client.ui;

/** Every screen and window the app shows, by the FXML file under {@code /fxml} that lays it out. */
public enum FxmlFile {
    SIGN_IN("sign-in.fxml"),
    SHELL("shell.fxml"),
    TASKS("tasks.fxml"),
    ACCOUNT("account.fxml"),
    CONFLICTS("conflicts.fxml"),
    SETTINGS("settings.fxml");

    private final String fileName;

    FxmlFile(String fileName) {
        this.fileName = fileName;
    }

    public String resourcePath() {
        return "/fxml/" + fileName;
    }
}
