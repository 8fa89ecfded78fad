package dev.tododesktop.contract.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tododesktop.contract.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthValidatorTest {

    private static final String EMAIL = "ada@example.com";

    private static List<FieldError> register(String email, String password) {
        return AuthValidator.validate(new RegisterRequest(email, password, null, null));
    }

    private static List<FieldError> password(String password) {
        return register(EMAIL, password);
    }

    @Test
    void passwordHasEightToOneHundredTwentyEightCharacters() {
        assertThat(password("a".repeat(7))).containsExactly(
                new FieldError("password", "Password must be at least 8 characters."));
        assertThat(password("a".repeat(8))).isEmpty();
        assertThat(password("a".repeat(128))).isEmpty();
        assertThat(password("a".repeat(129))).containsExactly(
                new FieldError("password", "Password must be at most 128 characters."));
        assertThat(password("")).containsExactly(new FieldError("password", "Password is required."));
        assertThat(password(null)).containsExactly(new FieldError("password", "Password is required."));
    }

    @Test
    void anyCharactersCountAndNoCompositionRulesApply() {
        assertThat(password("        ")).as("eight spaces").isEmpty();
        assertThat(password("пароль!!")).isEmpty();
        assertThat(password("\uD83D\uDD11".repeat(8))).as("eight emoji, sixteen UTF-16 units").isEmpty();
        assertThat(password("\uD83D\uDD11".repeat(7))).extracting(FieldError::field).containsExactly("password");
    }

    @Test
    void passwordLengthIsCountedAfterNfkcNormalisation() {
        // U+FB03 (the "ffi" ligature) is one character that NFKC turns into three.
        assertThat(password("abcde\uFB03")).as("6 characters typed, 8 after NFKC").isEmpty();
        assertThat(password("abcd\uFB03")).as("5 typed, 7 after NFKC").extracting(FieldError::field).containsExactly("password");
        assertThat(AuthValidator.normalizePassword("ＡＢＣ１２３")).isEqualTo("ABC123");
        assertThat(AuthValidator.normalizePassword("\u0065\u0301")).isEqualTo("\u00E9");
    }

    @Test
    void passwordMayNotBeTheEmail() {
        assertThat(register(EMAIL, EMAIL)).containsExactly(
                new FieldError("password", "Password must not be the same as your email address."));
        assertThat(register("  " + EMAIL + " ", "ADA@example.com")).extracting(FieldError::field).containsExactly("password");
        assertThat(register(EMAIL, EMAIL + "1")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada@example.com", "  ada@example.com  ", "a.b+tag@sub.example.co.uk", "x@b.co",
            "o'brien@example.ie", "jürgen@bücher.de", "a_b-c@x-y.example"})
    void plausibleAddressesAreAccepted(String email) {
        assertThat(register(email, "long enough password")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ada", "ada@", "@example.com", "ada@example", "ada@@example.com", "a da@example.com",
            "ada@exa mple.com", "ada@example..com", "ada@.example.com", "ada@example.com.", ".ada@example.com",
            "ada.@example.com", "a..da@example.com", "ada@-example.com", "ada@example-.com", "ada@exa_mple.com"})
    void implausibleAddressesAreRejected(String email) {
        assertThat(register(email, "long enough password")).containsExactly(
                new FieldError("email", "Enter a valid email address, like name@example.com."));
    }

    @Test
    void emailIsRequiredAndAtMost254CharactersAfterTrimming() {
        assertThat(register("", "long enough password")).containsExactly(new FieldError("email", "Email is required."));
        assertThat(register("   ", "long enough password")).containsExactly(new FieldError("email", "Email is required."));
        assertThat(register(null, "long enough password")).containsExactly(new FieldError("email", "Email is required."));

        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".com"; // 195 characters
        String at254 = "a".repeat(254 - 1 - domain.length()) + "@" + domain;
        assertThat(at254).hasSize(254);
        assertThat(register(" " + at254 + " ", "long enough password")).isEmpty();
        assertThat(register("a" + at254, "long enough password"))
                .containsExactly(new FieldError("email", "Email must be at most 254 characters."));
        assertThat(register("a".repeat(65) + "@example.com", "long enough password"))
                .as("local part over 64").extracting(FieldError::field).containsExactly("email");
    }

    @Test
    void emailsAreComparedTrimmedAndIgnoringCase() {
        assertThat(AuthValidator.normalizeEmail("  Ada@Example.com ")).isEqualTo("Ada@Example.com");
        assertThat(AuthValidator.emailKey("  Ada@Example.com ")).isEqualTo(AuthValidator.emailKey("ada@example.COM"));
    }

    @Test
    void loginChecksOnlyPresenceSoOldPasswordsStillWork() {
        assertThat(AuthValidator.validate(new LoginRequest(EMAIL, "short", null))).isEmpty();
        assertThat(AuthValidator.validate(new LoginRequest(" ", "", null))).extracting(FieldError::field)
                .containsExactly("email", "password");
    }

    @Test
    void passwordChangeNamesTheFieldsOfItsOwnBody() {
        assertThat(AuthValidator.validate(new PasswordChangeRequest("old password", "new password"), EMAIL)).isEmpty();
        assertThat(AuthValidator.validate(new PasswordChangeRequest("", "short"), EMAIL)).containsExactly(
                new FieldError("current_password", "Current password is required."),
                new FieldError("new_password", "Password must be at least 8 characters."));
        assertThat(AuthValidator.validate(new PasswordChangeRequest("old password", EMAIL), EMAIL))
                .extracting(FieldError::field).containsExactly("new_password");
    }

    @Test
    void accountDeletionNeedsThePassword() {
        assertThat(AuthValidator.validate(new DeleteAccountRequest("anything"))).isEmpty();
        assertThat(AuthValidator.validate(new DeleteAccountRequest(null)))
                .containsExactly(new FieldError("password", "Password is required."));
    }
}
