package io.github.wavestarter.test;

import io.github.wavestarter.test.fault.FaultPlan;
import io.github.wavestarter.test.internal.Account;
import io.github.wavestarter.test.internal.BlueApi;
import io.github.wavestarter.test.internal.BlueService;
import io.github.wavestarter.test.internal.Client;
import io.github.wavestarter.test.internal.EmulatorSettings;
import io.github.wavestarter.test.internal.FaultApplier;
import io.github.wavestarter.test.internal.FinOps;
import io.github.wavestarter.test.internal.Json;
import io.github.wavestarter.test.internal.LongRunningOperations;
import io.github.wavestarter.test.internal.RateLimiter;
import io.github.wavestarter.test.internal.ResponseWriter;
import io.github.wavestarter.test.internal.TokenEndpoint;
import io.github.wavestarter.test.internal.TokenStore;
import io.github.wavestarter.test.internal.WaveRouter;
import io.github.wavestarter.test.journal.RequestJournal;
import io.github.wavestarter.test.stub.StubRegistry;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;

/**
 * In-process emulator of the Alphaus token endpoints
 * ({@code https://login.alphaus.cloud/access_token} for Wave,
 * {@code https://login.alphaus.cloud/ripple/access_token} for Ripple) and the Blue API
 * ({@code https://api.alphaus.cloud/m/blue}), running on a real Reactor Netty server on a
 * random loopback port. Strict like the real service, deterministic, with fault injection
 * and a request journal.
 *
 * <pre>{@code
 * try (MockWaveServer wave = MockWaveServer.start()) {
 *     // point your client at wave.springProperties(): wave.token-uri, wave.base-url, ...
 *     wave.faults().token().failNext(1).withStatus(503).withRetryAfter(1);
 *     ...
 *     assertThat(wave.journal().tokenRequestCount()).isEqualTo(2);
 * }
 * }</pre>
 *
 * <p>
 * Each Blue API service is served under its real base, as in the API reference: Iam,
 * Organization, Admin, Operations, Flags and Preferences at {@code /m/blue}
 * ({@code /m/blue/iam/v1/whoami}), Cost at {@code /m/blue/cost}
 * ({@code /m/blue/cost/v1/aws/costs:read}), Billing at {@code /m/blue/billing}, Cover,
 * Pricing, Flow, Prism, Vortex and Luster at {@code /m/blue/<name>},
 * GuaranteedCommitments at {@code /m/blue/gc}. Built-in endpoints:
 * {@code GET /iam/v1/whoami}, {@code GET /org/v1}, {@code GET /cost/v1/{vendor}/accounts}
 * (stream), {@code GET /cost/v1/{vendor}/accounts/{id}} and {@code POST
 * /cost/v1/{vendor}/costs:read} (stream; dates {@code yyyymmdd} or {@code yyyymm}), and
 * the operations the starter types: Cost adjustments, tag and non-tag costs, cost
 * attributes, payers, tags, forecasts, account budgets (get, create), budget alerts,
 * {@code costs:calculate}, calculations history, {@code reports:export}, invoice
 * readiness; Billing groups (stream, paginated, get), invoices (list, get, export),
 * invoice adjustments, exchange rates, resellers; Cover anomaly alerts; and {@code GET
 * /ops/v1/{name}}, where the operations that {@code costs:calculate} and
 * {@code reports:export} start are done after {@linkplain Builder#operationPolls(int) K
 * polls}. Their data is derived from the {@linkplain Builder#accounts(List) accounts},
 * the {@linkplain Builder#orgName(String) organization name}, the request and the
 * {@linkplain Builder#clock(Clock) clock}: three billing groups
 * ({@code mock-billing-group} with every account, {@code mock-billing-group-tags} with
 * two tags, {@code mock-billing-group-sandbox}), one AWS payer. They refuse what Alphaus
 * refuses: missing required fields, unknown fields, malformed dates. Any other operation
 * can be {@linkplain #stubs() stubbed} at its real path. A path no endpoint or stub
 * serves is answered as grpc-gateway does: HTTP 404 with {@code {"code":5,"message":"Not
 * Found","details":[]}}. Instances are thread-safe.
 *
 * <p>
 * The token endpoint knows a default API client ({@link #clientId()}) and the
 * {@linkplain Builder#client(MockApiClient) extra clients} of the builder, for MSPs and
 * resellers that hold several clients. Every issued token is bound to the client that
 * obtained it: the Blue API accepts any valid token, {@code GET /iam/v1/whoami} answers
 * for the token's client ({@code metadata.clientId}), and the journal attributes each
 * request to its client ({@link RequestJournal#apiRequests(String)},
 * {@link RequestJournal#tokenRequestCount(String)}). A {@linkplain Builder#rateLimit(int)
 * rate limit} per client, as strict as the documented one of Alphaus, can be switched on.
 *
 * <p>
 * The server runs on its own event loop (daemon threads), so it survives an application
 * context under test that disposes Reactor Netty's global resources when it closes. It
 * speaks plain HTTP unless {@linkplain Builder#https(SslContext) HTTPS} is configured.
 */
