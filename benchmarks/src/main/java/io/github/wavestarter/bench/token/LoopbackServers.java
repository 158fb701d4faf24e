package io.github.wavestarter.bench.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Two loopback HTTP servers on 127.0.0.1 (random ports): an OAuth2 token endpoint that
 * accepts both {@code multipart/form-data} (the Wave way, used by the starter) and
 * {@code application/x-www-form-urlencoded} (what Spring Security's stock client sends),
 * answers after a configurable delay with a configurable {@code expires_in} and counts
 * token requests per client id; and a tiny API that accepts only unexpired, unrevoked
 * tokens it issued.
 */
public final class LoopbackServers implements AutoCloseable {

	public static final String CLIENT_SECRET = "s3cret";

	static final String API_BASE_PATH = "/m/blue";

	private static final Pattern MULTIPART_FIELD = Pattern
		.compile("name=\"([^\"]+)\"[^\\r\\n]*\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n([^\\r\\n]*)\\r\\n");

	private static final String API_OK = "{\"ok\":true,\"items\":[{\"id\":\"acct-1\",\"name\":\"demo\"}]}";

	private final DisposableServer tokenServer;

	private final DisposableServer apiServer;

	private volatile long tokenDelayMillis = 50;

	private volatile long expiresInSeconds = 3600;

	/** Token value to expiry ({@link System#nanoTime()}), server side. */
	private final Map<String, Long> issued = new ConcurrentHashMap<>();

	private final Set<String> revoked = ConcurrentHashMap.newKeySet();

	private final Map<String, AtomicInteger> tokenRequestsByClient = new ConcurrentHashMap<>();

	private final AtomicInteger multipartRequests = new AtomicInteger();

	private final AtomicInteger urlencodedRequests = new AtomicInteger();

	private final AtomicInteger rejectedTokenRequests = new AtomicInteger();

	private final AtomicLong tokenSequence = new AtomicLong();

	private final AtomicReference<String> lastIssued = new AtomicReference<>();

	private final AtomicLong apiCalls = new AtomicLong();

	private final AtomicLong api401 = new AtomicLong();

	/** Token value to the client id it was issued to. */
	private final Map<String, String> issuedTo = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> api401ByClient = new ConcurrentHashMap<>();

	public LoopbackServers() {
		this.tokenServer = HttpServer.create().host("127.0.0.1").port(0).handle(this::token).bindNow();
		this.apiServer = HttpServer.create().host("127.0.0.1").port(0).handle(this::api).bindNow();
	}

	public String tokenUri() {
		return "http://127.0.0.1:" + this.tokenServer.port() + "/access_token";
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.apiServer.port() + API_BASE_PATH;
	}

	void tokenDelayMillis(long millis) {
		this.tokenDelayMillis = millis;
	}

	void expiresInSeconds(long seconds) {
		this.expiresInSeconds = seconds;
	}

	public int tokenRequests(String clientId) {
		AtomicInteger count = this.tokenRequestsByClient.get(clientId);
		return (count != null) ? count.get() : 0;
	}

	public int multipartRequests() {
		return this.multipartRequests.get();
	}

	int urlencodedRequests() {
		return this.urlencodedRequests.get();
	}

	int rejectedTokenRequests() {
		return this.rejectedTokenRequests.get();
	}

	long api401() {
		return this.api401.get();
	}

	/**
	 * API answers 401 to calls carrying a token issued to this client (before any
	 * replay).
	 */
	int api401(String clientId) {
		AtomicInteger count = this.api401ByClient.get(clientId);
		return (count != null) ? count.get() : 0;
	}

	public long apiCalls() {
		return this.apiCalls.get();
	}

	/** Issues a token directly (no HTTP), for the static-bearer baseline. */
	String issueDirectly(long lifetimeSeconds) {
		return issue(lifetimeSeconds, "direct");
	}

	/**
	 * Makes the API answer 401 to every later call that carries the last issued token.
	 */
	String revokeLastIssued() {
		String token = this.lastIssued.get();
		this.revoked.add(token);
		return token;
	}

	private String issue(long lifetimeSeconds, String clientId) {
		String token = "tok-" + this.tokenSequence.incrementAndGet() + "-"
				+ Long.toHexString(ThreadLocalRandom.current().nextLong()) + "."
				+ Long.toHexString(ThreadLocalRandom.current().nextLong());
		this.issued.put(token, System.nanoTime() + Duration.ofSeconds(lifetimeSeconds).toNanos());
		this.issuedTo.put(token, clientId);
		this.lastIssued.set(token);
		return token;
	}

	private Mono<Void> token(HttpServerRequest request, HttpServerResponse response) {
		if (request.method() != io.netty.handler.codec.http.HttpMethod.POST
				|| !request.uri().startsWith("/access_token")) {
			return response.status(404).send();
		}
		String contentType = String.valueOf(request.requestHeaders().get("Content-Type")).toLowerCase();
		long delay = this.tokenDelayMillis;
		long expiresIn = this.expiresInSeconds;
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			Map<String, String> fields;
			if (contentType.startsWith("multipart/form-data")) {
				this.multipartRequests.incrementAndGet();
				fields = multipart(body);
			}
			else if (contentType.startsWith("application/x-www-form-urlencoded")) {
				this.urlencodedRequests.incrementAndGet();
				fields = urlencoded(body);
			}
			else {
				fields = Map.of();
			}
			String clientId = fields.getOrDefault("client_id", "?");
			this.tokenRequestsByClient.computeIfAbsent(clientId, (id) -> new AtomicInteger()).incrementAndGet();
			boolean ok = "client_credentials".equals(fields.get("grant_type"))
					&& CLIENT_SECRET.equals(fields.get("client_secret"));
			return Mono.delay(Duration.ofMillis(delay)).then(Mono.defer(() -> {
				if (!ok) {
					this.rejectedTokenRequests.incrementAndGet();
					return response.status(401)
						.header("Content-Type", "application/json")
						.sendString(Mono.just("{\"error\":\"invalid_client\"}"))
						.then();
				}
				String token = issue(expiresIn, clientId);
				return response.status(200)
					.header("Content-Type", "application/json")
					.header("Cache-Control", "no-store")
					.sendString(Mono.just("{\"access_token\":\"" + token
							+ "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}"))
					.then();
			}));
		});
	}

	private Mono<Void> api(HttpServerRequest request, HttpServerResponse response) {
		this.apiCalls.incrementAndGet();
		if (!request.uri().startsWith(API_BASE_PATH)) {
			return response.status(404).send();
		}
		String authorization = request.requestHeaders().get("Authorization");
		String token = (authorization != null && authorization.startsWith("Bearer "))
				? authorization.substring("Bearer ".length()) : null;
		Long expiry = (token != null) ? this.issued.get(token) : null;
		if (expiry == null || System.nanoTime() - expiry >= 0 || this.revoked.contains(token)) {
			this.api401.incrementAndGet();
			String clientId = (token != null) ? this.issuedTo.getOrDefault(token, "?") : "?";
			this.api401ByClient.computeIfAbsent(clientId, (id) -> new AtomicInteger()).incrementAndGet();
			return response.status(401)
				.header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
				.header("Content-Length", "0")
				.send();
		}
		return response.status(200).header("Content-Type", "application/json").sendString(Mono.just(API_OK)).then();
	}

	private static Map<String, String> multipart(String body) {
		Map<String, String> fields = new HashMap<>();
		Matcher matcher = MULTIPART_FIELD.matcher(body);
		while (matcher.find()) {
			fields.put(matcher.group(1), matcher.group(2));
		}
		return fields;
	}

	private static Map<String, String> urlencoded(String body) {
		Map<String, String> fields = new HashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return fields;
	}

	@Override
	public void close() {
		this.tokenServer.disposeNow(Duration.ofSeconds(5));
		this.apiServer.disposeNow(Duration.ofSeconds(5));
	}

}
