package io.github.wavestarter.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.wavestarter.blue.BlueStreams;
import io.github.wavestarter.token.WaveGrantType;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Wave starter, bound from the {@code wave.*} properties.
 * <p>
 * Credentials fall back to the environment variables of the official Alphaus SDKs, read
 * as the SDKs read them (see
 * {@link io.github.wavestarter.autoconfigure.AlphausVariables}): the first complete pair
 * of {@code ALPHAUS_CLIENT_ID}/{@code _SECRET},
 * {@code ALPHAUS_RIPPLE_CLIENT_ID}/{@code _SECRET} and
 * {@code ALPHAUS_WAVE_CLIENT_ID}/{@code _SECRET}, the user name and password of the same
 * family, {@code ALPHAUS_AUTH_URL}.
 */
@ConfigurationProperties(WaveProperties.PREFIX)
public class WaveProperties {

	/** Prefix of every Wave property. */
	public static final String PREFIX = "wave";

	/** Token endpoint of Alphaus Wave. */
	public static final URI DEFAULT_TOKEN_URI = URI.create("https://login.alphaus.cloud/access_token");

	/** Base URL of the Blue API. */
	public static final URI DEFAULT_BASE_URL = URI.create("https://api.alphaus.cloud/m/blue");

	/**
	 * Whether the Wave auto-configuration applies.
	 */
	private boolean enabled = true;

	/**
	 * API client ID from Wave PRO (Settings > API access token) or Ripple. Defaults to
	 * the first complete pair of the ALPHAUS_CLIENT_ID/_SECRET,
	 * ALPHAUS_RIPPLE_CLIENT_ID/_SECRET and ALPHAUS_WAVE_CLIENT_ID/_SECRET environment
	 * variables.
	 */
	private @Nullable String clientId;

	/**
	 * API client secret from Wave PRO (Settings > API access token) or Ripple. Defaults
	 * to the secret of the pair that gives the client ID.
	 */
	private @Nullable String clientSecret;

	/**
	 * OAuth2 grant used to obtain tokens: 'client_credentials' or 'password'. Defaults to
	 * 'password' when the user name and password both come from the Alphaus SDK
	 * environment variables, as in the SDKs.
	 */
	private WaveGrantType grantType = WaveGrantType.CLIENT_CREDENTIALS;

	/**
	 * User name for the 'password' grant. Defaults to the ALPHAUS_USERNAME environment
	 * variable, or ALPHAUS_RIPPLE_USERNAME / ALPHAUS_WAVE_USERNAME with the Ripple / Wave
	 * credential variables.
	 */
	private @Nullable String username;

	/**
	 * Password for the 'password' grant. Defaults to the ALPHAUS_PASSWORD environment
	 * variable, or ALPHAUS_RIPPLE_PASSWORD / ALPHAUS_WAVE_PASSWORD with the Ripple / Wave
	 * credential variables.
	 */
	private @Nullable String password;

	/**
	 * Scope requested with every token.
	 */
	private String scope = "openid";

	/**
	 * Token endpoint. Defaults to the ALPHAUS_AUTH_URL environment variable, else to
	 * https://login.alphaus.cloud/ripple/access_token with the ALPHAUS_RIPPLE_*
	 * credential variables, else the Wave endpoint.
	 */
	private URI tokenUri = DEFAULT_TOKEN_URI;

	/**
	 * Base URL of the Blue API; only requests under it carry the Wave token.
	 */
	private URI baseUrl = DEFAULT_BASE_URL;

	/**
	 * ID of the Spring Security client registration used for Wave.
	 */
	private String registrationId = "wave";

	/**
	 * Whether a plain-http token URI or base URL on a non-loopback host is accepted.
	 */
	private boolean allowInsecureHttp = false;

	/**
	 * Token lifecycle settings.
	 */
	@NestedConfigurationProperty
	private final Token token = new Token();

	/**
	 * HTTP settings applied to both the token request and the Blue API calls.
	 */
	@NestedConfigurationProperty
	private final Http http = new Http();

	/**
	 * Rate limit and retries of the Blue API calls.
	 */
	@NestedConfigurationProperty
	private final Api api = new Api();

	/**
	 * Settings for decoding Blue API server streams.
	 */
	@NestedConfigurationProperty
	private final Stream stream = new Stream();

	/**
	 * Settings of the {@code wave} health indicator.
	 */
	@NestedConfigurationProperty
	private final Health health = new Health();

