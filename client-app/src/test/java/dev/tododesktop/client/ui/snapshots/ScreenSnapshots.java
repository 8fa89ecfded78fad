package dev.tododesktop.client.ui.snapshots;

import dev.tododesktop.client.ui.Theme;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Writes a PNG of every screen, light and dark, on JavaFX's headless platform (no display).
 * {@code main(outputDir)}; the README gives the command.
 */
public final class ScreenSnapshots {

    private ScreenSnapshots() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        startHeadlessToolkit();
        try {
            for (Path written : writeAll(out)) {
                System.out.println("wrote " + written);
            }
        } finally {
            Platform.exit();
        }
        System.exit(0); // the account picture's server has threads of its own

    }

    static void startHeadlessToolkit() throws InterruptedException {
        if (System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }
        System.setProperty("java.awt.headless", "true");
        var started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        if (!started.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the JavaFX toolkit did not start");
        }
        // Closing each snapshot's window must not end the toolkit.
        Platform.setImplicitExit(false);
    }

    static List<Path> writeAll(Path out) throws IOException, InterruptedException, ExecutionException, TimeoutException {
        Files.createDirectories(out);
        var written = new ArrayList<Path>();
        for (var sample : ScreenSamples.all()) {
            for (var theme : Theme.values()) {
                var image = render(sample, theme);
                Path file = out.resolve(sample.name() + "-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png");
                ImageIO.write(image, "png", file.toFile());
                written.add(file);
            }
        }
        return written;
    }

    static BufferedImage render(ScreenSamples.Sample sample, Theme theme)
            throws InterruptedException, ExecutionException, TimeoutException {
        var result = new CompletableFuture<BufferedImage>();
        Platform.runLater(() -> {
            try {
                var scene = new Scene(sample.view().get(), sample.width(), sample.height());
                theme.apply(scene);
                var stage = new Stage();
                stage.setScene(scene);
                stage.show();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                var fx = scene.snapshot(null);
                stage.close();
                result.complete(SwingFXUtils.fromFXImage(fx, null));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
