package dev.tododesktop.contract.tasks;

/** The task rules of the contract. Lengths count Unicode characters (code points), not UTF-16 units. */
public final class TaskLimits {
    /** After stripping surrounding white space. */
    public static final int TITLE_MIN_LENGTH = 1;
    public static final int TITLE_MAX_LENGTH = 200;
    /** An empty description is allowed. */
    public static final int DESCRIPTION_MAX_LENGTH = 1000;
    public static final int TAGS_MAX_COUNT = 10;
    public static final int TAG_MIN_LENGTH = 1;
    public static final int TAG_MAX_LENGTH = 30;

    /** Page size of the task list when {@code limit} is not given, and the most it may ask for. */
    public static final int LIST_DEFAULT_LIMIT = 100;
    public static final int LIST_MAX_LIMIT = 500;

    private TaskLimits() {}
}
