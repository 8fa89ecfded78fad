package dev.tododesktop.client.app;

import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Why JavaFX could not open a window on Linux, said in one line a person can act on: no display,
 * a display that does not answer, or GTK 3 missing. Only read once start-up has failed, so the
 * normal start pays nothing for it.
 */
final class DisplayProblem {

    /** The libraries JavaFX's GTK glass needs that a minimal system may lack, and the packages that bring them. */
    private record Library(String soname, String debian, String fedora) {}

    private static final List<Library> GTK_STACK = List.of(
            new Library("libgtk-3.so.0", "libgtk-3-0", "gtk3"),
            new Library("libgdk-3.so.0", "libgtk-3-0", "gtk3"),
            new Library("libXtst.so.6", "libxtst6", "libXtst"),
            new Library("libX11.so.6", "libx11-6", "libX11"));

    static final String INSTALL = "Debian/Ubuntu: sudo apt install libgtk-3-0 libxtst6; Fedora: sudo dnf install gtk3 libXtst";

    private DisplayProblem() {}

    /** What is missing, if {@code failure} (from {@code Application.launch}) is JavaFX failing to reach a display. */
    static Optional<String> explain(Throwable failure, Map<String, String> env, Predicate<String> loadable) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Unable to open DISPLAY")) {
                return Optional.of(noDisplay(env));
            }
            if (message.contains("Unable to load glass GTK library") || t instanceof UnsatisfiedLinkError && message.contains("gtk")) {
                return Optional.of(noGtk(loadable));
            }
            if (message.contains("no suitable pipeline found")) {
                return Optional.of("no graphics pipeline could start (neither OpenGL nor software rendering); " + INSTALL);
            }
        }
        return Optional.empty();
    }

    private static String noDisplay(Map<String, String> env) {
        String display = env.getOrDefault("DISPLAY", "");
        if (!display.isBlank()) {
            return "cannot open the display DISPLAY=" + display + " (is the X server running, and may this user use it?)";
        }
        if (!env.getOrDefault("WAYLAND_DISPLAY", "").isBlank()) {
            return "no X display: JavaFX draws through X11 and DISPLAY is not set (turn on XWayland in this Wayland session)";
        }
        return "no graphical display: DISPLAY is not set (start it from a desktop session)";
    }

    private static String noGtk(Predicate<String> loadable) {
        var missing = GTK_STACK.stream().filter(library -> !loadable.test(library.soname())).toList();
        if (missing.isEmpty()) {
            return "the GTK 3 libraries could not be loaded; " + INSTALL;
        }
        return "GTK 3 is missing (" + String.join(", ", missing.stream().map(Library::soname).toList()) + " not found); "
                + "Debian/Ubuntu: sudo apt install " + String.join(" ", missing.stream().map(Library::debian).distinct().toList())
                + "; Fedora: sudo dnf install " + String.join(" ", missing.stream().map(Library::fedora).distinct().toList());
    }

    /** Whether the dynamic linker finds and loads {@code soname} (a dlopen, as JavaFX's own would be). */
    @SuppressWarnings("restricted")
    static boolean loadable(String soname) {
        try {
            SymbolLookup.libraryLookup(soname, Arena.global());
            return true;
        } catch (IllegalArgumentException | IllegalCallerException e) {
            return false;
        }
    }
}
