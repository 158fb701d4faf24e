package io.github.wavestarter.token;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Makes text that the token endpoint sent ({@code error}, {@code error_description},
 * {@code token_type}, a redirect target) safe for exception messages, logs and health
 * details: control and format characters (CR, LF, NUL, bidirectional overrides, line
 * separators) become {@code ?}, every occurrence of a credential of the request (client
 * secret, password, refresh token) becomes {@code ******}, and the result is truncated.
 * <p>
 * Masking comes after the replacement of control characters (so a secret cannot be
 * reassembled by removing them) and before truncation (so no prefix of a secret survives
 * a cut).
 */
final class ServerText {

	/** Longest error code kept. */
	static final int MAX_CODE_LENGTH = 64;

	/** Longest description (or other server text) kept. */
	static final int MAX_TEXT_LENGTH = 200;

	static final String MASK = "******";

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\u2028\\u2029]");

	private final List<String> secrets;

	private ServerText(List<String> secrets) {
		this.secrets = secrets;
	}

	/**
	 * A sanitizer that masks these values.
	 * @param secrets the credentials of the request; {@code null} and empty ones are
	 * ignored
	 * @return the sanitizer
	 */
	static ServerText masking(String... secrets) {
		return new ServerText(Arrays.stream(secrets)
			.filter(Objects::nonNull)
			.filter((secret) -> !secret.isEmpty())
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList());
	}

	/**
	 * Cleans a server-sent error code.
	 * @param code the code, or {@code null}
	 * @return the clean code, or {@code null}
	 */
	@Nullable String code(@Nullable String code) {
		return clean(code, MAX_CODE_LENGTH);
	}

	/**
	 * Cleans a server-sent text.
	 * @param text the text, or {@code null}
	 * @return the clean text, or {@code null}
	 */
	@Nullable String text(@Nullable String text) {
		return clean(text, MAX_TEXT_LENGTH);
	}

	/**
	 * Cleans a server-sent text and quotes it, for a short mention in a message.
	 * @param text the text
	 * @return the clean text in single quotes, at most 20 characters of it
	 */
	String quoteShort(@Nullable String text) {
		return "'" + clean(text, 20) + "'";
	}

	@Nullable String clean(@Nullable String text, int maxLength) {

		if (text == null) {
			return null;
		}
		String clean = CONTROL.matcher(text).replaceAll("?");
		for (String secret : this.secrets) {
			clean = clean.replace(secret, MASK);
		}
		if (clean.length() <= maxLength) {
			return clean;
		}
		int end = Character.isHighSurrogate(clean.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
		return clean.substring(0, end) + "...";
	}

}