	/**
	 * Further Wave or Ripple API clients, by name (letters, digits and '-'): a reseller's
	 * customer organisations, or a Wave and a Ripple client side by side. Each needs its
	 * own client-id and client-secret (and username and password for the password grant);
	 * every other key it leaves unset (scope, token-uri, base-url, token.*, http.*) is
	 * taken from wave.*. Reached through the WaveClients bean.
	 */
	private final Map<String, Client> clients = new LinkedHashMap<>();

	public Map<String, Client> getClients() {
		return this.clients;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getClientId() {
		return this.clientId;
	}

	public void setClientId(@Nullable String clientId) {
		this.clientId = clientId;
	}

	public @Nullable String getClientSecret() {
		return this.clientSecret;
	}

	public void setClientSecret(@Nullable String clientSecret) {
		this.clientSecret = clientSecret;
	}

	public WaveGrantType getGrantType() {
		return this.grantType;
	}

	public void setGrantType(WaveGrantType grantType) {
		this.grantType = grantType;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public String getScope() {
		return this.scope;
	}

	public void setScope(String scope) {
		this.scope = scope;
	}

	public URI getTokenUri() {
		return this.tokenUri;
	}

	public void setTokenUri(URI tokenUri) {
		this.tokenUri = tokenUri;
	}

	public URI getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String getRegistrationId() {
		return this.registrationId;
	}

	public void setRegistrationId(String registrationId) {
		this.registrationId = registrationId;
	}

	public boolean isAllowInsecureHttp() {
		return this.allowInsecureHttp;
	}

	public void setAllowInsecureHttp(boolean allowInsecureHttp) {
		this.allowInsecureHttp = allowInsecureHttp;
	}

	public Token getToken() {
		return this.token;
	}

	public Http getHttp() {
		return this.http;
	}

	public Api getApi() {
		return this.api;
	}

	public Stream getStream() {
		return this.stream;
	}

	public Health getHealth() {
		return this.health;
	}

	@Override
	public String toString() {
		return "WaveProperties[enabled=" + this.enabled + ", clientId=" + Masking.partially(this.clientId)
				+ ", clientSecret=" + Masking.presence(this.clientSecret) + ", grantType=" + this.grantType
				+ ", username=" + this.username + ", password=" + Masking.presence(this.password) + ", scope="
				+ this.scope + ", tokenUri=" + this.tokenUri + ", baseUrl=" + this.baseUrl + ", registrationId="
				+ this.registrationId + ", token=" + this.token + ", http=" + this.http + ", clients="
				+ this.clients.keySet() + "]";
	}

	/**
	 * A named API client ({@code wave.clients.<name>.*}). The credentials are its own;
	 * what else it leaves unset is taken from {@code wave.*}.
	 */
	public static class Client {

		/**
		 * API client id of this client.
		 */
		private @Nullable String clientId;

		/**
		 * API client secret of this client.
		 */
		private @Nullable String clientSecret;

		/**
		 * Grant type of this client; client_credentials when unset (it goes with the
		 * credentials, so it is not taken from wave.grant-type).
		 */
		private @Nullable WaveGrantType grantType;

		/**
		 * Wave user of this client, for the password grant.
		 */
		private @Nullable String username;

		/**
		 * Password of this client's Wave user, for the password grant.
		 */
		private @Nullable String password;

		/**
		 * OAuth2 scope; wave.scope when unset.
		 */
		private @Nullable String scope;

		/**
		 * Token endpoint, for instance Ripple's; wave.token-uri when unset.
		 */
		private @Nullable URI tokenUri;

		/**
		 * Blue API base URL; wave.base-url when unset.
		 */
		private @Nullable URI baseUrl;

		/**
		 * Token lifecycle settings; each unset key is taken from wave.token.*.
		 */
		@NestedConfigurationProperty
		private final Token token = new Token();

		/**
		 * HTTP settings; each unset key is taken from wave.http.*.
		 */
		@NestedConfigurationProperty
		private final Http http = new Http();

		/**
		 * Rate limit and retries of this client's calls (its own rate limit, with the
		 * same settings); each unset key is taken from wave.api.*.
		 */
		@NestedConfigurationProperty
		private final Api api = new Api();

		public @Nullable String getClientId() {
			return this.clientId;
		}

		public void setClientId(@Nullable String clientId) {
			this.clientId = clientId;
		}

		public @Nullable String getClientSecret() {
			return this.clientSecret;
		}

		public void setClientSecret(@Nullable String clientSecret) {
			this.clientSecret = clientSecret;
		}

		public @Nullable WaveGrantType getGrantType() {
			return this.grantType;
		}

		public void setGrantType(@Nullable WaveGrantType grantType) {
			this.grantType = grantType;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public @Nullable String getScope() {
			return this.scope;
		}

		public void setScope(@Nullable String scope) {
			this.scope = scope;
		}

		public @Nullable URI getTokenUri() {
			return this.tokenUri;
		}

		public void setTokenUri(@Nullable URI tokenUri) {
			this.tokenUri = tokenUri;
		}

		public @Nullable URI getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(@Nullable URI baseUrl) {
			this.baseUrl = baseUrl;
		}

		public Token getToken() {
			return this.token;
		}

		public Http getHttp() {
			return this.http;
		}

		public Api getApi() {
			return this.api;
		}

		@Override
		public String toString() {
			return "Client[clientId=" + Masking.partially(this.clientId) + ", clientSecret="
					+ Masking.presence(this.clientSecret) + ", grantType=" + this.grantType + ", username="
					+ this.username + ", password=" + Masking.presence(this.password) + ", scope=" + this.scope
					+ ", tokenUri=" + this.tokenUri + ", baseUrl=" + this.baseUrl + "]";
		}

	}

	/**
	 * Token lifecycle settings ({@code wave.token.*}).
	 */
	public static class Token {

		/**
		 * How long before its expiry a token is renewed. Capped to a tenth of the token's
		 * lifetime, so short-lived tokens are still used.
		 */
		private Duration clockSkew = Duration.ofSeconds(60);

		/**
		 * Timeout of one token request (connect, send and read the whole response).
		 */
		private Duration timeout = Duration.ofSeconds(10);

		/**
		 * How many times a token request is attempted when the token endpoint fails
		 * transiently (connection error, timeout, 408, 429, 5xx); OAuth2 errors are never
		 * retried.
		 */
		private int maxAttempts = 3;

		/**
		 * Backoff before the first retry of a token request; doubled (with jitter) for
		 * each further retry. A 'Retry-After' header of a 429 or 503 answer wins.
		 */
		private Duration retryBackoff = Duration.ofMillis(200);

		/**
		 * Lifetime assumed for a token whose response has no (or a zero) 'expires_in'.
		 */
		private Duration defaultExpiresIn = Duration.ofMinutes(5);

		/**
		 * Whether renewal first tries the 'refresh_token' grant (falling back to the
		 * configured grant when it is refused). Wave documents only 'password' and
		 * 'client_credentials', so this is off by default.
		 */
		private boolean useRefreshToken = false;

		/**
		 * Shortest time between two token renewals forced by the Blue API rejecting the
		 * token (401, or 431 for the token). A token obtained by a forced renewal and
		 * rejected again within this time is kept, and the call fails with the API's
		 * error instead of requesting yet another token, so that a permission problem
		 * cannot flood the token endpoint. Zero renews on every rejection.
		 */
		private Duration forcedRenewalInterval = Duration.ofSeconds(10);

		public Duration getClockSkew() {
			return this.clockSkew;
		}

		public void setClockSkew(Duration clockSkew) {
			this.clockSkew = clockSkew;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getRetryBackoff() {
			return this.retryBackoff;
		}

		public void setRetryBackoff(Duration retryBackoff) {
			this.retryBackoff = retryBackoff;
		}

		public Duration getDefaultExpiresIn() {
			return this.defaultExpiresIn;
		}

		public void setDefaultExpiresIn(Duration defaultExpiresIn) {
			this.defaultExpiresIn = defaultExpiresIn;
		}

		public boolean isUseRefreshToken() {
			return this.useRefreshToken;
		}

		public void setUseRefreshToken(boolean useRefreshToken) {
			this.useRefreshToken = useRefreshToken;
		}

		public Duration getForcedRenewalInterval() {
			return this.forcedRenewalInterval;
		}

		public void setForcedRenewalInterval(Duration forcedRenewalInterval) {
			this.forcedRenewalInterval = forcedRenewalInterval;
		}

		@Override
		public String toString() {
			return "Token[clockSkew=" + this.clockSkew + ", timeout=" + this.timeout + ", maxAttempts="
					+ this.maxAttempts + ", retryBackoff=" + this.retryBackoff + ", defaultExpiresIn="
					+ this.defaultExpiresIn + ", useRefreshToken=" + this.useRefreshToken + ", forcedRenewalInterval="
					+ this.forcedRenewalInterval + "]";
		}

	}

	/**
	 * HTTP settings ({@code wave.http.*}) for the token request and the Blue API calls.
	 */
	public static class Http {

		/**
		 * HTTP client library under both Wave clients and the token request: 'auto' uses
		 * Reactor Netty when the application has it
		 * (io.projectreactor.netty:reactor-netty-http) and the JDK HttpClient otherwise;
		 * 'reactor' requires Reactor Netty; 'jdk' always uses the JDK HttpClient. The
		 * starter brings no HTTP library of its own, so the application's own clients
		 * detect what they would without it.
		 */
		private Connector connector = Connector.AUTO;

		/**
		 * Connect timeout; unset means the HTTP client's default. Must be larger than
		 * zero.
		 */
		private @Nullable Duration connectTimeout;

		/**
		 * Timeout for the response (between request sent and response headers, and
		 * between reads); unset means no timeout on Blue API calls. Long streams are not
		 * cut by it as long as data keeps flowing. Must be larger than zero.
		 */
		private @Nullable Duration responseTimeout;

		/**
		 * Largest unary response body held in memory; unset means Spring's codec default
		 * (256KB). Must be larger than zero.
		 */
		private @Nullable DataSize maxInMemorySize;

		/**
		 * Name of a Spring Boot SSL bundle (spring.ssl.bundle.*) used for the TLS
		 * connections to the token endpoint and the Blue API.
		 */
		private @Nullable String sslBundle;

		/**
		 * Outbound proxy for the token endpoint and the Blue API.
		 */
		@NestedConfigurationProperty
		private final Proxy proxy = new Proxy();

		public Connector getConnector() {
			return this.connector;
		}

		public void setConnector(Connector connector) {
			this.connector = connector;
		}

		public @Nullable Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(@Nullable Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public @Nullable Duration getResponseTimeout() {
			return this.responseTimeout;
		}

		public void setResponseTimeout(@Nullable Duration responseTimeout) {
			this.responseTimeout = responseTimeout;
		}

		public @Nullable DataSize getMaxInMemorySize() {
			return this.maxInMemorySize;
		}

		public void setMaxInMemorySize(@Nullable DataSize maxInMemorySize) {
			this.maxInMemorySize = maxInMemorySize;
		}

		public @Nullable String getSslBundle() {
			return this.sslBundle;
		}

		public void setSslBundle(@Nullable String sslBundle) {
			this.sslBundle = sslBundle;
		}

		public Proxy getProxy() {
			return this.proxy;
		}

		@Override
		public String toString() {
			return "Http[connector=" + this.connector + ", connectTimeout=" + this.connectTimeout + ", responseTimeout="
					+ this.responseTimeout + ", maxInMemorySize=" + this.maxInMemorySize + ", sslBundle="
					+ this.sslBundle + ", proxy=" + this.proxy + "]";
		}

	}

	/**
	 * The HTTP client library under the Wave clients ({@code wave.http.connector}).
	 */
	public enum Connector {

		/**
		 * Reactor Netty when it is on the classpath, the JDK {@code HttpClient}
		 * otherwise.
		 */
		AUTO,

		/**
		 * Reactor Netty; the application must have {@code reactor-netty-http}.
		 */
		REACTOR,

		/**
		 * The JDK {@code HttpClient}.
		 */
		JDK

	}

	/**
	 * Outbound HTTP proxy ({@code wave.http.proxy.*}).
	 */
	public static class Proxy {

		/**
		 * Proxy host; unset means no proxy (unless from-env is true).
		 */
		private @Nullable String host;

		/**
		 * Proxy port.
		 */
		private @Nullable Integer port;

		/**
		 * User name for proxy authentication.
		 */
		private @Nullable String username;

		/**
		 * Password for proxy authentication.
		 */
		private @Nullable String password;

		/**
		 * Hosts reached directly, as a Java regular expression (for example
		 * 'localhost|.*\.internal').
		 */
		private @Nullable String nonProxyHosts;

		/**
		 * Whether to take the proxy from the HTTPS_PROXY (or https_proxy) and NO_PROXY
		 * environment variables when no host is set.
		 */
		private boolean fromEnv = false;

		public @Nullable String getHost() {
			return this.host;
		}

		public void setHost(@Nullable String host) {
			this.host = host;
		}

		public @Nullable Integer getPort() {
			return this.port;
		}

		public void setPort(@Nullable Integer port) {
			this.port = port;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		public @Nullable String getNonProxyHosts() {
			return this.nonProxyHosts;
		}

		public void setNonProxyHosts(@Nullable String nonProxyHosts) {
			this.nonProxyHosts = nonProxyHosts;
		}

		public boolean isFromEnv() {
			return this.fromEnv;
		}

		public void setFromEnv(boolean fromEnv) {
			this.fromEnv = fromEnv;
		}

		@Override
		public String toString() {
			return "Proxy[host=" + this.host + ", port=" + this.port + ", username=" + this.username + ", password="
					+ Masking.presence(this.password) + ", nonProxyHosts=" + this.nonProxyHosts + ", fromEnv="
					+ this.fromEnv + "]";
		}

	}

	/**
	 * Rate limit and retries of the Blue API calls ({@code wave.api.*}). Each client has
	 * its own rate limit, shared by its WebClient and its RestClient.
	 */
	public static class Api {

		/**
		 * Most Blue API calls per second of one client, spaced evenly; a call over it
		 * waits for its turn (without blocking a reactive thread) instead of collecting a
		 * 429. Alphaus allows 100 calls per second per user: N application instances
		 * sharing one credential should each use 100/N. 0 turns the limit off.
		 */
		private double maxRequestsPerSecond = 100;

		/**
		 * Retries of calls answered 429, 502, 503 or 504, or whose connection failed
		 * before any answer.
		 */
		@NestedConfigurationProperty
		private final Retry retry = new Retry();

		public double getMaxRequestsPerSecond() {
			return this.maxRequestsPerSecond;
		}

		public void setMaxRequestsPerSecond(double maxRequestsPerSecond) {
			this.maxRequestsPerSecond = maxRequestsPerSecond;
		}

		public Retry getRetry() {
			return this.retry;
		}

	}

	/**
	 * Retries of Blue API calls ({@code wave.api.retry.*}): only of calls that are safe
	 * to repeat (GET, and the POST custom methods ':read'), unless a call opts in.
	 */
	public static class Retry {

		/**
		 * How many times a call is attempted in all; 1 turns retries off.
		 */
		private int maxAttempts = 3;

		/**
		 * Backoff before the first retry; doubled (with jitter) for each further retry. A
		 * 'Retry-After' of the answer is waited for, plus the jitter.
		 */
		private Duration backoff = Duration.ofMillis(200);

		/**
		 * Longest wait before a retry, 'Retry-After' included: an answer asking for a
		 * longer wait goes to the caller at once.
		 */
		private Duration maxBackoff = Duration.ofSeconds(5);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getBackoff() {
			return this.backoff;
		}

		public void setBackoff(Duration backoff) {
			this.backoff = backoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

	}

	/**
	 * Settings for decoding Blue API server streams ({@code wave.stream.*}).
	 */
	public static class Stream {

		/**
		 * Maximum size of a single newline-delimited line (one row) of a Blue API
		 * streaming response. A longer line fails the stream with
		 * BlueStreamLimitException instead of buffering it. Memory per stream is bounded
		 * by this value plus one network chunk. Between 1B and 2047MB.
		 */
		private DataSize maxLineSize = BlueStreams.DEFAULT_MAX_LINE_SIZE;

		public DataSize getMaxLineSize() {
			return this.maxLineSize;
		}

		public void setMaxLineSize(DataSize maxLineSize) {
			this.maxLineSize = maxLineSize;
		}

	}

	/**
	 * Settings of the {@code wave} health indicator ({@code wave.health.*}). Turn the
	 * indicator off with {@code management.health.wave.enabled=false}.
	 */
	public static class Health {

		/**
		 * Whether each health check obtains a token through the token cache (no token
		 * request while the cached token is valid), instead of only reporting the state
		 * of the last acquisition.
		 */
		private boolean active = false;

		/**
		 * How long an active health check waits for a token before reporting DOWN.
		 */
		private Duration timeout = Duration.ofSeconds(10);

		public boolean isActive() {
			return this.active;
		}

		public void setActive(boolean active) {
			this.active = active;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

}
