package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one line for each way JavaFX fails to reach a display, as JavaFX 26 words its failures. */
class DisplayProblemTest {

    private static final RuntimeException NO_DISPLAY = new UnsupportedOperationException("Unable to open DISPLAY");
    private static final RuntimeException NO_GTK = new UnsupportedOperationException("Unable to load glass GTK library.");

    @Test
    void noDisplaySaysWhichVariableIsMissing() {
        assertThat(DisplayProblem.explain(NO_DISPLAY, Map.of(), lib -> true))
                .hasValue("no graphical display: DISPLAY is not set (start it from a desktop session)");
        assertThat(DisplayProblem.explain(NO_DISPLAY, Map.of("WAYLAND_DISPLAY", "wayland-0"), lib -> true)).get().asString()
                .contains("DISPLAY is not set", "XWayland");
        assertThat(DisplayProblem.explain(NO_DISPLAY, Map.of("DISPLAY", ":7"), lib -> true)).get().asString()
                .startsWith("cannot open the display DISPLAY=:7");
    }

    @Test
    void missingGtkNamesTheLibrariesAndThePackages() {
        var present = Set.of("libX11.so.6", "libXtst.so.6");
        assertThat(DisplayProblem.explain(new RuntimeException("launch failed", NO_GTK), Map.of("DISPLAY", ":0"), present::contains))
                .hasValue("GTK 3 is missing (libgtk-3.so.0, libgdk-3.so.0 not found); Debian/Ubuntu: sudo apt install libgtk-3-0;"
                        + " Fedora: sudo dnf install gtk3");
        assertThat(DisplayProblem.explain(NO_GTK, Map.of("DISPLAY", ":0"), lib -> true)).get().asString()
                .startsWith("the GTK 3 libraries could not be loaded; Debian/Ubuntu: sudo apt install libgtk-3-0 libxtst6");
    }

    @Test
    void otherFailuresAreLeftAlone() {
        assertThat(DisplayProblem.explain(new IllegalStateException("the settings file is damaged"), Map.of(), lib -> true)).isEmpty();
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void theLibrariesOfThisMachineAreFoundAndMadeUpOnesAreNot() {
        assertThat(DisplayProblem.loadable("libc.so.6")).isTrue();
        assertThat(DisplayProblem.loadable("libno-such-library-for-todo.so.9")).isFalse();
    }
}
