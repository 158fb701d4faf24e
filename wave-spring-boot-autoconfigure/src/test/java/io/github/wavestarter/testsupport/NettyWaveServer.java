package io.github.wavestarter.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.netty.handler.ssl.SslContext;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A loopback stand-in for the Wave token endpoint ({@code POST /access_token}, which
 * accepts only {@code multipart/form-data}) and the Blue API (any other path, which
 * checks the bearer token). Plain HTTP or HTTPS.
 */
public final class NettyWaveServer implements AutoCloseable {

	public static final String TOKEN_PATH = "/access_token";

	public static final String API_PATH = "/m/blue";

	private static final Pattern PART = Pattern.compile(
			"Content-Disposition: form-data; name=\"([^\"]+)\"\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n(.*?)\\r\\n--",
			Pattern.DOTALL);

	/** The client id the endpoint accepts. */
	public volatile String clientId = "test-client-id";

	/** The client secret the endpoint accepts. */
	public volatile String clientSecret = "s3cr3t-Client-Secret-Value";

	/** Lifetime of issued tokens, in seconds. */
	public volatile long expiresIn = 86400;

	/** Whether token responses carry a refresh token. */
	public volatile boolean issueRefreshTokens = false;

	/** Delay before each token response. */
	public volatile Duration tokenDelay = Duration.ZERO;

	/** How many token requests get a 503 before the endpoint answers. */
	public final AtomicInteger tokenFailuresLeft = new AtomicInteger();

	/** Delay before each API response. */
	public volatile Duration apiDelay = Duration.ZERO;

	/** Size of each API response body, in bytes (at least the JSON envelope). */
	public volatile int apiBodySize = 0;

	/**
	 * How many valid tokens the API rejects with 401 (each is revoked) before accepting.
	 */
	public final AtomicInteger apiRejectionsLeft = new AtomicInteger();

	/** Fields of every token request, in order. */
	public final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();

	/** Authorization header of every API request, in order. */
	public final List<String> apiAuthorizations = new CopyOnWriteArrayList<>();

	/** Every access token issued. */
	public final Set<String> issuedAccessTokens = ConcurrentHashMap.newKeySet();

	/** Every refresh token issued. */
	public final Set<String> issuedRefreshTokens = ConcurrentHashMap.newKeySet();

	/** The server whose issued tokens the API accepts (this one by default). */
	public volatile NettyWaveServer tokenIssuer = this;

	private final Set<String> revoked = ConcurrentHashMap.newKeySet();

	private final AtomicInteger counter = new AtomicInteger();

	private final DisposableServer server;

	private final LoopResources loops;

	private final boolean secure;

	private NettyWaveServer(SslContext sslContext) {
		// Own event loops: Boot's ReactorResourceFactory disposes the global ones when a
		// test context closes.
		this.loops = LoopResources.create("loopback-wave", 1, true);
		HttpServer httpServer = HttpServer.create()
			.runOn(this.loops)
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post(TOKEN_PATH, this::token)
				.route((request) -> !request.uri().startsWith(TOKEN_PATH), this::api));
		if (sslContext != null) {
			httpServer = httpServer.secure((spec) -> spec.sslContext(sslContext));
		}
		this.secure = sslContext != null;
		this.server = httpServer.bindNow();
	}

	public static NettyWaveServer start() {
		return new NettyWaveServer(null);
	}

	public static NettyWaveServer startSecure(SslContext sslContext) {
		return new NettyWaveServer(sslContext);
	}

	public int port() {
		return this.server.port();
	}

	public String baseUri() {
		return (this.secure ? "https" : "http") + "://127.0.0.1:" + port();
	}

	public String tokenUri() {
		return baseUri() + TOKEN_PATH;
	}

	public String apiBaseUrl() {
		return baseUri() + API_PATH;
	}

	public int tokenRequestCount() {
		return this.tokenRequests.size();
	}

	private Mono<Void> token(HttpServerRequest request, HttpServerResponse response) {
		String contentType = request.requestHeaders().get("Content-Type", "");
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			Map<String, String> fields = parseMultipart(body);
			this.tokenRequests.add(fields);
			Mono<Void> delay = this.tokenDelay.isZero() ? Mono.empty() : Mono.delay(this.tokenDelay).then();
			return delay.then(Mono.defer(() -> answerToken(contentType, fields, response)));
		});
	}

	private Mono<Void> answerToken(String contentType, Map<String, String> fields, HttpServerResponse response) {
		if (this.tokenFailuresLeft.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
			return json(response, 503, "{\"error\":\"temporarily_unavailable\"}");
		}
		if (!contentType.startsWith("multipart/form-data")) {
			return json(response, 400, "{\"error\":\"invalid_request\",\"error_description\":\"multipart only\"}");
		}
		if (!this.clientId.equals(fields.get("client_id")) || !this.clientSecret.equals(fields.get("client_secret"))) {
			return json(response, 401,
					"{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
		}
		int n = this.counter.incrementAndGet();
		String accessToken = "at-" + n + "-" + Long.toHexString(System.nanoTime()) + "-AccessTokenValue";
		this.issuedAccessTokens.add(accessToken);
		StringBuilder json = new StringBuilder("{\"access_token\":\"").append(accessToken)
			.append("\",\"token_type\":\"Bearer\",\"expires_in\":")
			.append(this.expiresIn);
		if (this.issueRefreshTokens) {
			String refreshToken = "rt-" + n + "-" + Long.toHexString(System.nanoTime()) + "-RefreshTokenValue";
			this.issuedRefreshTokens.add(refreshToken);
			json.append(",\"refresh_token\":\"").append(refreshToken).append('"');
		}
		return json(response, 200, json.append('}').toString());
	}

	private Mono<Void> api(HttpServerRequest request, HttpServerResponse response) {
		String authorization = request.requestHeaders().get("Authorization");
		this.apiAuthorizations.add(String.valueOf(authorization));
		return request.receive().then(Mono.defer(() -> {
			String token = (authorization != null && authorization.startsWith("Bearer ")) ? authorization.substring(7)
					: null;
			if (token == null || !this.tokenIssuer.issuedAccessTokens.contains(token) || this.revoked.contains(token)) {
				return json(response, 401, "{\"code\":16,\"message\":\"unauthenticated\"}");
			}
			if (this.apiRejectionsLeft.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				this.revoked.add(token);
				return json(response, 401, "{\"code\":16,\"message\":\"token revoked\"}");
			}
			String body = "{\"path\":\"/" + request.path() + "\",\"padding\":\""
					+ "x".repeat(Math.max(0, this.apiBodySize - 30)) + "\"}";
			Mono<Void> delay = this.apiDelay.isZero() ? Mono.empty() : Mono.delay(this.apiDelay).then();
			return delay.then(Mono.defer(() -> json(response, 200, body)));
		}));
	}

	private static Mono<Void> json(HttpServerResponse response, int status, String body) {
		return response.status(status).header("Content-Type", "application/json").sendString(Mono.just(body)).then();
	}

	static Map<String, String> parseMultipart(String body) {
		Map<String, String> fields = new LinkedHashMap<>();
		Matcher matcher = PART.matcher(body);
		while (matcher.find()) {
			fields.put(matcher.group(1), matcher.group(2));
		}
		return fields;
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(2));
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(1)).block(Duration.ofSeconds(5));
	}

}