public final class MockWaveServer implements AutoCloseable {

	/** Default OAuth2 client id. */
	public static final String DEFAULT_CLIENT_ID = "test-client-id";

	/** Default OAuth2 client secret. */
	public static final String DEFAULT_CLIENT_SECRET = "test-client-secret";

	/** Default user name for the password grant. */
	public static final String DEFAULT_USERNAME = "test-user@example.com";

	/** Default password for the password grant. */
	public static final String DEFAULT_PASSWORD = "test-password";

	/** Default {@code expires_in} in seconds, as answered by the real endpoint. */
	public static final long DEFAULT_EXPIRES_IN_SECONDS = 86400;

	/** Default prefix of the Spring properties, {@code wave}. */
	public static final String DEFAULT_PROPERTY_PREFIX = "wave";

	private final EmulatorSettings settings;

	private final RuntimeDefaults runtimeDefaults;

	private final Clock clock;

	private final List<MockAccount> accounts;

	private final List<MockApiClient> clients;

	private final DisposableServer server;

	private final LoopResources loops;

	private final boolean https;

	private final MockWaveTokens tokens;

	private final RequestJournal journal = new RequestJournal();

	private final FaultPlan faults = new FaultPlan(BlueService::requireServed);

	private final StubRegistry stubs = new StubRegistry(BlueService::requireServed, Json::write);

	private final AtomicBoolean closed = new AtomicBoolean();

	private final FinOps finOps;

	private final RateLimiter rateLimiter;

	private final int builtRateLimit;

	private MockWaveServer(Builder builder) {
		List<Account> data = builder.accounts.stream().map(a -> new Account(a.vendor(), a.id(), a.name())).toList();
		this.clients = List.copyOf(builder.clients.values());
		Builder.requireNoExtraClientWithId(builder.clients, builder.clientId);
		List<Client> extraClients = clients.stream()
			.map(c -> new Client(c.clientId(), c.clientSecret(), c.username(), c.password()))
			.toList();
		this.settings = new EmulatorSettings(builder.clientId, builder.clientSecret, builder.username, builder.password,
				extraClients, builder.clock, data, builder.orgName, builder.streamBatchSize, builder.ripple);
		this.runtimeDefaults = new RuntimeDefaults(builder.expiresInSeconds, builder.omitExpiresIn,
				builder.lenientFormEncoding, builder.refreshTokenGrant, builder.costRowsPerRequest,
				builder.tokenResponseDelay);
		runtimeDefaults.applyTo(settings);
		this.clock = builder.clock;
		this.accounts = builder.accounts;
		TokenStore store = new TokenStore(builder.clock);
		this.tokens = new MockWaveTokens(settings, store);
		ResponseWriter writer = new ResponseWriter(builder.streamBatchSize);
		FaultApplier faultApplier = new FaultApplier(writer);
		this.finOps = new FinOps(settings, new LongRunningOperations(builder.operationPolls));
		this.builtRateLimit = builder.rateLimit;
		this.rateLimiter = new RateLimiter(builder.rateLimit, builder.rateLimitNanoTime);
		WaveRouter router = new WaveRouter(new TokenEndpoint(settings, store, journal, faults, faultApplier),
				new BlueApi(settings, store, journal, faults, stubs, faultApplier, finOps, rateLimiter), writer,
				journal, builder.clock);
		this.loops = LoopResources.create("mock-wave", 1, true);
		HttpServer http = HttpServer.create().runOn(loops).host("127.0.0.1").port(builder.port).handle(router::route);
		SslContext sslContext = builder.sslContext;
		if (sslContext != null) {
			http = http.secure(spec -> spec.sslContext(sslContext));
		}
		this.https = sslContext != null;
		try {
			this.server = http.bindNow(Duration.ofSeconds(10));
		}
		catch (RuntimeException e) {
			loops.dispose();
			throw e;
		}
	}

