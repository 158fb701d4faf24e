package io.github.wavestarter.test.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.wavestarter.test.journal.IssuedTokenSet;
import org.jspecify.annotations.Nullable;

/** Issues JWT-shaped tokens and validates them. Thread-safe. Internal API. */
public final class TokenStore {

	/** Result of validating a bearer token. */
	public enum Validity {

		VALID, MISSING, UNKNOWN, EXPIRED, REVOKED

	}

	/**
	 * Tokens answered by the token endpoint.
	 *
	 * @param accessToken access token
	 * @param idToken id token
	 * @param refreshToken refresh token
	 */
	public record TokenSet(String accessToken, String idToken, String refreshToken) {
	}

	/**
	 * What a refresh token was issued for.
	 *
	 * @param subject the subject of the tokens it renews
	 * @param clientId the client that obtained it, the only one that may use it
	 */
	public record RefreshGrant(String subject, String clientId) {
	}

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private static final String HEADER = B64
		.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"mock-wave\"}".getBytes(StandardCharsets.UTF_8));

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, IssuedToken> accessTokens = new ConcurrentHashMap<>();

	private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();

	/** Revoked access token to the client that obtained it. */
	private final Map<String, String> revoked = new ConcurrentHashMap<>();

	private final List<IssuedTokenSet> issued = new CopyOnWriteArrayList<>();

	/**
	 * @param clock decides issue and expiry times
	 */
	public TokenStore(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Issues a token set bound to a client.
	 * @param subject the user name (password grant) or client id
	 * @param clientId the client that obtains it, also the tokens' audience
	 * @param lifetimeSeconds &gt; 0 to make the access token expire, otherwise it never
	 * expires
	 */
	public TokenSet issue(String subject, String clientId, String grantType, long lifetimeSeconds) {
		Instant now = clock.instant();
		Instant expiresAt = lifetimeSeconds > 0 ? now.plusSeconds(lifetimeSeconds) : null;
		String access = jwt(subject, clientId, now, expiresAt, "access");
		String id = jwt(subject, clientId, now, expiresAt, "id");
		String refresh = randomToken(32);
		accessTokens.put(access, new IssuedToken(subject, grantType, now, expiresAt, clientId));
		refreshTokens.put(refresh, new RefreshGrant(subject, clientId));
		issued.add(new IssuedTokenSet(now, grantType, subject, access, id, refresh, clientId));
		return new TokenSet(access, id, refresh);
	}

	/**
	 * @return the subject of a valid refresh token, or {@code null}
	 */
	public @Nullable String subjectOfRefreshToken(@Nullable String refreshToken) {
		RefreshGrant grant = refreshGrant(refreshToken);
		return grant == null ? null : grant.subject();
	}

	/**
	 * @return what a valid refresh token was issued for, or {@code null}
	 */
	public @Nullable RefreshGrant refreshGrant(@Nullable String refreshToken) {
		return refreshToken == null ? null : refreshTokens.get(refreshToken);
	}

	/**
	 * @return the client that obtained this access token (valid, expired or revoked), or
	 * {@code null} if the emulator never issued it
	 */
	public @Nullable String clientOf(@Nullable String accessToken) {
		if (accessToken == null) {
			return null;
		}
		IssuedToken token = accessTokens.get(accessToken);
		return token != null ? token.clientId() : revoked.get(accessToken);
	}

	/** Checks an access token. */
	public Validity check(@Nullable String accessToken) {
		if (accessToken == null || accessToken.isEmpty()) {
			return Validity.MISSING;
		}
		IssuedToken token = accessTokens.get(accessToken);
		if (token == null) {
			return revoked.containsKey(accessToken) ? Validity.REVOKED : Validity.UNKNOWN;
		}
		return token.expiredAt(clock.instant()) ? Validity.EXPIRED : Validity.VALID;
	}

	/**
	 * @return the token's data, or {@code null}
	 */
	public @Nullable IssuedToken find(@Nullable String accessToken) {

		return accessToken == null ? null : accessTokens.get(accessToken);
	}

	/** Revokes every access and refresh token issued so far. */
	public void revokeAll() {
		for (Map.Entry<String, IssuedToken> token : accessTokens.entrySet()) {
			revoked.put(token.getKey(), token.getValue().clientId());
			accessTokens.remove(token.getKey());
		}
		refreshTokens.clear();
	}

	/**
	 * @return every token set issued so far, oldest first (revoked and expired ones
	 * included)
	 */
	public List<IssuedTokenSet> issued() {
		return List.copyOf(issued);
	}

	/**
	 * @return number of currently known (not revoked) access tokens
	 */
	public int activeCount() {
		return accessTokens.size();
	}

	private String jwt(String subject, String audience, Instant now, @Nullable Instant expiresAt, String use) {
		String payload = "{\"iss\":\"https://login.alphaus.cloud/mock\",\"sub\":" + Json.quote(subject) + ",\"aud\":"
				+ Json.quote(audience) + ",\"iat\":" + now.getEpochSecond()
				+ (expiresAt != null ? ",\"exp\":" + expiresAt.getEpochSecond() : "") + ",\"jti\":\""
				+ UUID.randomUUID() + "\",\"token_use\":\"" + use + "\",\"scope\":\"openid\"}";
		return HEADER + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + randomToken(64);
	}

	private String randomToken(int bytes) {
		byte[] buf = new byte[bytes];
		random.nextBytes(buf);
		return B64.encodeToString(buf);
	}

}
