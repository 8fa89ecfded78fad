package dev.tododesktop.contract.tasks;

import java.time.Instant;

/**
 * The task rules of the contract. Lengths count Unicode characters (code points), not UTF-16
 * units, after trimming ({@link dev.tododesktop.contract.Text#trim}).
 */
public final class TaskLimits {
    /** After trimming; a title of only invisible characters is empty. */
    public static final int TITLE_MIN_LENGTH = 1;
    public static final int TITLE_MAX_LENGTH = 200;
    /** An empty description is allowed. */
    public static final int DESCRIPTION_MAX_LENGTH = 1000;
    public static final int TAGS_MAX_COUNT = 10;
    public static final int TAG_MIN_LENGTH = 1;
    public static final int TAG_MAX_LENGTH = 30;

    /**
     * The range of {@code due_at}: years 0001 to 9999 in UTC, what RFC 3339's four-digit year can
     * say and what both databases store as epoch milliseconds. Outside it is 422.
     */
    public static final Instant DUE_AT_MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant DUE_AT_MAX = Instant.parse("9999-12-31T23:59:59.999Z");

    /** Page size of the task list when {@code limit} is not given, and the most it may ask for. */
    public static final int LIST_DEFAULT_LIMIT = 100;
    public static final int LIST_MAX_LIMIT = 500;

    private TaskLimits() {}
}
