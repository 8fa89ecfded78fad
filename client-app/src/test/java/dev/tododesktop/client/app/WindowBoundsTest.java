package dev.tododesktop.client.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Where the main window opens, given where it was and the screens there are now. */
class WindowBoundsTest {

    static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1400, 900);
    static final Rectangle2D RIGHT_MONITOR = new Rectangle2D(1400, 0, 1920, 1080);

    @Test
    void aFirstRunOpensAtTheDefaultSizeInTheMiddle() {
        var placed = WindowBounds.place(Optional.empty(), List.of(LAPTOP));
        assertThat(placed).isEqualTo(new WindowBounds(150, 90, 1100, 720, false));
    }

    @Test
    void whereItWasOnAnyScreenIsWhereItOpens() {
        var was = new WindowBounds(1600, 100, 1200, 800, false);
        assertThat(WindowBounds.place(Optional.of(was), List.of(LAPTOP, RIGHT_MONITOR))).isEqualTo(was);
        var maximised = new WindowBounds(60, 40, 900, 640, true);
        assertThat(WindowBounds.place(Optional.of(maximised), List.of(LAPTOP))).isEqualTo(maximised);
    }

    @Test
    void aWindowLeftOnAScreenThatIsGoneComesBackToThePrimaryOne() {
        var onTheUnpluggedMonitor = new WindowBounds(1600, 100, 1200, 800, true);
        assertThat(WindowBounds.place(Optional.of(onTheUnpluggedMonitor), List.of(LAPTOP)))
                .isEqualTo(new WindowBounds(150, 90, 1100, 720, true));
    }

    @Test
    void aWindowWhoseTitleBarIsOffTheTopIsNotLeftThere() {
        var titleBarAbove = new WindowBounds(100, -200, 900, 640, false);
        assertThat(WindowBounds.place(Optional.of(titleBarAbove), List.of(LAPTOP)).y()).isEqualTo(90);
    }

    @Test
    void aSmallScreenGetsASmallerWindowNeverBelowTheMinimum() {
        var small = new Rectangle2D(0, 0, 1024, 600);
        var placed = WindowBounds.place(Optional.empty(), List.of(small));
        assertThat(placed.width()).isEqualTo(1024 * 0.9);
        assertThat(placed.height()).isEqualTo(540);
        var tiny = new Rectangle2D(0, 0, 700, 500);
        assertThat(WindowBounds.place(Optional.empty(), List.of(tiny)).height()).isEqualTo(WindowBounds.MIN_HEIGHT);
    }

    @Test
    void aWindowBiggerThanItsScreenNowIsShrunkToIt() {
        var big = new WindowBounds(0, 0, 2500, 1400, false);
        var placed = WindowBounds.place(Optional.of(big), List.of(LAPTOP));
        assertThat(placed.width()).isEqualTo(1400);
        assertThat(placed.height()).isEqualTo(900);
    }
}
