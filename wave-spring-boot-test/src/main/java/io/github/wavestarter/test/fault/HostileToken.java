package io.github.wavestarter.test.fault;

/**
 * {@code access_token} values a client must refuse to cache or send, as answered by
 * {@link FaultSpec#withHostileToken(HostileToken)}: each one either cannot be put in an
 * {@code Authorization: Bearer} header (control characters, non-ASCII, spaces), is not a
 * JSON string at all, or is too large for any server's header limits.
 */
public enum HostileToken {

	/** A carriage return and line feed followed by a forged header. */
	CR_LF("\"tok\\r\\nX-Injected: 1\""),

	/** A NUL character. */
	NUL("\"tok\\u0000en\""),

	/** Non-ASCII letters. */
	NON_ASCII("\"t\u00f6k\u00e9n-\u65e5\u672c\""),

	/** A space inside the token. */
	WHITESPACE("\"tok en\""),

	/** A JSON object instead of a string. */
	JSON_OBJECT("{\"value\":\"tok\"}"),

	/** A JSON array instead of a string. */
	JSON_ARRAY("[\"tok\"]"),

	/** A JSON number instead of a string. */
	JSON_NUMBER("1234567890"),

	/** A JSON boolean instead of a string. */
	JSON_BOOLEAN("true"),

	/**
	 * A syntactically valid token of 70 KB, larger than any header a server accepts (and
	 * than the 16 KB a careful client allows).
	 */
	OVERSIZED("\"" + "A".repeat(70 * 1024) + "\"");

	/** The well-formed token of {@link FaultSpec#withExpiresInJson(String)}. */
	static final String PLAIN_TOKEN = "mock-expires-in-token";

	private final String json;

	HostileToken(String json) {
		this.json = json;
	}

	/**
	 * The JSON value of {@code access_token}.
	 * @return the raw JSON text
	 */
	public String json() {
		return this.json;
	}

}
