package dev.tododesktop.server.tasks;

import dev.tododesktop.contract.tasks.CreateTaskRequest;
import dev.tododesktop.contract.tasks.FieldUpdate;
import dev.tododesktop.contract.tasks.Task;
import dev.tododesktop.contract.tasks.TaskList;
import dev.tododesktop.contract.tasks.TaskUpdate;
import dev.tododesktop.contract.tasks.TaskValidator;
import dev.tododesktop.server.db.Database;
import dev.tododesktop.server.http.ApiException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The task API's operations for one authenticated user. Every method takes the acting user's id
 * and only ever sees that user's rows; a task that is not theirs is "not found".
 */
public final class TaskService {

    /** The outcome of a create: a new task (201), or the user's existing task with that id (200). */
    public sealed interface CreateOutcome {
        Task task();

        record Created(Task task) implements CreateOutcome {}

        record AlreadyExists(Task task) implements CreateOutcome {}
    }

    private final Database database;
    private final TaskRepository repository;
    private final UserWrites writes;

    public TaskService(Database database, TaskRepository repository, UserWrites writes) {
        this.database = database;
        this.repository = repository;
        this.writes = writes;
    }

    public Task get(UUID userId, UUID taskId) {
        return database.jdbi().withHandle(h -> repository.find(h, userId, taskId))
                .filter(t -> !t.deleted())
                .map(StoredTask::toTask)
                .orElseThrow(ApiException::notFound);
    }

    public TaskList list(UUID userId, TaskQuery query) {
        TaskRepository.Page page;
        // Plain JDBC for the hottest read (see TaskRepository.page(Connection, ...)); failures
        // become the exceptions JDBI would throw, so busy and pool-timeout answers stay 503.
        try (var connection = database.dataSource().getConnection()) {
            page = repository.page(connection, userId, query);
        } catch (java.sql.SQLTransientConnectionException e) {
            throw new org.jdbi.v3.core.ConnectionException(e);
        } catch (java.sql.SQLException e) {
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(e, null);
        }
        return new TaskList(page.items().stream().map(StoredTask::toTask).toList(), page.total());
    }

    public CreateOutcome create(UUID userId, CreateTaskRequest request) {
        var fields = normalize(new TaskUpdate(FieldUpdate.setOrClear(request.title()), FieldUpdate.set(request.description()),
                FieldUpdate.set(request.completed()), FieldUpdate.set(request.priority()), FieldUpdate.set(request.tags()),
                FieldUpdate.setOrClear(request.dueAt())));
        var errors = TextRules.merge(TaskValidator.validate(request), TextRules.check(fields));
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        UUID id = request.id() != null ? request.id() : UUID.randomUUID();
        return writes.inTransaction(userId, tx -> {
            var existing = repository.find(tx.handle(), userId, id);
            if (existing.isPresent()) {
                if (existing.get().deleted()) {
                    throw idTaken();
                }
                return new CreateOutcome.AlreadyExists(existing.get().toTask());
            }
            var task = StoredTask.created(id, userId, fields, tx.now(), tx.nextSeq(), null);
            if (!repository.insert(tx.handle(), task)) {
                throw idTaken();
            }
            return new CreateOutcome.Created(task.toTask());
        });
    }

    /**
     * PUT: sets the fields the body names; {@code expectedVersion} from If-Match gives 412 when
     * stale. Writes of the task API record no writer (null), so a sync device's edit made before
     * them always conflicts with them instead of being taken for its own.
     */
    public Task update(UUID userId, UUID taskId, TaskUpdate update, OptionalLong expectedVersion) {
        var errors = TextRules.merge(TaskValidator.validate(update), TextRules.check(update));
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        var fields = normalize(update);
        return writes.inTransaction(userId, tx -> {
            var current = live(tx, taskId);
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw ApiException.preconditionFailed("The task is at version " + current.version()
                        + ", not " + expectedVersion.getAsLong() + "; fetch it and try again.");
            }
            return save(tx, current, current.applying(fields, fields.presentFields(), tx.now(), tx::nextSeq, null));
        });
    }

    /** PATCH …/complete: sets {@code completed} when given (replay-safe), else toggles. */
    public Task complete(UUID userId, UUID taskId, Optional<Boolean> completed) {
        return writes.inTransaction(userId, tx -> {
            var current = live(tx, taskId);
            var update = TaskUpdate.empty().withCompleted(completed.orElse(!current.completed()));
            return save(tx, current, current.applying(update, update.presentFields(), tx.now(), tx::nextSeq, null));
        });
    }

    public void delete(UUID userId, UUID taskId) {
        writes.inTransaction(userId, tx -> {
            var current = live(tx, taskId);
            repository.update(tx.handle(), current, current.tombstone(tx.now(), tx.nextSeq()));
            return null;
        });
    }

    private StoredTask live(UserTransaction tx, UUID taskId) {
        return repository.find(tx.handle(), tx.userId(), taskId)
                .filter(t -> !t.deleted())
                .orElseThrow(ApiException::notFound);
    }

    private Task save(UserTransaction tx, StoredTask before, StoredTask after) {
        if (after != before) {
            repository.update(tx.handle(), before, after);
        }
        return after.toTask();
    }

    static ApiException idTaken() {
        return ApiException.conflict("task-id-taken", "This task id is not available; choose another one.");
    }

    /** Stored times have millisecond precision; compare and store the same. */
    public static TaskUpdate normalize(TaskUpdate update) {
        return new TaskUpdate(update.title(), update.description(), update.completed(), update.priority(),
                update.tags(), update.dueAt().map(i -> i.truncatedTo(ChronoUnit.MILLIS)));
    }

    static Instant millis(Instant i) {
        return i.truncatedTo(ChronoUnit.MILLIS);
    }
}
