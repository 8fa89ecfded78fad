package dev.tododesktop.client.ui.snapshots;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.client.ui.Theme;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** Every screen renders, in both themes, to a picture with real content, and the themes differ. */
class ScreenSnapshotsTest {

    @BeforeAll
    static void toolkit() throws TimeoutException {
        // Shares the toolkit TestFX owns in this JVM; the headless platform comes from surefire's argLine.
        FxToolkit.registerPrimaryStage();
        Platform.setImplicitExit(false);
    }

    @Test
    void everyScreenRendersInBothThemes(@TempDir Path out) throws Exception {
        var files = ScreenSnapshots.writeAll(out);
        assertThat(files).hasSize(ScreenSamples.all().size() * Theme.values().length);
        for (var sample : ScreenSamples.all()) {
            // What was written, read back: each screen is rendered once per theme.
            BufferedImage light = javax.imageio.ImageIO.read(out.resolve(sample.name() + "-light.png").toFile());
            BufferedImage dark = javax.imageio.ImageIO.read(out.resolve(sample.name() + "-dark.png").toFile());
            assertThat(light.getWidth()).as(sample.name() + " is the whole window").isEqualTo(sample.width());
            assertThat(distinctColours(light)).as(sample.name() + " light has content").isGreaterThan(20);
            assertThat(averageLuminance(dark)).as(sample.name() + " dark is darker than light")
                    .isLessThan(averageLuminance(light) - 40);
        }
    }

    private static long distinctColours(BufferedImage image) {
        var seen = new java.util.HashSet<Integer>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }

    private static double averageLuminance(BufferedImage image) {
        double sum = 0;
        long n = 0;
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                int rgb = image.getRGB(x, y);
                sum += 0.2126 * ((rgb >> 16) & 0xff) + 0.7152 * ((rgb >> 8) & 0xff) + 0.0722 * (rgb & 0xff);
                n++;
            }
        }
        return sum / n;
    }
}