	/**
	 * Starts an emulator with default settings on a random loopback port.
	 * @return the running emulator
	 */
	public static MockWaveServer start() {
		return builder().start();
	}

	/**
	 * @return a builder for a customized emulator
	 */
	public static Builder builder() {
		return new Builder();
	}

	// ---------------------------------------------------------------- addresses and
	// credentials

	/**
	 * @return the bound port
	 */
	public int port() {
		return server.port();
	}

	/**
	 * @return {@code http://127.0.0.1:<port>} ({@code https://} when
	 * {@linkplain #isHttps() HTTPS} is on), without trailing slash
	 */
	public String rootUrl() {
		return (https ? "https" : "http") + "://127.0.0.1:" + port();
	}

	/**
	 * @return the token endpoint that knows the emulated API client, the value for
	 * {@code wave.token-uri}: {@code http://127.0.0.1:<port>/access_token}, or
	 * {@code .../ripple/access_token} for a {@linkplain Builder#ripple(boolean) Ripple}
	 * client ({@code https://} when {@linkplain #isHttps() HTTPS} is on)
	 */
	public String tokenUri() {
		return rootUrl() + settings.tokenPath();
	}

	/**
	 * @return {@code http://127.0.0.1:<port>/m/blue} ({@code https://} when
	 * {@linkplain #isHttps() HTTPS} is on), the value for {@code wave.base-url}
	 */
	public String baseUrl() {
		return rootUrl() + WaveRouter.API_BASE_PATH;
	}

	/**
	 * @return whether the emulated API client is a Ripple client (see
	 * {@link Builder#ripple(boolean)})
	 */
	public boolean isRipple() {
		return settings.ripple;
	}

	/**
	 * @return whether the server speaks HTTPS (see {@link Builder#https(SslContext)})
	 */
	public boolean isHttps() {
		return https;
	}

	/**
	 * @return the accepted client id of the default client
	 */
	public String clientId() {
		return settings.clientId;
	}

	/**
	 * @return the accepted client secret of the default client
	 */
	public String clientSecret() {
		return settings.clientSecret;
	}

	/**
	 * @return the user name accepted by the password grant of the default client
	 */
	public String username() {
		return settings.username;
	}

	/**
	 * @return the password accepted by the password grant of the default client
	 */
	public String password() {
		return settings.password;
	}

	/**
	 * @return the extra API clients the token endpoint knows besides the default one
	 * ({@link #clientId()}), in the order they were added to the builder
	 * @see Builder#client(MockApiClient)
	 */
	public List<MockApiClient> clients() {
		return clients;
	}

	/**
	 * @return the data set served by the accounts endpoints
	 */
	public List<MockAccount> accounts() {
		return accounts;
	}

	/**
	 * @return the clock of issue and expiry times, journal timestamps and default cost
	 * dates (see {@link Builder#clock(Clock)})
	 */
	public Clock clock() {
		return clock;
	}

	/**
	 * The Spring properties that point the starter at this emulator:
	 * {@code wave.token-uri}, {@code wave.base-url}, {@code wave.client-id} and
	 * {@code wave.client-secret}, then {@code wave.clients.<name>.client-id} and
	 * {@code wave.clients.<name>.client-secret} for each {@linkplain #clients() extra
	 * client} with a name, e.g. for
	 * {@code new ApplicationContextRunner().withPropertyValues(...)} or a
	 * {@code MapPropertySource}.
	 * @return the properties, in that order
	 */
	public Map<String, String> springProperties() {
		return springProperties(DEFAULT_PROPERTY_PREFIX, false);
	}

