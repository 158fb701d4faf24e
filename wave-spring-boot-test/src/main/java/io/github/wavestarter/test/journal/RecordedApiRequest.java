package io.github.wavestarter.test.journal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * One request received by the Blue API emulation (or, in
 * {@code MockWaveServer.journal().strayRequests()}, by any other path of the emulator).
 *
 * <p>
 * The bearer token itself is never stored: only the scheme of the {@code Authorization}
 * header and a SHA-256 fingerprint of the token, so a test can ask whether a request
 * carried credentials at all ({@link #hasAuthorization()}) or a particular token
 * ({@link #hasBearerToken(String)}).
 *
 * @param receivedAt when the request arrived (emulator clock)
 * @param method HTTP method
 * @param path path relative to {@code baseUrl()}, e.g. {@code /cost/v1/aws/accounts} (for
 * stray requests: the full request path)
 * @param query raw query string without {@code ?}, or {@code ""}
 * @param validToken whether it carried a bearer token that was valid (issued, not
 * expired, not revoked)
 * @param body request body as text ({@code ""} if none)
 * @param authorizationScheme scheme of the {@code Authorization} header, e.g.
 * {@code Bearer}, or {@code null} if the request had no such header
 * @param bearerTokenSha256 hex SHA-256 of the bearer token, or {@code null} if the
 * request carried none
 * @param contentType the {@code Content-Type} header, or {@code null} if the request had
 * none
 * @param clientId the API client that obtained the bearer token the request carried
 * (whether that token was still valid, expired or revoked), or {@code null} if it carried
 * no token the emulator issued; always {@code null} for stray requests
 */
public record RecordedApiRequest(Instant receivedAt, String method, String path, String query, boolean validToken,
		String body, @Nullable String authorizationScheme, @Nullable String bearerTokenSha256,
		@Nullable String contentType, @Nullable String clientId) {

	/** A request that carried no token of a known client. */
	public RecordedApiRequest(Instant receivedAt, String method, String path, String query, boolean validToken,
			String body, @Nullable String authorizationScheme, @Nullable String bearerTokenSha256,
			@Nullable String contentType) {
		this(receivedAt, method, path, query, validToken, body, authorizationScheme, bearerTokenSha256, contentType,
				null);
	}

	/** A request without {@code Content-Type} header. */
	public RecordedApiRequest(Instant receivedAt, String method, String path, String query, boolean validToken,
			String body, @Nullable String authorizationScheme, @Nullable String bearerTokenSha256) {
		this(receivedAt, method, path, query, validToken, body, authorizationScheme, bearerTokenSha256, null, null);
	}

	/** A request without {@code Authorization} header. */
	public RecordedApiRequest(Instant receivedAt, String method, String path, String query, boolean validToken,
			String body) {
		this(receivedAt, method, path, query, validToken, body, null, null, null, null);
	}

	/**
	 * Records a request without {@code Content-Type} from its raw {@code Authorization}
	 * header; see
	 * {@link #of(Instant, String, String, String, boolean, String, String, String)}.
	 * @return the recorded request
	 */
	public static RecordedApiRequest of(Instant receivedAt, String method, String path, String query,
			boolean validToken, String body, @Nullable String authorization) {
		return of(receivedAt, method, path, query, validToken, body, authorization, null);
	}

	/**
	 * Records a request from its raw {@code Authorization} header, which is reduced to
	 * its scheme and a fingerprint of the bearer token.
	 * @param authorization the header value, or {@code null}
	 * @param contentType the {@code Content-Type} header, or {@code null}
	 * @return the recorded request
	 */
	public static RecordedApiRequest of(Instant receivedAt, String method, String path, String query,
			boolean validToken, String body, @Nullable String authorization, @Nullable String contentType) {
		return of(receivedAt, method, path, query, validToken, body, authorization, contentType, null);
	}

	/**
	 * Records a request from its raw {@code Authorization} header, which is reduced to
	 * its scheme and a fingerprint of the bearer token, attributed to a client.
	 * @param authorization the header value, or {@code null}
	 * @param contentType the {@code Content-Type} header, or {@code null}
	 * @param clientId the client that obtained the bearer token, or {@code null}
	 * @return the recorded request
	 */
	public static RecordedApiRequest of(Instant receivedAt, String method, String path, String query,
			boolean validToken, String body, @Nullable String authorization, @Nullable String contentType,
			@Nullable String clientId) {
		String scheme = null;
		String fingerprint = null;
		if (authorization != null) {
			String value = authorization.trim();
			int space = value.indexOf(' ');
			scheme = (space < 0) ? value : value.substring(0, space);
			if (space > 0 && scheme.equalsIgnoreCase("Bearer")) {
				fingerprint = sha256(value.substring(space + 1).trim());
			}
		}
		return new RecordedApiRequest(receivedAt, method, path, query, validToken, body, scheme, fingerprint,
				contentType, clientId);
	}

	/**
	 * @return whether the request had an {@code Authorization} header at all
	 */
	public boolean hasAuthorization() {
		return authorizationScheme != null;
	}

	/**
	 * @param token a token value
	 * @return whether the request carried exactly this bearer token
	 */
	public boolean hasBearerToken(@Nullable String token) {
		return token != null && bearerTokenSha256 != null && bearerTokenSha256.equals(sha256(token));
	}

	/**
	 * @return hex SHA-256 of {@code token}, as in {@link #bearerTokenSha256()}
	 */
	public static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Never prints the bearer token (it is not recorded) nor its fingerprint. */
	@Override
	public String toString() {
		return "RecordedApiRequest[" + method + " " + path + (query.isEmpty() ? "" : "?" + query) + ", authorization="
				+ (authorizationScheme == null ? "none" : authorizationScheme) + ", validToken=" + validToken
				+ (clientId == null ? "" : ", clientId=" + clientId)
				+ (body.isEmpty() ? "" : ", body=" + body.length() + " chars") + "]";
	}
}
