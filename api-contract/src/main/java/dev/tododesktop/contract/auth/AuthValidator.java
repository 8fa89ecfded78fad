package dev.tododesktop.contract.auth;

import dev.tododesktop.contract.FieldError;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The account field rules of the API, shared so the desktop app can show the server's messages
 * before it submits. The server adds what needs its data: the common-password list, email
 * uniqueness and checking the current password.
 */
public final class AuthValidator {

    public static final int EMAIL_MAX_LENGTH = 254;
    /** RFC 5321's limit on the part before the {@code @}. */
    public static final int EMAIL_LOCAL_PART_MAX_LENGTH = 64;
    public static final int PASSWORD_MIN_LENGTH = 8;
    public static final int PASSWORD_MAX_LENGTH = 128;

    public static final String EMAIL = "email";
    public static final String PASSWORD = "password";
    public static final String CURRENT_PASSWORD = "current_password";
    public static final String NEW_PASSWORD = "new_password";

    private AuthValidator() {}

    /** The email as stored and compared: surrounding white space removed. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.strip();
    }

    /** The key that makes emails unique case-insensitively. */
    public static String emailKey(String email) {
        return normalizeEmail(email).toLowerCase(Locale.ROOT);
    }

    /** NFKC, so the same password typed on different keyboards or input methods matches its hash. */
    public static String normalizePassword(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    public static List<FieldError> validate(RegisterRequest request) {
        var errors = new ArrayList<FieldError>();
        emailProblem(request.email()).ifPresent(m -> errors.add(new FieldError(EMAIL, m)));
        newPasswordProblem(request.password(), request.email())
                .ifPresent(m -> errors.add(new FieldError(PASSWORD, m)));
        return List.copyOf(errors);
    }

    /**
     * Only presence: a login must not reveal the password rules an old account predates, and a
     * wrong password is a 401 like any other.
     */
    public static List<FieldError> validate(LoginRequest request) {
        var errors = new ArrayList<FieldError>();
        if (isBlank(request.email())) {
            errors.add(new FieldError(EMAIL, "Email is required."));
        }
        if (request.password() == null || request.password().isEmpty()) {
            errors.add(new FieldError(PASSWORD, "Password is required."));
        }
        return List.copyOf(errors);
    }

    /** @param accountEmail the signed-in user's email, which the new password must differ from */
    public static List<FieldError> validate(PasswordChangeRequest request, String accountEmail) {
        var errors = new ArrayList<FieldError>();
        if (request.currentPassword() == null || request.currentPassword().isEmpty()) {
            errors.add(new FieldError(CURRENT_PASSWORD, "Current password is required."));
        }
        newPasswordProblem(request.newPassword(), accountEmail)
                .ifPresent(m -> errors.add(new FieldError(NEW_PASSWORD, m)));
        return List.copyOf(errors);
    }

    public static List<FieldError> validate(DeleteAccountRequest request) {
        if (request.password() == null || request.password().isEmpty()) {
            return List.of(new FieldError(PASSWORD, "Password is required."));
        }
        return List.of();
    }

    /** Why this email is unusable, or empty when it is plausible. */
    public static Optional<String> emailProblem(String rawEmail) {
        if (isBlank(rawEmail)) {
            return Optional.of("Email is required.");
        }
        String email = normalizeEmail(rawEmail);
        if (email.length() > EMAIL_MAX_LENGTH) {
            return Optional.of("Email must be at most " + EMAIL_MAX_LENGTH + " characters.");
        }
        if (!isPlausibleEmail(email)) {
            return Optional.of("Enter a valid email address, like name@example.com.");
        }
        return Optional.empty();
    }

    /** Why this would be a bad new password, or empty; lengths count characters after NFKC. */
    public static Optional<String> newPasswordProblem(String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Password is required.");
        }
        String normalized = normalizePassword(password);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < PASSWORD_MIN_LENGTH) {
            return Optional.of("Password must be at least " + PASSWORD_MIN_LENGTH + " characters.");
        }
        if (length > PASSWORD_MAX_LENGTH) {
            return Optional.of("Password must be at most " + PASSWORD_MAX_LENGTH + " characters.");
        }
        if (email != null && normalized.equalsIgnoreCase(normalizeEmail(email))) {
            return Optional.of("Password must not be the same as your email address.");
        }
        return Optional.empty();
    }

    /**
     * Deliberately loose (one {@code @}, a dotted domain, no spaces): the only real check of an
     * address is mail arriving, and rejecting a valid one is worse than accepting an odd one.
     */
    private static boolean isPlausibleEmail(String email) {
        int at = email.indexOf('@');
        if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
            return false;
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (local.length() > EMAIL_LOCAL_PART_MAX_LENGTH || local.startsWith(".") || local.endsWith(".")
                || local.contains("..") || !local.codePoints().allMatch(AuthValidator::isVisible)) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")
                    || !label.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisible(int codePoint) {
        return !Character.isWhitespace(codePoint) && !Character.isISOControl(codePoint)
                && !Character.isSpaceChar(codePoint);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