	/**
	 * The Spring properties that point a client at this emulator:
	 * {@code <prefix>.token-uri}, {@code <prefix>.base-url}, {@code <prefix>.client-id},
	 * {@code <prefix>.client-secret} and, with {@code userProperties},
	 * {@code <prefix>.username} and {@code <prefix>.password}; then, for each
	 * {@linkplain #clients() extra client} with a name, in the order they were added,
	 * {@code <prefix>.clients.<name>.client-id},
	 * {@code <prefix>.clients.<name>.client-secret} and, with {@code userProperties} and
	 * if the client has a user, {@code <prefix>.clients.<name>.username} and
	 * {@code <prefix>.clients.<name>.password}. The named clients inherit the token URI
	 * and the base URL from {@code <prefix>.token-uri} and {@code <prefix>.base-url}.
	 * @param prefix the property prefix, e.g. {@code wave}; empty for none
	 * @param userProperties whether to add the users of the password grant
	 * @return the properties, in that order
	 */
	public Map<String, String> springProperties(String prefix, boolean userProperties) {
		String p = prefix.isEmpty() ? "" : prefix + ".";
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(p + "token-uri", tokenUri());
		properties.put(p + "base-url", baseUrl());
		properties.put(p + "client-id", clientId());
		properties.put(p + "client-secret", clientSecret());
		if (userProperties) {
			properties.put(p + "username", username());
			properties.put(p + "password", password());
		}
		for (MockApiClient client : clients) {
			String name = client.name();
			if (name == null) {
				continue;
			}
			String c = p + "clients." + name + ".";
			properties.put(c + "client-id", client.clientId());
			properties.put(c + "client-secret", client.clientSecret());
			String user = client.username();
			String userPassword = client.password();
			if (userProperties && user != null && userPassword != null) {
				properties.put(c + "username", user);
				properties.put(c + "password", userPassword);
			}
		}
		return Collections.unmodifiableMap(properties);
	}

	// ---------------------------------------------------------------- views

	/**
	 * @return the journal of token, API and stray requests, e.g.
	 * {@code journal().tokenRequestCount()}
	 */
	public RequestJournal journal() {
		return journal;
	}

	/**
	 * @return the issued tokens and the token endpoint's settings, e.g.
	 * {@code tokens().revokeAll()}
	 */
	public MockWaveTokens tokens() {
		return tokens;
	}

	/**
	 * @return the fault injection, e.g.
	 * {@code faults().token().failNext(2).withStatus(503)}
	 */
	public FaultPlan faults() {
		return faults;
	}

	/**
	 * @return the stubbed Blue API endpoints, e.g.
	 * {@code stubs().stub("GET", "/billing/v1/billinggroups").thenStream(groups)}
	 */
	public StubRegistry stubs() {
		return stubs;
	}

	/**
	 * Sets the number of rows every {@code costs:read} answers until {@link #reset()};
	 * &lt;= 0 restores one per day/account/service.
	 * @param rows rows per answer
	 * @return this
	 */
	public MockWaveServer setCostRowsPerRequest(long rows) {
		settings.costRowsPerRequest = rows;
		return this;
	}

	/**
	 * Sets the rate limit of the Blue API until {@link #reset()} (see
	 * {@link Builder#rateLimit(int)}); every client starts again with a full bucket of
	 * the new size.
	 * @param requestsPerSecond requests per second per client; {@code 0} turns the limit
	 * off
	 * @return this
	 * @throws IllegalArgumentException if {@code requestsPerSecond} is negative
	 */
	public MockWaveServer setRateLimit(int requestsPerSecond) {
		rateLimiter.setRequestsPerSecond(requestsPerSecond);
		return this;
	}

	/**
	 * @return the rate limit of the Blue API in requests per second per client, {@code 0}
	 * when off (see {@link Builder#rateLimit(int)} and {@link #setRateLimit(int)})
	 */
	public int rateLimit() {
		return rateLimiter.requestsPerSecond();
	}

	// ---------------------------------------------------------------- lifecycle

	/**
	 * Clears the per-test state: journal and counters, armed faults and stubs, the
	 * budgets created and the long-running operations started (their names start again at
	 * {@code -1}), and restores the settings changed at runtime (through
	 * {@link #tokens()}, {@link #setCostRowsPerRequest(long)} and
	 * {@link #setRateLimit(int)}) to those it was built with; every client's rate limit
	 * bucket is full again. The declared {@linkplain #clients() clients} stay known, and
	 * the tokens issued to any client stay valid and bound to it.
	 */
	public void reset() {
		finOps.reset();
		faults.clear();
		stubs.clear();
		journal.clear();
		runtimeDefaults.applyTo(settings);
		rateLimiter.setRequestsPerSecond(builtRateLimit);
	}

