package dev.tododesktop.client.app;

import ch.qos.logback.core.rolling.RollingFileAppender;
import dev.tododesktop.files.PrivateFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * logback's rolling file appender, with the log directory and every log file owner-only from
 * the moment it exists (logback itself creates them with the process umask, usually 0644).
 * Opening happens at start and after each roll-over, so each new file is made here.
 */
public final class PrivateLogFile<E> extends RollingFileAppender<E> {

    @Override
    public void openFile(String fileName) throws IOException {
        Path file = Path.of(fileName).toAbsolutePath();
        PrivateFiles.directory(file.getParent());
        PrivateFiles.file(file);
        super.openFile(fileName);
    }
}
