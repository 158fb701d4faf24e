package io.github.wavestarter.test;

import io.github.wavestarter.test.fault.EndpointFaults;
import io.github.wavestarter.test.fault.FaultPlan;
import io.github.wavestarter.test.fault.FaultSpec;
import io.github.wavestarter.test.fault.FaultTarget;
import io.github.wavestarter.test.internal.BlueApi;
import io.github.wavestarter.test.internal.BlueService;
import io.github.wavestarter.test.internal.EmulatorSettings;
import io.github.wavestarter.test.internal.FaultApplier;
import io.github.wavestarter.test.internal.ResponseWriter;
import io.github.wavestarter.test.internal.TokenEndpoint;
import io.github.wavestarter.test.internal.TokenStore;
import io.github.wavestarter.test.internal.WaveRouter;
import io.github.wavestarter.test.journal.IssuedTokenSet;
import io.github.wavestarter.test.journal.RecordedApiRequest;
import io.github.wavestarter.test.journal.RecordedTokenRequest;
import io.github.wavestarter.test.journal.RequestJournal;
import io.github.wavestarter.test.stub.StubBuilder;
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
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.netty.DisposableServer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
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
 *     // point your client at wave.tokenUri(), wave.baseUrl(), wave.clientId(), wave.clientSecret()
 *     wave.token().failNext(1).withStatus(503).withRetryAfter(1);
 *     ...
 *     assertThat(wave.tokenRequestCount()).isEqualTo(2);
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
 * /cost/v1/{vendor}/costs:read} (stream; dates {@code yyyymmdd} or {@code yyyymm}); any
 * other operation can be {@linkplain #stub(String, String) stubbed} at its real path. A
 * path no endpoint or stub serves is answered as grpc-gateway does: HTTP 404 with
 * {@code {"code":5,"message":"Not Found","details":[]}}. Instances are thread-safe.
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

	private final EmulatorSettings settings;

	private final DisposableServer server;

	private final LoopResources loops;

	private final boolean https;

	private final TokenStore tokens;

	private final RequestJournal journal = new RequestJournal();

	private final FaultPlan faults = new FaultPlan();

	private final StubRegistry stubs = new StubRegistry();

	private final AtomicBoolean closed = new AtomicBoolean();

	private MockWaveServer(Builder builder) {
		this.settings = new EmulatorSettings(builder.clientId, builder.clientSecret, builder.username, builder.password,
				builder.clock, builder.accounts, builder.orgName, builder.streamBatchSize, builder.ripple);
		settings.expiresInSeconds = builder.expiresInSeconds;
		settings.omitExpiresIn = builder.omitExpiresIn;
		settings.lenientFormEncoding = builder.lenientFormEncoding;
		settings.refreshTokenGrant = builder.refreshTokenGrant;
		settings.costRowsPerRequest = builder.costRowsPerRequest;
		this.tokens = new TokenStore(builder.clock);
		ResponseWriter writer = new ResponseWriter(builder.streamBatchSize);
		FaultApplier faultApplier = new FaultApplier(writer);
		WaveRouter router = new WaveRouter(new TokenEndpoint(settings, tokens, journal, faults, faultApplier),
				new BlueApi(settings, tokens, journal, faults, stubs, faultApplier), writer, journal, builder.clock);
		settings.tokenResponseDelay = builder.tokenResponseDelay;
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

	/** Starts an emulator with default settings on a random loopback port. */
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
	 * @return whether the emulated API client is a Ripple client (see
	 * {@link Builder#ripple(boolean)})
	 */
	public boolean isRipple() {
		return settings.ripple;
	}

	/**
	 * @return {@code http://127.0.0.1:<port>/m/blue} ({@code https://} when
	 * {@linkplain #isHttps() HTTPS} is on), the value for {@code wave.base-url}
	 */
	public String baseUrl() {
		return rootUrl() + WaveRouter.API_BASE_PATH;
	}

	/**
	 * @return whether the server speaks HTTPS (see {@link Builder#https(SslContext)})
	 */
	public boolean isHttps() {
		return https;
	}

	/**
	 * @return the accepted client id
	 */
	public String clientId() {
		return settings.clientId;
	}

	/**
	 * @return the accepted client secret
	 */
	public String clientSecret() {
		return settings.clientSecret;
	}

	/**
	 * @return the user name accepted by the password grant
	 */
	public String username() {
		return settings.username;
	}

	/**
	 * @return the password accepted by the password grant
	 */
	public String password() {
		return settings.password;
	}

	/**
	 * @return the data set served by the accounts endpoints
	 */
	public List<MockAccount> accounts() {
		return settings.accounts;
	}

	// ---------------------------------------------------------------- runtime settings

	/**
	 * Sets the {@code expires_in} of tokens issued from now on; it is enforced when &gt;
	 * 0.
	 */
	public MockWaveServer setTokenExpiresIn(Duration expiresIn) {
		settings.expiresInSeconds = expiresIn.toSeconds();
		settings.omitExpiresIn = false;
		return this;
	}

	/** Leaves {@code expires_in} out of token responses; such tokens never expire. */
	public MockWaveServer omitExpiresIn() {
		settings.omitExpiresIn = true;
		return this;
	}

	/**
	 * Also accepts {@code application/x-www-form-urlencoded} token requests when
	 * {@code true}.
	 */
	public MockWaveServer setLenientFormEncoding(boolean lenient) {
		settings.lenientFormEncoding = lenient;
		return this;
	}

	/**
	 * Delays every token endpoint answer from now on (a slow identity provider), e.g. to
	 * let concurrent callers pile up or to trigger client timeouts. Unlike a
	 * {@linkplain FaultSpec#withDelay(Duration) fault delay} it applies to every request
	 * until changed, and it comes before any armed fault. {@link Duration#ZERO} turns it
	 * off.
	 */
	public MockWaveServer setTokenResponseDelay(Duration delay) {
		if (Objects.requireNonNull(delay, "delay").isNegative()) {
			throw new IllegalArgumentException("delay must not be negative");
		}
		settings.tokenResponseDelay = delay;
		return this;
	}

	/** Enables or disables the {@code refresh_token} grant. */
	public MockWaveServer setRefreshTokenGrantEnabled(boolean enabled) {
		settings.refreshTokenGrant = enabled;
		return this;
	}

	/**
	 * Sets the number of rows every {@code costs:read} answers; &lt;= 0 restores one per
	 * day/account/service.
	 */
	public MockWaveServer setCostRowsPerRequest(long rows) {
		settings.costRowsPerRequest = rows;
		return this;
	}

	// ---------------------------------------------------------------- faults and stubs

	/**
	 * @return fault injection for the token endpoint, e.g.
	 * {@code token().failNext(2).withStatus(503)}
	 */
	public EndpointFaults token() {
		return new EndpointFaults(faults, FaultTarget.token());
	}

	/**
	 * @return fault injection for every Blue API call
	 */
	public EndpointFaults api() {
		return new EndpointFaults(faults, FaultTarget.allApi());
	}

	/**
	 * @param pathTemplate API path relative to {@link #baseUrl()}, starting with the
	 * service base, e.g. {@code /cost/v1/aws/costs:read} or
	 * {@code /cost/v1/{vendor}/accounts/{id}}
	 * @return fault injection for that path (any method)
	 * @throws IllegalArgumentException if no Blue API service serves the path
	 */
	public EndpointFaults api(String pathTemplate) {
		FaultTarget target = FaultTarget.apiPath(pathTemplate);
		BlueService.requireServed(target.pathTemplate());
		return new EndpointFaults(faults, target);
	}

	/**
	 * Arms a fault for {@code times} requests matching {@code target}; same as the fluent
	 * entry points.
	 */
	public FaultSpec enqueueFault(FaultTarget target, int times) {
		return faults.arm(target, times);
	}

	/**
	 * @return the armed faults that still have uses left
	 */
	public List<FaultSpec> pendingFaults() {
		return faults.pending();
	}

	/**
	 * Stubs a Blue API endpoint (overrides built-ins). Stubbed calls still need a valid
	 * token.
	 * @param method HTTP method
	 * @param pathTemplate the real path relative to {@link #baseUrl()}: the service base
	 * followed by the path of the operation in the API reference, e.g.
	 * {@code /billing/v1/billinggroups} or {@code /cost/v1/{vendor}/budgets};
	 * {@code {name}} matches one segment
	 * @throws IllegalArgumentException if no Blue API service serves the path (such as
	 * {@code /v1/aws/budgets}, which lacks Cost's base {@code /cost})
	 */
	public StubBuilder stub(String method, String pathTemplate) {
		StubBuilder builder = new StubBuilder(stubs, method, pathTemplate);
		BlueService.requireServed(builder.pathTemplate());
		return builder;
	}

	// ---------------------------------------------------------------- tokens

	/**
	 * Issues a valid access token directly, without an HTTP request (not journaled), for
	 * tests that only exercise the Blue API.
	 */
	public String issueAccessToken() {
		return tokens
			.issue(settings.clientId, settings.clientId, "client_credentials",
					settings.omitExpiresIn ? 0 : settings.expiresInSeconds)
			.accessToken();
	}

	/**
	 * Revokes every access and refresh token issued so far: the API answers 401 (code 16)
	 * for them.
	 */
	public void revokeAllTokens() {
		tokens.revokeAll();
	}

	/**
	 * Every token set issued since start, oldest first, including revoked and expired
	 * ones and those of {@link #issueAccessToken()}; not cleared by {@link #reset()}.
	 * Useful to assert that no token value ever reaches a log.
	 * @return the issued token sets (their {@code toString()} masks the values)
	 */
	public List<IssuedTokenSet> issuedTokens() {
		return tokens.issued();
	}

	/**
	 * @return number of issued, not revoked access tokens (expired ones included)
	 */
	public int activeTokenCount() {
		return tokens.activeCount();
	}

	// ---------------------------------------------------------------- journal

	/**
	 * @return every token request since start or the last {@link #reset()}, oldest first
	 */
	public List<RecordedTokenRequest> tokenRequests() {
		return journal.tokenRequests();
	}

	/**
	 * @return every API request since start or the last {@link #reset()}, oldest first
	 */
	public List<RecordedApiRequest> apiRequests() {
		return journal.apiRequests();
	}

	/**
	 * Requests to any path other than the token endpoint and the Blue API base path
	 * (answered {@code 404}), oldest first, with the full request path. Lets a test
	 * assert that a client sends no credentials outside the Blue API:
	 * {@code assertThat(server.strayRequests()).noneMatch(RecordedApiRequest::hasAuthorization)}.
	 * @return the stray requests since start or the last {@link #reset()}
	 */
	public List<RecordedApiRequest> strayRequests() {
		return journal.strayRequests();
	}

	/**
	 * @return the most recent token request, or {@code null}
	 */
	public @Nullable RecordedTokenRequest lastTokenRequest() {
		List<RecordedTokenRequest> all = journal.tokenRequests();
		return all.isEmpty() ? null : all.get(all.size() - 1);
	}

	/**
	 * @return the most recent API request, or {@code null}
	 */
	public @Nullable RecordedApiRequest lastApiRequest() {

		List<RecordedApiRequest> all = journal.apiRequests();
		return all.isEmpty() ? null : all.get(all.size() - 1);
	}

	/**
	 * @return exact number of token endpoint requests since start or the last
	 * {@link #reset()}
	 */
	public long tokenRequestCount() {
		return journal.tokenRequestCount();
	}

	/**
	 * @return exact number of Blue API requests since start or the last {@link #reset()}
	 */
	public long apiRequestCount() {
		return journal.apiRequestCount();
	}

	/**
	 * Clears journal, counters, armed faults and stubs. Issued tokens and settings stay.
	 */
	public void reset() {
		faults.clear();
		stubs.clear();
		journal.clear();
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

	/** Builder for {@link MockWaveServer}. All settings have working defaults. */
	public static final class Builder {

		private int port;

		private String clientId = DEFAULT_CLIENT_ID;

		private String clientSecret = DEFAULT_CLIENT_SECRET;

		private String username = DEFAULT_USERNAME;

		private String password = DEFAULT_PASSWORD;

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

		private Builder() {
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
		 * {@link MockWaveServer#setTokenResponseDelay(Duration)}.
		 */
		public Builder tokenResponseDelay(Duration delay) {
			if (Objects.requireNonNull(delay, "delay").isNegative()) {
				throw new IllegalArgumentException("delay must not be negative");
			}
			this.tokenResponseDelay = delay;
			return this;
		}

		/** Fixed port; default 0 picks a free one. */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/** Accepted client id (default {@value #DEFAULT_CLIENT_ID}). */
		public Builder clientId(String clientId) {
			this.clientId = Objects.requireNonNull(clientId);
			return this;
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