	/** Stops the server; idempotent. */
	@Override
	public void close() {
		if (closed.compareAndSet(false, true)) {
			try {
				server.disposeNow(Duration.ofSeconds(2));
			}
			catch (RuntimeException e) {
				// connections still streaming are cut; nothing else to do
			}
			finally {
				loops.disposeLater(Duration.ZERO, Duration.ofSeconds(2)).subscribe(null, e -> {
				});
			}
		}
	}

	/**
	 * @return whether {@link #close()} was called
	 */
	public boolean isClosed() {
		return closed.get();
	}

	@Override
	public String toString() {
		return "MockWaveServer[" + baseUrl() + "]";
	}

	/** The runtime settings as built, restored by {@link #reset()}. */
	private record RuntimeDefaults(long expiresInSeconds, boolean omitExpiresIn, boolean lenientFormEncoding,
			boolean refreshTokenGrant, long costRowsPerRequest, Duration tokenResponseDelay) {

		void applyTo(EmulatorSettings settings) {
			settings.expiresInSeconds = expiresInSeconds;
			settings.omitExpiresIn = omitExpiresIn;
			settings.lenientFormEncoding = lenientFormEncoding;
			settings.refreshTokenGrant = refreshTokenGrant;
			settings.costRowsPerRequest = costRowsPerRequest;
			settings.tokenResponseDelay = tokenResponseDelay;
		}

	}

	/** Builder for {@link MockWaveServer}. All settings have working defaults. */
	public static final class Builder {

		private int port;

		private String clientId = DEFAULT_CLIENT_ID;

		private String clientSecret = DEFAULT_CLIENT_SECRET;

		private String username = DEFAULT_USERNAME;

		private String password = DEFAULT_PASSWORD;

		private final Map<String, MockApiClient> clients = new LinkedHashMap<>();

		private long expiresInSeconds = DEFAULT_EXPIRES_IN_SECONDS;

		private boolean omitExpiresIn;

		private boolean lenientFormEncoding;

		private boolean refreshTokenGrant = true;

		private Clock clock = Clock.systemUTC();

		private List<MockAccount> accounts = MockAccount.defaults();

		private String orgName = "mock-org";

		private long costRowsPerRequest;

		private int streamBatchSize = 256;

		private Duration tokenResponseDelay = Duration.ZERO;

		private SslContext sslContext;

		private boolean ripple;

		private int operationPolls = 2;

		private int rateLimit;

		private LongSupplier rateLimitNanoTime = System::nanoTime;

		private Builder() {
		}

		/**
		 * Limits the Blue API to this many requests per second per client, as Alphaus
		 * documents (100 API calls per second per user); {@code 0}, the default, turns
		 * the limit off. Every Blue API request with a valid bearer token counts against
		 * the client that obtained the token, whatever its path; requests without a valid
		 * token (answered {@code 401}) and token endpoint requests do not count. Each
		 * client has a token bucket of {@code requestsPerSecond} requests, full at its
		 * first request, refilled continuously at {@code requestsPerSecond} per second
		 * (measured with {@code System.nanoTime()}, not the {@linkplain #clock(Clock)
		 * clock}). A request that finds its client's bucket empty is answered before
		 * anything else (stubs, faults, data) and without consuming anything: HTTP
		 * {@code 429} with {@code {"code":8,"message":"rate limit exceeded: <N> requests
		 * per second per client","details":[]}} and a {@code Retry-After} header, the
		 * whole seconds until the bucket holds one request again, rounded up, at least 1.
		 * Such requests are journaled as API requests and as
		 * {@linkplain RequestJournal#rateLimitedRequests() rate-limited requests}.
		 * @param requestsPerSecond requests per second per client, {@code 0} for no limit
		 * @return this
		 * @throws IllegalArgumentException if {@code requestsPerSecond} is negative
		 * @see MockWaveServer#setRateLimit(int)
		 */
		public Builder rateLimit(int requestsPerSecond) {
			this.rateLimit = RateLimiter.requireValid(requestsPerSecond);
			return this;
		}

