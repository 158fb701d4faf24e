package io.github.wavestarter.token;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the starter accepts as an access token: a value that can travel in an
 * {@code Authorization: Bearer} header as RFC 6750 defines it ({@code b64token}: ASCII
 * letters, digits, {@code -._~+/}, then optional trailing {@code =}), at most
 * {@value #MAX_LENGTH} characters long. The token endpoint's answer is checked against it
 * before a token is cached, so a token with CR, LF, NUL, spaces or non-ASCII characters,
 * or one too large for any server's header limits, is refused
 * ({@code invalid_token_response}) instead of failing every call until it expires.
 */
public final class BearerTokens {

	/** Longest access token accepted, in characters (16 KB). */
	public static final int MAX_LENGTH = 16 * 1024;

	private static final Pattern B64TOKEN = Pattern.compile("[A-Za-z0-9\\-._~+/]+=*");

	private BearerTokens() {
	}

	/**
	 * Whether a value is an acceptable access token.
	 * @param value the value, possibly {@code null}
	 * @return whether it is a non-empty RFC 6750 {@code b64token} of at most
	 * {@value #MAX_LENGTH} characters
	 */
	public static boolean isValid(@Nullable String value) {

		return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH && B64TOKEN.matcher(value).matches();
	}

}
