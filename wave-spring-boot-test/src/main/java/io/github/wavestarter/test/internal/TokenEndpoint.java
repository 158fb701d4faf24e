package io.github.wavestarter.test.internal;

import io.github.wavestarter.test.fault.FaultPlan;
import io.github.wavestarter.test.journal.RecordedTokenRequest;
import io.github.wavestarter.test.journal.RequestJournal;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Emulates {@code POST https://login.alphaus.cloud/access_token} (Wave) and
 * {@code POST https://login.alphaus.cloud/ripple/access_token} (Ripple). The emulated API
 * clients belong to one of them, as real ones do: the other endpoint does not know them
 * and answers {@code invalid_client}. Each issued token set is bound to the client that
 * authenticated; its refresh token serves that client only. Internal API.
 */
public final class TokenEndpoint {

	private static final int MAX_BODY = 64 * 1024;

	private final EmulatorSettings settings;

	private final TokenStore tokens;

	private final RequestJournal journal;

	private final FaultPlan faults;

	private final FaultApplier faultApplier;

	public TokenEndpoint(EmulatorSettings settings, TokenStore tokens, RequestJournal journal, FaultPlan faults,
			FaultApplier faultApplier) {
		this.settings = settings;
		this.tokens = tokens;
		this.journal = journal;
		this.faults = faults;
		this.faultApplier = faultApplier;
	}

	/**
	 * Handles one request to a token path.
	 * @param path {@link WaveRouter#TOKEN_PATH} or {@link WaveRouter#RIPPLE_TOKEN_PATH}
	 */
	public Mono<Void> handle(HttpServerRequest req, HttpServerResponse res, String path) {
		String method = req.method().name();
		String contentType = req.requestHeaders().get(HttpHeaderNames.CONTENT_TYPE);
		return req.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0]).flatMap(body -> {
			ParsedRequest parsed = parse(method, contentType, body);
			journal
				.record(new RecordedTokenRequest(settings.clock.instant(), method, contentType, parsed.fields, path));
			Mono<Void> response = faultApplier.respond(res, faults.nextForToken(), () -> answer(parsed, path),
					TokenEndpoint::defaultError);
			Duration delay = settings.tokenResponseDelay;
			return delay.isZero() ? response : Mono.delay(delay).then(response);
		});
	}

	private record ParsedRequest(Map<String, String> fields, WaveResponse rejection) {
	}

	private ParsedRequest parse(String method, String contentType, byte[] body) {
		if (!"POST".equals(method)) {
			return new ParsedRequest(Map.of(), oauthError(405, "invalid_request", "only POST is allowed"));
		}
		if (body.length > MAX_BODY) {
			return new ParsedRequest(Map.of(), oauthError(413, "invalid_request", "request body too large"));
		}
		String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim();
		boolean multipart = type.startsWith("multipart/form-data");
		boolean urlEncoded = type.startsWith("application/x-www-form-urlencoded");
		if (multipart && !type.contains("boundary=")) {
			return new ParsedRequest(Map.of(),
					oauthError(400, "invalid_request", "multipart/form-data request without boundary"));
		}
		if (!multipart && !(urlEncoded && settings.lenientFormEncoding)) {
			return new ParsedRequest(Map.of(), oauthError(400, "invalid_request", "unsupported Content-Type '"
					+ (contentType == null ? "" : contentType) + "', expected multipart/form-data"));
		}
		try {
			return new ParsedRequest(FormParser.parse(contentType, body), null);
		}
		catch (FormParser.MalformedFormException e) {
			return new ParsedRequest(Map.of(), oauthError(400, "invalid_request", e.getMessage()));
		}
	}

	private WaveResponse answer(ParsedRequest parsed, String path) {
		if (parsed.rejection != null) {
			return parsed.rejection;
		}
		Map<String, String> f = parsed.fields;
		String grantType = f.get("grant_type");
		if (grantType == null || grantType.isEmpty()) {
			return oauthError(400, "invalid_request", "missing required parameter 'grant_type'");
		}
		Client client = settings.client(f.get("client_id"));
		if (!path.equals(settings.tokenPath()) || client == null
				|| !secureEquals(client.clientSecret(), f.get("client_secret"))) {
			return oauthError(401, "invalid_client", "client authentication failed");
		}
		String scope = f.get("scope");
		if (scope != null && !"openid".equals(scope)) {
			return oauthError(400, "invalid_scope", "the only supported scope is 'openid'");
		}
		String subject;
		switch (grantType) {
			case "client_credentials" -> subject = client.clientId();
			case "password" -> {
				String username = f.get("username");
				String password = f.get("password");
				if (username == null || password == null) {
					return oauthError(400, "invalid_request", "password grant requires 'username' and 'password'");
				}
				String knownUser = client.username();
				String knownPassword = client.password();
				if (knownUser == null || knownPassword == null || !secureEquals(knownUser, username)
						|| !secureEquals(knownPassword, password)) {
					return oauthError(400, "invalid_grant", "invalid username or password");
				}
				subject = username;
			}
			case "refresh_token" -> {
				if (!settings.refreshTokenGrant) {
					return oauthError(400, "unsupported_grant_type", "grant type 'refresh_token' is not supported");
				}
				String refreshToken = f.get("refresh_token");
				if (refreshToken == null || refreshToken.isEmpty()) {
					return oauthError(400, "invalid_request", "missing required parameter 'refresh_token'");
				}
				TokenStore.RefreshGrant grant = tokens.refreshGrant(refreshToken);
				// a refresh token is bound to the client it was issued to (RFC 6749
				// section 6)
				if (grant == null || !grant.clientId().equals(client.clientId())) {
					return oauthError(400, "invalid_grant", "refresh token is invalid, expired or revoked");
				}
				subject = grant.subject();
			}
			default -> {
				return oauthError(400, "unsupported_grant_type", "unsupported grant type");
			}
		}
		long expiresIn = settings.expiresInSeconds;
		boolean omit = settings.omitExpiresIn;
		TokenStore.TokenSet set = tokens.issue(subject, client.clientId(), grantType, omit ? 0 : expiresIn);
		String body = "{\"id_token\":\"" + set.idToken() + "\",\"token_type\":\"Bearer\""
				+ (omit ? "" : ",\"expires_in\":" + expiresIn) + ",\"access_token\":\"" + set.accessToken()
				+ "\",\"refresh_token\":\"" + set.refreshToken() + "\"}";
		return WaveResponse.json(200, body).withHeaders(Map.of("Cache-Control", "no-store", "Pragma", "no-cache"));
	}

	private static WaveResponse oauthError(int status, String error, String description) {
		return WaveResponse.json(status, oauthErrorBody(error, description));
	}

	private static String oauthErrorBody(String error, String description) {
		return "{\"error\":\"" + error + "\",\"error_description\":" + Json.quote(description) + "}";
	}

	static String defaultError(int status) {
		return switch (status) {
			case 400 -> oauthErrorBody("invalid_request", "bad request");
			case 401 -> oauthErrorBody("invalid_client", "client authentication failed");
			case 429 -> oauthErrorBody("slow_down", "too many requests");
			case 503 -> oauthErrorBody("temporarily_unavailable", "service temporarily unavailable");
			default -> oauthErrorBody(status >= 500 ? "server_error" : "invalid_request", "HTTP " + status);
		};
	}

	private static boolean secureEquals(String expected, @Nullable String actual) {
		if (actual == null) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				actual.getBytes(StandardCharsets.UTF_8));
	}

}