		/**
		 * Replaces {@code System.nanoTime()} as the time source of the rate limit, for
		 * tests of the refill arithmetic.
		 * @param nanoTime a monotonic time source in nanoseconds
		 * @return this
		 */
		Builder rateLimitNanoTime(LongSupplier nanoTime) {
			this.rateLimitNanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
			return this;
		}

		/**
		 * Polls of {@code GET /ops/v1/{name}} after which a long-running operation
		 * ({@code costs:calculate}, {@code reports:export}) is {@code done} (default 2:
		 * the first poll answers it running, the second done); {@code 0} answers it done
		 * at once.
		 */
		public Builder operationPolls(int polls) {
			if (polls < 0) {
				throw new IllegalArgumentException("operationPolls must be >= 0");
			}
			this.operationPolls = polls;
			return this;
		}

		/**
		 * With {@code true}, emulates a Ripple API client instead of a Wave one: only the
		 * Ripple token endpoint ({@code /ripple/access_token},
		 * {@link MockWaveServer#tokenUri()}) knows it, and the Wave endpoint
		 * ({@code /access_token}) answers {@code invalid_client}, as Alphaus does for a
		 * client of the other product. The default is a Wave client, unknown to the
		 * Ripple endpoint.
		 */
		public Builder ripple(boolean ripple) {
			this.ripple = ripple;
			return this;
		}

		/**
		 * Serves HTTPS with this server context; {@link MockWaveServer#tokenUri()} and
		 * {@link MockWaveServer#baseUrl()} then start with {@code https://127.0.0.1}. The
		 * client must trust the certificate (e.g. through a Spring Boot SSL bundle),
		 * which should name {@code 127.0.0.1} as IP subject alternative name.
		 */
		public Builder https(SslContext serverContext) {
			Objects.requireNonNull(serverContext, "serverContext");
			if (!serverContext.isServer()) {
				throw new IllegalArgumentException("serverContext must be a server-side SslContext");
			}
			this.sslContext = serverContext;
			return this;
		}

		/**
		 * Serves HTTPS with the private key and certificate chain of a key store (e.g. a
		 * PKCS12 file made with {@code keytool -genkeypair ... -ext SAN=ip:127.0.0.1}).
		 * @param keyStore a loaded key store with one private key entry
		 * @param keyPassword the password of the key
		 * @see #https(SslContext)
		 */
		public Builder https(KeyStore keyStore, char[] keyPassword) {
			Objects.requireNonNull(keyStore, "keyStore");
			try {
				if (!hasKeyEntry(keyStore)) {
					throw new IllegalArgumentException("The key store for HTTPS has no private key entry");
				}
				KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
				keyManagers.init(keyStore, keyPassword);
				return https(SslContextBuilder.forServer(keyManagers).build());
			}
			catch (GeneralSecurityException | SSLException e) {
				throw new IllegalArgumentException("Cannot use the key store for HTTPS: " + e.getMessage(), e);
			}
		}

		private static boolean hasKeyEntry(KeyStore keyStore) throws KeyStoreException {
			for (String alias : Collections.list(keyStore.aliases())) {
				if (keyStore.isKeyEntry(alias)) {
					return true;
				}
			}
			return false;
		}

		/**
		 * Delays every token endpoint answer (default none); see
		 * {@link MockWaveTokens#responseDelay(Duration)}.
		 */
		public Builder tokenResponseDelay(Duration delay) {
			this.tokenResponseDelay = MockWaveTokens.requireNotNegative(delay);
			return this;
		}

