package dev.tododesktop.contract.auth;

/**
 * The answer to register, login and refresh. Lifetimes are in seconds from now, so a client
 * with a wrong clock still knows when to refresh.
 */
public record TokenResponse(
        String accessToken,
        String tokenType,
        long expiresIn,
        String refreshToken,
        long refreshExpiresIn,
        UserView user) {

    public static final String BEARER = "Bearer";

    /** A token response of type {@value #BEARER}, the only type the API issues. */
    public static TokenResponse bearer(String accessToken, long expiresIn, String refreshToken,
            long refreshExpiresIn, UserView user) {
        return new TokenResponse(accessToken, BEARER, expiresIn, refreshToken, refreshExpiresIn, user);
    }
}
