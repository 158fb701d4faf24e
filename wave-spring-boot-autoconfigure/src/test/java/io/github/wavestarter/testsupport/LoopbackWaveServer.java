package io.github.wavestarter.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small real HTTP server on loopback that plays the Wave token endpoint
 * ({@code /access_token}, multipart only) and a Blue API ({@code /m/blue/**}) checking
 * bearer tokens, with a request counter, a delay and scripted answers. Used by the
 * starter's own tests.
 */
public final class LoopbackWaveServer implements AutoCloseable {

	public static final String CLIENT_ID = "test-client-id";

	public static final String CLIENT_SECRET = "s3cr3t-Client-Value";

	/** Lets a test context close without Reactor Netty's two-second quiet period. */
	public static final String FAST_SHUTDOWN = "spring.reactor.netty.shutdown-quiet-period=0s";

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(64);

	private final AtomicInteger tokenRequests = new AtomicInteger();

	private final AtomicInteger apiRequests = new AtomicInteger();

	private final AtomicInteger issued = new AtomicInteger();

	private final Map<String, Instant> validTokens = new ConcurrentHashMap<>();

	private final Deque<Function<TokenRequest, Response>> scriptedTokenAnswers = new ArrayDeque<>();

	private final Deque<Response> scriptedApiAnswers = new ArrayDeque<>();

	private final List<TokenRequest> tokenJournal = new CopyOnWriteArrayList<>();

	private final List<ApiRequest> apiJournal = new CopyOnWriteArrayList<>();

	private volatile Duration tokenDelay = Duration.ZERO;

	private volatile Long expiresIn = 86400L;

	private volatile boolean issueRefreshTokens = true;

	public LoopbackWaveServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1000);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/access_token", this::token);
		this.server.createContext("/m/blue", this::api);
		this.server.createContext("/elsewhere", this::elsewhere);
		this.server.start();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	public String tokenUri() {
		return "http://127.0.0.1:" + port() + "/access_token";
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port() + "/m/blue";
	}

	/** Same server under another host name: not under the base URL. */
	public String elsewhereUrl() {
		return "http://localhost:" + port() + "/elsewhere";
	}

	public String[] properties() {
		return new String[] { "wave.client-id=" + CLIENT_ID, "wave.client-secret=" + CLIENT_SECRET,
				"wave.token-uri=" + tokenUri(), "wave.base-url=" + baseUrl(), FAST_SHUTDOWN };
	}

	public LoopbackWaveServer tokenDelay(Duration delay) {
		this.tokenDelay = delay;
		return this;
	}

	/** Lifetime of issued tokens in seconds; null omits {@code expires_in}. */
	public LoopbackWaveServer expiresIn(Long seconds) {
		this.expiresIn = seconds;
		return this;
	}

	public LoopbackWaveServer issueRefreshTokens(boolean issue) {
		this.issueRefreshTokens = issue;
		return this;
	}

	/** Answers the next token request with this instead of a token. */
	public synchronized LoopbackWaveServer enqueueTokenAnswer(Function<TokenRequest, Response> answer) {
		this.scriptedTokenAnswers.add(answer);
		return this;
	}

	public LoopbackWaveServer enqueueTokenAnswer(Response answer) {
		return enqueueTokenAnswer((request) -> answer);
	}

	/** Answers the next API request with this, after the bearer check passed. */
	public synchronized LoopbackWaveServer enqueueApiAnswer(Response answer) {
		this.scriptedApiAnswers.add(answer);
		return this;
	}

	public void revokeAllTokens() {
		this.validTokens.clear();
	}

	public int tokenRequests() {
		return this.tokenRequests.get();
	}

	public int apiRequests() {
		return this.apiRequests.get();
	}

	public List<TokenRequest> tokenJournal() {
		return Collections.unmodifiableList(this.tokenJournal);
	}

	public List<ApiRequest> apiJournal() {
		return Collections.unmodifiableList(this.apiJournal);
	}

	private void token(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
			TokenRequest request = new TokenRequest(contentType, Multipart.parse(contentType, body));
			this.tokenRequests.incrementAndGet();
			this.tokenJournal.add(request);
			sleep(this.tokenDelay);
			Function<TokenRequest, Response> scripted;
			synchronized (this) {
				scripted = this.scriptedTokenAnswers.poll();
			}
			Response response = (scripted != null) ? scripted.apply(request) : issue(request);
			if (response != null) {
				send(exchange, response);
			}
		}
	}

	private Response issue(TokenRequest request) {
		if (request.contentType() == null || !request.contentType().startsWith("multipart/form-data")) {
			return Response.json(400, "{\"error\":\"invalid_request\",\"error_description\":\"multipart only\"}");
		}
		Map<String, String> parts = request.parts();
		if (!CLIENT_ID.equals(parts.get("client_id")) || !CLIENT_SECRET.equals(parts.get("client_secret"))) {
			return Response.json(401,
					"{\"error\":\"invalid_client\",\"error_description\":\"Bad client credentials\"}");
		}
		String token = "access-" + this.issued.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
		Long lifetime = this.expiresIn;
		this.validTokens.put(token, Instant.now().plusSeconds((lifetime != null && lifetime > 0) ? lifetime : 3600));
		StringBuilder json = new StringBuilder(
				"{\"id_token\":\"id-" + this.issued.get() + "\",\"token_type\":\"Bearer\",");
		if (lifetime != null) {
			json.append("\"expires_in\":").append(lifetime).append(',');
		}
		if (this.issueRefreshTokens) {
			json.append("\"refresh_token\":\"refresh-").append(this.issued.get()).append("\",");
		}
		json.append("\"access_token\":\"").append(token).append("\"}");
		return Response.json(200, json.toString());
	}

	private void api(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.getRequestBody().readAllBytes();
			this.apiRequests.incrementAndGet();
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			this.apiJournal
				.add(new ApiRequest(exchange.getRequestMethod(), exchange.getRequestURI().toString(), authorization));
			String token = (authorization != null && authorization.startsWith("Bearer ")) ? authorization.substring(7)
					: null;
			Instant expiry = (token != null) ? this.validTokens.get(token) : null;
			if (expiry == null || Instant.now().isAfter(expiry)) {
				send(exchange, Response.json(401, "{\"code\":16,\"message\":\"Unauthenticated\",\"details\":[]}"));
				return;
			}
			Response scripted;
			synchronized (this) {
				scripted = this.scriptedApiAnswers.poll();
			}
			send(exchange, (scripted != null) ? scripted
					: Response.json(200, "{\"path\":\"" + exchange.getRequestURI().getPath() + "\"}"));
		}
	}

	private void elsewhere(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.getRequestBody().readAllBytes();
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			this.apiJournal
				.add(new ApiRequest(exchange.getRequestMethod(), exchange.getRequestURI().toString(), authorization));
			send(exchange, Response.json(200, "{\"elsewhere\":true}"));
		}
	}

	private static void send(HttpExchange exchange, Response response) throws IOException {
		if (response.dropped()) {
			exchange.close();
			throw new IOException("connection dropped on purpose");
		}
		response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(response.status(), (body.length > 0) ? body.length : -1);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static void sleep(Duration delay) {
		if (!delay.isZero()) {
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	public record TokenRequest(String contentType, Map<String, String> parts) {
	}

	public record ApiRequest(String method, String uri, String authorization) {
	}

	public record Response(int status, String contentType, String body, Map<String, String> headers, boolean dropped) {

		public static Response json(int status, String body) {
			return new Response(status, "application/json", body, Map.of("Content-Type", "application/json"), false);
		}

		public static Response of(int status, String contentType, String body) {
			return new Response(status, contentType, body, Map.of("Content-Type", contentType), false);
		}

		public static Response droppedConnection() {
			return new Response(0, null, "", Map.of(), true);
		}

		public Response withHeader(String name, String value) {
			Map<String, String> all = new LinkedHashMap<>(this.headers);
			all.put(name, value);
			return new Response(this.status, this.contentType, this.body, all, this.dropped);
		}

	}

	/** Just enough multipart/form-data parsing to check what the starter sends. */
	static final class Multipart {

		private static final Pattern NAME = Pattern.compile("name=\"([^\"]*)\"");

		static Map<String, String> parse(String contentType, byte[] body) {
			Map<String, String> parts = new LinkedHashMap<>();
			if (contentType == null || !contentType.startsWith("multipart/form-data")) {
				return parts;
			}
			String boundary = contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
			String text = new String(body, StandardCharsets.UTF_8);
			for (String chunk : text.split("--" + Pattern.quote(boundary))) {
				int split = chunk.indexOf("\r\n\r\n");
				if (split < 0) {
					continue;
				}
				Matcher name = NAME.matcher(chunk.substring(0, split));
				if (name.find()) {
					String value = chunk.substring(split + 4);
					parts.put(name.group(1), value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value);
				}
			}
			return parts;
		}

	}

}
