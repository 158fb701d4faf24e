package io.github.wavestarter.test;

import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of {@code @MockWaveServerTest} and {@code @EnableMockWave}, read from
 * either annotation by attribute name, and the one place they are mapped onto
 * {@link MockWaveServer#builder()}. Two test classes with equal settings can share an
 * emulator. Attributes an annotation lacks ({@code @MockWaveServerTest} has no
 * {@code propertyPrefix} and no {@code userProperties}) take their defaults. The extra
 * clients come from the {@code clients} attribute, an array of {@link MockWaveClient}.
 *
 * @param clientId accepted client id
 * @param clientSecret accepted client secret
 * @param username user name for the password grant
 * @param password password for the password grant
 * @param tokenExpiresInSeconds {@code expires_in} of issued tokens; enforced when &gt; 0
 * @param lenientFormEncoding also accept {@code application/x-www-form-urlencoded} token
 * requests
 * @param refreshTokenGrant support the {@code refresh_token} grant
 * @param ripple emulate a Ripple API client
 * @param propertyPrefix prefix of the Spring properties pointing at the emulator
 * @param userProperties also set {@code <prefix>.username} and {@code <prefix>.password}
 * @param resetAfterEach call {@link MockWaveServer#reset()} after each test method
 * @param clients the extra API clients, in declaration order (see
 * {@link MockWaveServer.Builder#client(MockApiClient)}); settings with different clients
 * are different settings, so their test classes do not share an emulator
 * @param rateLimit the rate limit of the Blue API in requests per second per client,
 * {@code 0} for none (see {@link MockWaveServer.Builder#rateLimit(int)})
 */
public record MockWaveSettings(String clientId, String clientSecret, String username, String password,
		long tokenExpiresInSeconds, boolean lenientFormEncoding, boolean refreshTokenGrant, boolean ripple,
		String propertyPrefix, boolean userProperties, boolean resetAfterEach, List<MockApiClient> clients,
		int rateLimit) {

	/**
	 * Validates the fields and copies {@code clients} into an unmodifiable list.
	 * @throws IllegalArgumentException if {@code rateLimit} is negative
	 */
	public MockWaveSettings {
		Objects.requireNonNull(clientId, "clientId");
		Objects.requireNonNull(clientSecret, "clientSecret");
		Objects.requireNonNull(username, "username");
		Objects.requireNonNull(password, "password");
		Objects.requireNonNull(propertyPrefix, "propertyPrefix");
		clients = List.copyOf(clients);
		if (rateLimit < 0) {
			throw new IllegalArgumentException(
					"rateLimit must be >= 0 (0 turns the rate limit off) but was " + rateLimit);
		}
	}

	/** Settings without rate limit. */
	public MockWaveSettings(String clientId, String clientSecret, String username, String password,
			long tokenExpiresInSeconds, boolean lenientFormEncoding, boolean refreshTokenGrant, boolean ripple,
			String propertyPrefix, boolean userProperties, boolean resetAfterEach, List<MockApiClient> clients) {
		this(clientId, clientSecret, username, password, tokenExpiresInSeconds, lenientFormEncoding, refreshTokenGrant,
				ripple, propertyPrefix, userProperties, resetAfterEach, clients, 0);
	}

	/** Settings without extra clients and without rate limit. */
	public MockWaveSettings(String clientId, String clientSecret, String username, String password,
			long tokenExpiresInSeconds, boolean lenientFormEncoding, boolean refreshTokenGrant, boolean ripple,
			String propertyPrefix, boolean userProperties, boolean resetAfterEach) {
		this(clientId, clientSecret, username, password, tokenExpiresInSeconds, lenientFormEncoding, refreshTokenGrant,
				ripple, propertyPrefix, userProperties, resetAfterEach, List.of());
	}

	/**
	 * @return the settings of an annotation without attributes
	 */
	public static MockWaveSettings defaults() {
		return new MockWaveSettings(MockWaveServer.DEFAULT_CLIENT_ID, MockWaveServer.DEFAULT_CLIENT_SECRET,
				MockWaveServer.DEFAULT_USERNAME, MockWaveServer.DEFAULT_PASSWORD,
				MockWaveServer.DEFAULT_EXPIRES_IN_SECONDS, false, true, false, MockWaveServer.DEFAULT_PROPERTY_PREFIX,
				true, true);
	}

	/**
	 * Reads the settings from an annotation with (some of) these attribute names, such as
	 * {@code @MockWaveServerTest} or {@code @EnableMockWave}.
	 * @param annotation the annotation
	 * @return its settings, defaults for the attributes it lacks
	 */
	public static MockWaveSettings of(Annotation annotation) {
		MockWaveSettings d = defaults();
		return new MockWaveSettings(read(annotation, "clientId", d.clientId()),
				read(annotation, "clientSecret", d.clientSecret()), read(annotation, "username", d.username()),
				read(annotation, "password", d.password()),
				read(annotation, "tokenExpiresInSeconds", d.tokenExpiresInSeconds()),
				read(annotation, "lenientFormEncoding", d.lenientFormEncoding()),
				read(annotation, "refreshTokenGrant", d.refreshTokenGrant()), read(annotation, "ripple", d.ripple()),
				read(annotation, "propertyPrefix", d.propertyPrefix()),
				read(annotation, "userProperties", d.userProperties()),
				read(annotation, "resetAfterEach", d.resetAfterEach()),
				Arrays.stream(read(annotation, "clients", new MockWaveClient[0]))
					.map(MockWaveSettings::client)
					.toList(),
				read(annotation, "rateLimit", d.rateLimit()));
	}

	/**
	 * Reads one client declaration: empty {@code name}, {@code username} and
	 * {@code password} mean none.
	 * @param declaration the declaration
	 * @return the client
	 * @throws IllegalArgumentException if the declaration is invalid (see
	 * {@link MockApiClient})
	 */
	public static MockApiClient client(MockWaveClient declaration) {
		String name = declaration.name().isEmpty() ? null : declaration.name();
		String username = declaration.username().isEmpty() ? null : declaration.username();
		String password = (username == null && declaration.password().isEmpty()) ? null : declaration.password();
		return new MockApiClient(name, declaration.clientId(), declaration.clientSecret(), username, password);
	}

	/**
	 * @return a builder with these settings
	 */
	public MockWaveServer.Builder builder() {
		MockWaveServer.Builder builder = MockWaveServer.builder()
			.clientId(clientId)
			.clientSecret(clientSecret)
			.user(username, password)
			.tokenExpiresIn(Duration.ofSeconds(tokenExpiresInSeconds))
			.lenientFormEncoding(lenientFormEncoding)
			.refreshTokenGrant(refreshTokenGrant)
			.ripple(ripple)
			.rateLimit(rateLimit);
		clients.forEach(builder::client);
		return builder;
	}

	/**
	 * @return a started emulator with these settings
	 */
	public MockWaveServer start() {
		return builder().start();
	}

	/**
	 * @param server an emulator started with these settings
	 * @return the Spring properties pointing an application at it, with
	 * {@link #propertyPrefix()} and, if {@link #userProperties()}, the user
	 * @see MockWaveServer#springProperties(String, boolean)
	 */
	public Map<String, String> springProperties(MockWaveServer server) {
		return server.springProperties(propertyPrefix, userProperties);
	}

	/** Never shows a secret or a password. */
	@Override
	public String toString() {
		return "MockWaveSettings[clientId=" + clientId + ", clientSecret=******, username=" + username
				+ ", password=******, tokenExpiresInSeconds=" + tokenExpiresInSeconds + ", lenientFormEncoding="
				+ lenientFormEncoding + ", refreshTokenGrant=" + refreshTokenGrant + ", ripple=" + ripple
				+ ", propertyPrefix=" + propertyPrefix + ", userProperties=" + userProperties + ", resetAfterEach="
				+ resetAfterEach + ", clients=" + clients + ", rateLimit=" + rateLimit + "]";
	}

	@SuppressWarnings("unchecked")
	private static <T> T read(Annotation annotation, String attribute, T fallback) {
		Method method;
		try {
			method = annotation.annotationType().getMethod(attribute);
		}
		catch (NoSuchMethodException absent) {
			return fallback;
		}
		try {
			return (T) method.invoke(annotation);
		}
		catch (IllegalAccessException | InvocationTargetException e) {
			throw new IllegalStateException("Cannot read " + attribute + " of " + annotation, e);
		}
	}

}
