package dev.tododesktop.server.hostile;

/**
 * The kinds of hostile input the fuzz test generates: the nine defects of issue 12, the open
 * points it asked to decide, and a mix of everything. Each case belongs to one kind, so a
 * failure report says which rule broke.
 */
enum Kind {
    /** 1: very deep nesting, very long numbers, huge or chunked bodies, many keys. */
    DEEP_OR_LONG_JSON,
    /** 2: timestamps outside years 0001-9999, alone and inside a sync push among valid mutations. */
    FAR_TIMESTAMP,
    /** 3: a JSON value of the wrong type, or a timestamp that is not an RFC 3339 string. */
    WRONG_TYPE,
    /** 4: bytes that are not UTF-8 (overlong forms, encoded surrogates, beyond U+10FFFF, stray bytes). */
    INVALID_UTF8,
    /** 5: {@code \}{@code ud800}-style escapes that leave a surrogate unpaired, in every text field. */
    LONE_SURROGATE,
    /** 6: NUL, bad percent-encoding and non-UTF-8 in query parameters. */
    QUERY_TEXT,
    /** 7: HEAD on protected routes, with no token, a bad token and someone else's path. */
    HEAD_METHOD,
    /** 8: what the HTTP layer refuses: 100 KB URLs and headers, NUL in paths, bad framing, odd methods. */
    HTTP_LAYER,
    /** 9: writes from an origin the CORS setting does not list. */
    CORS_ORIGIN,
    /** The open points: Content-Type, UTF-16, duplicate keys, two Authorization headers, invisible titles, unknown fields. */
    OPEN_POINTS,
    /** Any of the above with unrelated noise added (Accept headers that ask for HTML, forwarded-for junk). */
    MIXED
}