		/** Fixed port; default 0 picks a free one. */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Accepted client id of the default client (default {@value #DEFAULT_CLIENT_ID}).
		 */
		public Builder clientId(String clientId) {
			requireNoExtraClientWithId(clients, Objects.requireNonNull(clientId));
			this.clientId = clientId;
			return this;
		}

		/**
		 * Adds an API client without name and without user that the token endpoint knows
		 * besides the default one; shorthand for
		 * {@code client(MockApiClient.of(clientId, clientSecret))}.
		 * @param clientId its client id, unique among the clients of the emulator
		 * @param clientSecret its client secret
		 * @return this
		 * @throws IllegalArgumentException if the emulator already knows a client with
		 * this id
		 * @see #client(MockApiClient)
		 */
		public Builder client(String clientId, String clientSecret) {
			return client(MockApiClient.of(clientId, clientSecret));
		}

		/**
		 * Adds an API client that the token endpoint knows besides the default one. It
		 * obtains tokens with its own credentials (and its own user, if it has one) from
		 * the same token endpoint; the tokens are bound to it, its refresh tokens serve
		 * it only, and the journal attributes the API requests carrying its tokens to it
		 * ({@link RequestJournal#apiRequests(String)}). A client with a name also appears
		 * in {@link MockWaveServer#springProperties(String, boolean)}. May be called
		 * several times.
		 * @param client the client
		 * @return this
		 * @throws IllegalArgumentException if the emulator already knows a client with
		 * this id (the default client included) or a client with this name
		 */
		public Builder client(MockApiClient client) {
			Objects.requireNonNull(client, "client");
			if (client.clientId().equals(clientId) || clients.containsKey(client.clientId())) {
				throw new IllegalArgumentException("Duplicate client id '" + client.clientId()
						+ "': every client of a MockWaveServer needs its own client id");
			}
			String name = client.name();
			if (name != null && clients.values().stream().anyMatch(c -> name.equals(c.name()))) {
				throw new IllegalArgumentException("Duplicate client name '" + name
						+ "': every named client of a MockWaveServer needs its own name");
			}
			clients.put(client.clientId(), client);
			return this;
		}

		static void requireNoExtraClientWithId(Map<String, MockApiClient> clients, String clientId) {
			if (clients.containsKey(clientId)) {
				throw new IllegalArgumentException("Duplicate client id '" + clientId
						+ "': every client of a MockWaveServer needs its own client id");
			}
		}

		/** Accepted client secret (default {@value #DEFAULT_CLIENT_SECRET}). */
		public Builder clientSecret(String clientSecret) {
			this.clientSecret = Objects.requireNonNull(clientSecret);
			return this;
		}

		/** User for the password grant. */
		public Builder user(String username, String password) {
			this.username = Objects.requireNonNull(username);
			this.password = Objects.requireNonNull(password);
			return this;
		}

		/**
		 * {@code expires_in} of issued tokens (whole seconds, default 86400). Enforced by
		 * the API when &gt; 0; {@code Duration.ZERO} answers {@code "expires_in":0} with
		 * tokens that never expire.
		 */
		public Builder tokenExpiresIn(Duration expiresIn) {
			this.expiresInSeconds = expiresIn.toSeconds();
			return this;
		}

		/** Leaves {@code expires_in} out of token responses; such tokens never expire. */
		public Builder omitExpiresIn() {
			this.omitExpiresIn = true;
			return this;
		}

		/**
		 * Also accept {@code application/x-www-form-urlencoded} token requests (default:
		 * multipart only).
		 */
		public Builder lenientFormEncoding(boolean lenient) {
			this.lenientFormEncoding = lenient;
			return this;
		}

		/** Enables the {@code refresh_token} grant (default {@code true}). */
		public Builder refreshTokenGrant(boolean enabled) {
			this.refreshTokenGrant = enabled;
			return this;
		}

		/**
		 * Clock for issue/expiry times, journal timestamps and default cost dates
		 * (default system UTC).
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock);
			return this;
		}

		/** Replaces the account data set. */
		public Builder accounts(List<MockAccount> accounts) {
			this.accounts = List.copyOf(accounts);
			return this;
		}

		/** Adds an account to the data set. */
		public Builder addAccount(MockAccount account) {
			List<MockAccount> copy = new ArrayList<>(accounts);
			copy.add(account);
			this.accounts = List.copyOf(copy);
			return this;
		}

		/**
		 * Organization name returned by {@code GET /org/v1} (default {@code mock-org}).
		 */
		public Builder orgName(String orgName) {
			this.orgName = Objects.requireNonNull(orgName);
			return this;
		}

		/**
		 * Rows per {@code costs:read} answer; default one per day, account and service.
		 */
		public Builder costRowsPerRequest(long rows) {
			this.costRowsPerRequest = rows;
			return this;
		}

		/** Stream lines per written chunk (default 256). */
		public Builder streamBatchSize(int lines) {
			if (lines < 1) {
				throw new IllegalArgumentException("streamBatchSize must be >= 1");
			}
			this.streamBatchSize = lines;
			return this;
		}

		/** Starts the emulator. */
		public MockWaveServer start() {
			return new MockWaveServer(this);
		}

	}

}
