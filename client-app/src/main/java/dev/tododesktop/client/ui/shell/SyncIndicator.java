package dev.tododesktop.client.ui.shell;

import dev.tododesktop.client.sync.SyncStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the header says about sync: a state for its icon, a few words beside it, and the whole
 * story (for its popover, its tooltip and screen readers). Never a Java exception's name, and
 * never "synced" beside "waiting": the words say what a person can rely on.
 *
 * @param state     picks the icon and its colour
 * @param shortText the few words in the header, e.g. "Offline · 3 waiting"
 * @param summary   one sentence, e.g. "Offline · 3 changes waiting"
 * @param details   more lines: when it last synced, why not now, what needs a look
 * @param toReview  conflicts plus changes the server refused: things only the person can settle
 */
public record SyncIndicator(State state, String shortText, String summary, List<String> details, int toReview) {

    public enum State {
        SYNCED, SYNCING, WAITING, OFFLINE, PROBLEM, SIGNED_OUT;

        /** The style class of the indicator's icon. */
        public String styleClass() {
            return "sync-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    public SyncIndicator {
        details = List.copyOf(details);
    }

    /** Before the engine has said anything. */
    public static SyncIndicator starting() {
        return new SyncIndicator(State.SYNCING, "Connecting…", "Connecting to the server…", List.of(), 0);
    }

    /** For the tooltip and screen readers: everything, in order. */
    public String fullText() {
        var all = new ArrayList<String>();
        all.add(summary);
        all.addAll(details);
        return String.join("\n", all);
    }

    public static SyncIndicator of(SyncStatus status, Clock clock, ZoneId zone) {
        int pending = status.pendingCount();
        int toReview = status.openConflicts() + status.syncErrors();
        var details = new ArrayList<String>();
        details.add(status.lastSyncedAt()
                .map(at -> "Last synced " + when(at.atZone(zone), LocalDate.now(clock.withZone(zone))))
                .orElse("Not synced with the server yet"));

        State state;
        String shortText;
        String summary;
        switch (status.connectivity()) {
            case SIGNED_OUT -> {
                state = State.SIGNED_OUT;
                shortText = "Signed out";
                summary = "Signed out" + waitingSentence(pending);
                if (pending > 0) {
                    details.add("They are kept on this computer and sent when you sign in again.");
                }
            }
            case SYNCING -> {
                state = State.SYNCING;
                shortText = "Syncing…";
                summary = "Syncing" + waitingSentence(pending);
            }
            case OFFLINE -> {
                state = State.OFFLINE;
                shortText = "Offline" + waitingShort(pending);
                summary = "Offline" + waitingSentence(pending);
                details.add(status.lastError().map(SyncIndicator::reason).orElse(CANNOT_REACH));
                details.add(pending > 0 ? "Your changes are safe on this computer; they are sent when the server answers."
                        : "The app keeps trying; edits you make meanwhile are kept on this computer.");
            }
            case ONLINE -> {
                if (status.lastError().isPresent()) {
                    state = State.PROBLEM;
                    shortText = "Not synced" + waitingShort(pending);
                    summary = "Online, but the last sync did not go through" + waitingSentence(pending);
                    details.add(reason(status.lastError().get()));
                } else if (pending > 0) {
                    state = State.WAITING;
                    shortText = pending + " to send";
                    summary = "Online" + waitingSentence(pending);
                } else {
                    state = State.SYNCED;
                    shortText = "Synced";
                    summary = "Online · all changes synced";
                }
            }
            default -> throw new IllegalStateException(status.connectivity().toString());
        }
        if (status.openConflicts() > 0) {
            details.add(count(status.openConflicts(), "conflict", "conflicts") + " to review: changed here and on another device");
        }
        if (status.syncErrors() > 0) {
            details.add(count(status.syncErrors(), "change", "changes") + " the server refused: fix or discard "
                    + (status.syncErrors() == 1 ? "it" : "them"));
        }
        if (toReview > 0) {
            shortText += " · " + toReview + " to review";
        }
        return new SyncIndicator(state, shortText, summary, details, toReview);
    }

    static final String CANNOT_REACH = "The server can't be reached right now.";

    private static final Pattern NUMBER = Pattern.compile("(\\d+)");

    /**
     * The engine's reason for a failed round, in words a person can act on. Its reasons are
     * written for the log (they may name an exception); none of that text is shown.
     */
    static String reason(String engineError) {
        String e = engineError.toLowerCase(Locale.ROOT);
        if (e.startsWith("offline")) {
            return CANNOT_REACH;
        }
        if (e.startsWith("server error")) {
            return "The server had a problem" + number(e).map(n -> " (error " + n + ")").orElse("") + "; the app tries again.";
        }
        if (e.startsWith("rate limited")) {
            return "The server asked the app to slow down" + number(e).map(n -> "; it tries again in " + n + " s").orElse("") + ".";
        }
        if (e.startsWith("refused")) {
            return "The server refused the last sync" + number(e).map(n -> " (error " + n + ")").orElse("") + "; the app tries again.";
        }
        if (e.startsWith("unauthorized")) {
            return "The server did not accept this sign-in just now; the app tries again.";
        }
        if (e.startsWith("local store")) {
            return "Your tasks file on this computer could not be read or written; the app tries again.";
        }
        if (e.startsWith("event stream")) {
            return "Live updates from the server are interrupted; the app reconnects.";
        }
        if (e.startsWith("signed out")) {
            return "You are signed out.";
        }
        return "The last sync did not go through; the app tries again.";
    }

    private static Optional<String> number(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String when(ZonedDateTime at, LocalDate today) {
        LocalDate day = at.toLocalDate();
        if (day.equals(today)) {
            return "at " + TIME.format(at);
        }
        if (day.equals(today.minusDays(1))) {
            return "yesterday at " + TIME.format(at);
        }
        return "on " + DAY.format(at) + (day.getYear() == today.getYear() ? "" : " " + day.getYear()) + " at " + TIME.format(at);
    }

    private static String waitingShort(int pending) {
        return pending == 0 ? "" : " · " + pending + " waiting";
    }

    private static String waitingSentence(int pending) {
        return pending == 0 ? "" : " · " + count(pending, "change", "changes") + " waiting";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
