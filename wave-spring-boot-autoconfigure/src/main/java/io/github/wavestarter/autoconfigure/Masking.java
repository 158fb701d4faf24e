package io.github.wavestarter.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Renders credentials for {@code toString()}, logs and messages without revealing them.
 */
final class Masking {

	private static final String MASK = "******";

	private Masking() {
	}

	/**
	 * Tells only whether a secret is set, never its value nor its length.
	 * @param secret the secret, possibly {@code null}
	 * @return {@code "******"} when set, {@code "<unset>"} otherwise
	 */
	static String presence(@Nullable String secret) {
		return (secret == null || secret.isEmpty()) ? "<unset>" : MASK;
	}

	/**
	 * Shows the first characters of an identifier that is not secret but need not be
	 * printed whole (a client id): at most four, and never more than a third of it.
	 * @param value the identifier, possibly {@code null}
	 * @return the identifier with all but its first characters masked
	 */
	static String partially(@Nullable String value) {

		if (value == null || value.isEmpty()) {
			return "<unset>";
		}
		int visible = Math.min(4, value.length() / 3);
		return value.substring(0, visible) + MASK;
	}

}
